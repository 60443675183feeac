package org.mitra.referral.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.mitra.events.Slice;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.Urgency;
import org.mitra.referral.external.ExternalAgency;
import org.mitra.referral.lifecycle.BusinessStatus;
import org.mitra.referral.lifecycle.ReferralStateMachine;
import org.mitra.referral.lifecycle.ServiceOutcome;
import org.mitra.referral.lifecycle.StatusChange;

/** A referral of one subject from the sending to the receiving organization. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "subject_id", nullable = false)
    public UUID subjectId;

    @Column(name = "sending_organization_id", nullable = false)
    public UUID sendingOrganizationId;

    /** The receiving organization; null for a referral to an agency outside the platform. */
    @Column(name = "receiving_organization_id")
    public UUID receivingOrganizationId;

    /** The agency outside the platform the referral goes to, instead of a receiving organization (an institution). */
    @Column(name = "external_agency_name")
    public String externalAgencyName;

    @Enumerated(EnumType.STRING)
    @Column(name = "external_agency_type")
    public ExternalAgency.Type externalAgencyType;

    @Column(name = "external_agency_region")
    public String externalAgencyRegion;

    @Column(name = "receiving_service_id")
    public UUID receivingServiceId;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Slice slice;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "business_status")
    public BusinessStatus businessStatus;

    @Column(name = "age_band", nullable = false)
    public String ageBand;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Gender gender;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public SubjectProfile profile;

    @JdbcTypeCode(SqlTypes.JSON)
    public Consent consent;

    @Column(name = "consent_withdrawn_at")
    public Instant consentWithdrawnAt;

    /** Who withdrew consent ({@code SUBJECT}, ...), and the reason code. */
    @Column(name = "consent_withdrawn_by")
    public String consentWithdrawnBy;

    @Column(name = "consent_withdrawal_reason")
    public String consentWithdrawalReason;

    /** The sender's note, encrypted with the subject's data key. */
    @Column(name = "note_ciphertext")
    public byte[] noteCiphertext;

    @Column(name = "law_enforcement_agency")
    public String lawEnforcementAgency;

    /**
     * The police report number, encrypted with the subject's data key like the note (gone with the key). The
     * plaintext column {@code law_enforcement_report_number} is no longer written (see V8).
     */
    @Column(name = "law_enforcement_report_number_ciphertext")
    public byte[] lawEnforcementReportNumberCiphertext;

    @Column(name = "requested_at")
    public Instant requestedAt;

    /** When the referral left the open states (completed, failed, cancelled, rejected, entered in error); null while open. */
    @Column(name = "closed_at")
    public Instant closedAt;

    /** When the receiver should have answered a REQUESTED referral. */
    public Instant deadline;

    /**
     * When a REQUESTED referral nobody answered closes as CANCELLED with reason {@code EXPIRED}: by default twice its
     * urgency's deadline after it was requested ({@code mitra.referral.overdue.expiry-multiple}).
     */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** The referral this one continues: its sender forwarded that one here after it expired or had no capacity. */
    @Column(name = "forwarded_from_id")
    public UUID forwardedFromId;

    /**
     * When the sender sent it open (an emergency offered to every matching organization with room, none named); null
     * for a named referral.
     */
    @Column(name = "offered_at")
    public Instant offeredAt;

    /** When an offered organization claimed it, becoming its receiver. */
    @Column(name = "claimed_at")
    public Instant claimedAt;

    /** When, still unclaimed, it was escalated to the coalition admins. */
    @Column(name = "escalated_at")
    public Instant escalatedAt;

    /** The referral its sender forwarded this one to, once (after it expired or was rejected for want of capacity). */
    @Column(name = "forwarded_to_id")
    public UUID forwardedToId;

    /** What came of a completed referral for the person (its receiver says so on completing it). */
    @Enumerated(EnumType.STRING)
    public ServiceOutcome outcome;

    /** The day the receiver means to follow up with the person (in the coalition's time zone), if it set one. */
    @Column(name = "follow_up_due_on")
    public LocalDate followUpDueOn;

    /** The day the receiver recorded that follow-up as done; null while it is owed. */
    @Column(name = "follow_up_done_on")
    public LocalDate followUpDoneOn;

    /** When the overdue job flagged it; null while it is not overdue. */
    @Column(name = "overdue_at")
    public Instant overdueAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * Whether the sender ever submitted the referral: only then does the receiver see it. The submission
     * time is set by the one step that leaves DRAFT for REQUESTED and never cleared, so a draft the sender
     * cancelled or marked entered in error stays the sender's alone whatever its status.
     */
    public boolean wasSubmitted() {
        return requestedAt != null;
    }

    /**
     * Moves the referral to a status its caller was allowed to move it to ({@link ReferralStateMachine#next}): stamps
     * the time, the submission when it leaves DRAFT for REQUESTED (the caller sets the deadline, which needs the
     * configured business days) and the closing when it leaves the open states, and returns what happened, from
     * which the history entry and the event are built.
     */
    public StatusChange moveTo(ReferralStatus to, String reasonCode, Instant at) {
        ReferralStatus from = status;
        status = to;
        updatedAt = at;
        if (to == ReferralStatus.REQUESTED) {
            requestedAt = at;
        }
        if (!ReferralStateMachine.isOpen(to) && closedAt == null) {
            closedAt = at;
        }
        return new StatusChange(id, categoryCode, regionCode, from, to, reasonCode, at, wasSubmitted());
    }

    /**
     * Whether it goes to an agency outside the platform: no organization receives it, so its sender records the steps a
     * receiver would take.
     */
    public boolean isExternal() {
        return externalAgencyName != null;
    }

    /** Whether it was sent open and nobody claimed it yet: it has no receiver, only offers. */
    public boolean isUnclaimedOffer() {
        return offeredAt != null && claimedAt == null;
    }

    public boolean isIntervention() {
        return slice == Slice.INTERVENTION;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Referral referral && id != null && id.equals(referral.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(Referral.class);
    }
}
