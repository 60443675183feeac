package org.mitra.referral.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.mitra.events.Slice;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.Urgency;
import org.mitra.referral.external.ExternalAgency;
import org.mitra.referral.lifecycle.BusinessStatus;
import org.mitra.referral.lifecycle.ServiceOutcome;

/**
 * A referral as the caller may see it. The two organizations' staff see everything but the
 * identity (which has its own audited endpoint); coalition admins see metadata only: no subject,
 * no consent details, no note, no law-enforcement reference.
 */
@Schema(name = "Referral")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralView(
        UUID id,
        ReferralStatus status,
        BusinessStatus businessStatus,
        UUID sendingOrganizationId,
        @Schema(description = "Null for a referral to an agency outside the platform (see externalAgency)")
        UUID receivingOrganizationId,
        UUID receivingServiceId,
        @Schema(description = "The agency outside the platform the referral went to; its sender records its steps")
        ExternalAgency externalAgency,
        String categoryCode,
        Slice slice,
        String regionCode,
        Urgency urgency,
        String ageBand,
        Gender gender,
        @Schema(description = "Staff of the two organizations only") UUID subjectId,
        @Schema(description = "Staff of the two organizations only") SubjectProfile profile,
        @Schema(description = "Staff of the two organizations only") Consent consent,
        boolean consentWithdrawn,
        @Schema(description = "Whether an identity is stored and readable at /identity (staff only)") Boolean hasIdentity,
        @Schema(description = "Staff of the two organizations only") String note,
        @Schema(description = "Staff of the two organizations only; the report number is encrypted with the subject's key "
                + "and absent once consent was withdrawn, and for the receiver once its window after closing has passed")
        LawEnforcementReference lawEnforcementReference,
        boolean overdue,
        Instant requestedAt,
        Instant deadline,
        @Schema(description = "When it closes as CANCELLED with reason EXPIRED if still REQUESTED (twice its deadline by "
                + "default); the sender may then forward it") Instant expiresAt,
        @Schema(description = "An emergency sent open: when it was offered to every matching organization with room")
        Instant offeredAt,
        @Schema(description = "When an offered organization claimed it, becoming its receiver") Instant claimedAt,
        @Schema(description = "When, still unclaimed, it was escalated to the coalition admins") Instant escalatedAt,
        @Schema(description = "The referral this one continues, forwarded by the sender (the sender and coalition admins "
                + "only)") UUID forwardedFromId,
        @Schema(description = "The referral this one was forwarded to (the sender and coalition admins only)")
        UUID forwardedToId,
        @Schema(description = "COMPLETED only: what came of it for the person", examples = "GOT_HELP") ServiceOutcome outcome,
        @Schema(description = "The day the receiver means to follow up with the person", examples = "2026-06-15")
        LocalDate followUpDueOn,
        @Schema(description = "The day the receiver recorded the follow-up done") LocalDate followUpDoneOn,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "When the referral closed (completed, failed, cancelled, rejected, entered in error); the "
                + "receiver reads the identity and the note until mitra.referral.identity.receiver-access-after-close "
                + "(30 days) after it, never after rejected or entered in error") Instant closedAt,
        @Schema(description = "What the caller's organization may do now") List<String> allowedActions,
        long version) {

    /**
     * Everything a referral's two organizations' staff see of it (the identity itself has its own audited endpoint).
     *
     * @param hasIdentity    whether an identity is stored and this side may read it now
     * @param note           the sender's note as this side may be shown it, or null
     * @param reportNumber   the decrypted police report number, or null when there is none, the subject's key was
     *                       destroyed or the receiver's window has passed (the agency is shown all the same)
     * @param allowedActions what the caller's organization may do now
     * @param chainShown     whether the caller sees the referrals it was forwarded from and to: the sender does, a
     *                       receiver never (the one that could not take the person does not learn where they went)
     */
    public static ReferralView staff(Referral referral, boolean hasIdentity, String note, String reportNumber,
            List<String> allowedActions, boolean chainShown) {
        LawEnforcementReference reference = referral.lawEnforcementAgency == null ? null
                : new LawEnforcementReference(referral.lawEnforcementAgency, reportNumber);
        return of(referral, new PersonalData(referral.subjectId, referral.profile, referral.consent, hasIdentity, note,
                reference), allowedActions, chainShown);
    }

    /**
     * What coalition admins see of a referral: its metadata, none of the person's data (see {@code PersonalData}) and
     * no action.
     */
    public static ReferralView metadata(Referral referral) {
        return of(referral, PersonalData.WITHHELD, List.of(), true);
    }

    /** The one place a view is put together: the referral's metadata, with the person's data as far as shown. */
    private static ReferralView of(Referral referral, PersonalData personal, List<String> allowedActions,
            boolean chainShown) {
        return new ReferralView(referral.id, referral.status, referral.businessStatus, referral.sendingOrganizationId,
                referral.receivingOrganizationId, referral.receivingServiceId, referral.isExternal()
                ? new ExternalAgency(referral.externalAgencyName, referral.externalAgencyType, referral.externalAgencyRegion)
                : null, referral.categoryCode, referral.slice,
                referral.regionCode, referral.urgency, referral.ageBand, referral.gender, personal.subjectId(),
                personal.profile(), personal.consent(), referral.consentWithdrawnAt != null, personal.hasIdentity(),
                personal.note(), personal.lawEnforcementReference(), referral.overdueAt != null, referral.requestedAt,
                referral.deadline, referral.expiresAt, referral.offeredAt, referral.claimedAt, referral.escalatedAt, chainShown ? referral.forwardedFromId : null,
                chainShown ? referral.forwardedToId : null, referral.outcome, referral.followUpDueOn,
                referral.followUpDoneOn, referral.createdAt, referral.updatedAt, referral.closedAt, allowedActions,
                referral.version);
    }

    /**
     * The parts of the view only the two organizations' staff see: the subject, the profile, the consent, whether an
     * identity is readable, the note and the law-enforcement reference. {@link #WITHHELD} is the one list of what the
     * metadata view leaves out (each absent from its JSON).
     */
    private record PersonalData(UUID subjectId, SubjectProfile profile, Consent consent, Boolean hasIdentity,
            String note, LawEnforcementReference lawEnforcementReference) {
        static final PersonalData WITHHELD = new PersonalData(null, null, null, null, null, null);
    }
}
