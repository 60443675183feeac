package org.mitra.referral.referral;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mitra.events.Slice;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.Urgency;
import org.mitra.referral.directory.DirectoryOrganization;
import org.mitra.referral.directory.DirectoryReadModel;
import org.mitra.referral.directory.DirectoryService;
import org.mitra.referral.identity.Identity;
import org.mitra.referral.identity.IdentityVault;
import org.mitra.referral.identity.Subject;
import org.mitra.referral.lifecycle.Action;
import org.mitra.referral.lifecycle.ReferralStateMachine;
import org.mitra.referral.lifecycle.ReferralWorkflow;
import org.mitra.referral.followup.ContactAttempts;
import org.mitra.referral.lifecycle.Side;
import org.mitra.referral.overdue.Deadlines;
import org.mitra.web.problem.AccessDeniedException;
import org.mitra.web.problem.FieldViolation;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.paging.Page;
import org.mitra.web.paging.PageRequest;

/**
 * Creates referrals after checking them against the directory read model and the consent rules,
 * and shows each caller what it may see of them.
 */
@ApplicationScoped
public class Referrals {
    @Inject
    ReferralAccess access;

    @Inject
    DirectoryReadModel directory;

    @Inject
    IdentityVault vault;

    @Inject
    ReferralWorkflow workflow;

    @Inject
    Deadlines deadlines;

    /** Milliseconds (libs/web's {@link org.mitra.web.Clocks}). */
    @Inject
    Clock clock;

    /** Creates the referral under this new id (its resource makes it before, for its Location). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Referral create(UUID id, ReferralRequest request) {
        UUID sender = access.ownOrganization();
        Optional<Subject> knownSubject = check(sender, request);
        Slice slice = directory.sliceOf(request.categoryCode()).orElseThrow();
        // A known subject comes without an identity (check refuses one); a new one gets it encrypted before its row is written.
        Subject subject = knownSubject.orElseGet(() -> vault.newSubject(sender, request.identity()));
        Referral referral = newDraft(id, sender, subject, request.categoryCode(), slice, request.regionCode(), request.urgency(),
                request.profile(), request.consent(), request.note(), request.lawEnforcementReference());
        referral.receivingOrganizationId = request.receivingOrganizationId();
        referral.receivingServiceId = request.receivingServiceId();
        workflow.persistNew(referral, request.submit());
        ReferralWorkflow.flush();
        return referral;
    }

    /**
     * A new draft from the caller's organization, not stored yet, without its receiver: the note and the police report
     * number encrypted with the subject's key and bound to the new row. Every way of creating a referral starts here.
     */
    public Referral newDraft(UUID id, UUID sender, Subject subject, String categoryCode, Slice slice, String regionCode,
            Urgency urgency, SubjectProfile profile, Consent consent, String note, LawEnforcementReference reference) {
        Referral referral = new Referral();
        referral.id = id;
        referral.subjectId = subject.id;
        referral.sendingOrganizationId = sender;
        referral.categoryCode = categoryCode;
        referral.slice = slice;
        referral.regionCode = regionCode;
        referral.urgency = urgency;
        referral.status = ReferralStatus.DRAFT;
        referral.ageBand = profile.ageBand();
        referral.gender = profile.gender();
        referral.profile = profile;
        referral.consent = consent;
        if (note != null && !note.isBlank()) {
            referral.noteCiphertext = vault.encryptNote(subject, referral.id, note);
        }
        if (reference != null) {
            referral.lawEnforcementAgency = reference.agency();
            referral.lawEnforcementReportNumberCiphertext = vault.encryptReportNumber(subject, referral.id,
                    reference.reportNumber());
        }
        referral.createdBy = access.actor();
        referral.createdAt = clock.instant();
        referral.updatedAt = referral.createdAt;
        return referral;
    }

    /** Every problem with the request at once, before anything is stored; the subject to refer again, if named. */
    private Optional<Subject> check(UUID sender, ReferralRequest request) {
        List<FieldViolation> problems = new ArrayList<>();
        UUID receiverId = request.receivingOrganizationId();
        Optional<DirectoryOrganization> receiver = directory.organizationWithServices(receiverId);
        Optional<Slice> slice = directory.sliceOf(request.categoryCode());
        if (receiverId.equals(sender)) {
            problems.add(new FieldViolation("receivingOrganizationId", "must be another organization than your own"));
        } else if (receiver.isEmpty()) {
            problems.add(new FieldViolation("receivingOrganizationId", "is not an organization in the directory"));
        } else if (!receiver.get().isVerified()) {
            problems.add(new FieldViolation("receivingOrganizationId", "is not a verified organization"));
        }
        if (slice.isEmpty()) {
            problems.add(new FieldViolation("categoryCode", "is not a known category"));
        } else if (request.slice() != null && request.slice() != slice.get()) {
            problems.add(new FieldViolation("slice", "does not match category " + request.categoryCode()
                    + ", which belongs to slice " + slice.get().code()));
        }
        if (slice.isPresent() && receiver.isPresent() && !receiverId.equals(sender)) {
            DirectoryOrganization organization = receiver.get();
            if (!organization.offers(request.categoryCode())) {
                problems.add(new FieldViolation("receivingOrganizationId", "does not offer category " + request.categoryCode()));
            }
            if (request.receivingServiceId() != null) {
                Optional<DirectoryService> service = organization.services.stream()
                        .filter(candidate -> candidate.id.equals(request.receivingServiceId())).findFirst();
                if (service.isEmpty()) {
                    problems.add(new FieldViolation("receivingServiceId", "is not a service of the receiving organization"));
                } else if (!service.get().categoryCode.equals(request.categoryCode())) {
                    problems.add(new FieldViolation("receivingServiceId", "does not offer category " + request.categoryCode()));
                }
            }
            if (slice.get() == Slice.INTERVENTION && !organization.worksWithLawEnforcement) {
                problems.add(new FieldViolation("receivingOrganizationId",
                        "does not work with law enforcement, which intervention referrals require"));
            }
        }
        if (slice.isPresent() && slice.get() == Slice.INTERVENTION && request.lawEnforcementReference() == null) {
            problems.add(new FieldViolation("lawEnforcementReference", "is required for intervention referrals"));
        }
        if (!AgeBand.isValid(request.profile().ageBand())) {
            problems.add(new FieldViolation("profile.ageBand", "must be one of " + AgeBand.CODES));
        }
        problems.addAll(consentProblems(request.consent(), receiverId, request.identity() != null,
                request.note() != null && !request.note().isBlank(), request.submit()));
        Optional<Subject> subject = knownSubject(sender, request.subjectId(), request.identity(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return subject;
    }

    /**
     * The subject a request names to refer again, if it is the sender's own and still consents; what is wrong with it
     * (or with an identity sent along with it) goes to {@code problems}.
     */
    public Optional<Subject> knownSubject(UUID sender, UUID subjectId, Identity identity, List<FieldViolation> problems) {
        if (identity != null && vault.serialize(identity).length > vault.maxIdentityBytes()) {
            problems.add(new FieldViolation("identity", "is larger than " + vault.maxIdentityBytes() + " bytes"));
        }
        if (subjectId == null) {
            return Optional.empty();
        }
        Optional<Subject> subject = Subject.<Subject>findByIdOptional(subjectId).filter(known -> known.organizationId.equals(sender));
        if (subject.isEmpty()) {
            problems.add(new FieldViolation("subjectId", "is not a subject your organization referred"));
        } else if (vault.isShredded(subject.get())) {
            problems.add(new FieldViolation("subjectId", "withdrew consent; refer the person anew with new consent"));
        }
        if (identity != null) {
            problems.add(new FieldViolation("identity", "must be left out when referring a known subject again"));
        }
        return subject;
    }

    /** What is wrong with a consent record for a referral to this receiver (empty when it is fine). */
    public static List<FieldViolation> consentProblems(Consent consent, UUID receiverId, boolean hasIdentity, boolean hasNote,
            boolean submitting) {
        List<FieldViolation> problems = new ArrayList<>();
        if (consent == null) {
            if (submitting) {
                problems.add(new FieldViolation("consent", "is required to submit a referral"));
            } else if (hasIdentity) {
                problems.add(new FieldViolation("consent", "is required to store an identity"));
            }
            return problems;
        }
        if (!consent.sharedWith().contains(receiverId)) {
            problems.add(new FieldViolation("consent.sharedWith", "must include the receiving organization"));
        }
        if (!consent.covers(Consent.Shared.PROFILE)) {
            problems.add(new FieldViolation("consent.shares", "must include PROFILE: a referral always shares the profile"));
        }
        if (hasIdentity && !consent.covers(Consent.Shared.IDENTITY)) {
            problems.add(new FieldViolation("consent.shares", "must include IDENTITY to share an identity"));
        }
        if (hasNote && !consent.covers(Consent.Shared.NOTE)) {
            problems.add(new FieldViolation("consent.shares", "must include NOTE to share a note"));
        }
        return problems;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ReferralView view(UUID id) {
        return view(access.visible(id));
    }

    /** The referral as this caller may see it: everything for the two organizations' staff, metadata for coalition admins. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReferralView view(Referral referral) {
        // The receiver sees the identity's presence and the note only as far as consent and its window allow.
        return access.sideOf(referral)
                .map(side -> ReferralView.staff(referral,
                        vault.mayShow(referral, side, Consent.Shared.IDENTITY) && vault.hasReadableIdentity(referral),
                        vault.mayShow(referral, side, Consent.Shared.NOTE) ? vault.note(referral).orElse(null) : null,
                        access.mayReadPersonalData(referral, side) ? vault.reportNumber(referral).orElse(null) : null,
                        ReferralStateMachine.allowedActions(referral.status, side, referral.isExternal()).stream()
                                .map(Action::code).toList(),
                        side == Side.SENDER))
                .orElseGet(() -> ReferralView.metadata(referral));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Page<ReferralView> list(String box, ReferralStatus status, String updatedSince, boolean followUpOwed,
            PageRequest page) {
        Instant since = parseInstant(updatedSince);
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (access.isStaff()) {
            UUID own = access.ownOrganization();
            if ("sent".equals(box)) {
                where.append(" and sendingOrganizationId = :own");
            } else if ("received".equals(box)) {
                // Submitted ones only (Referral.wasSubmitted): never a draft, cancelled or entered in error as a draft.
                where.append(" and receivingOrganizationId = :own and requestedAt is not null");
            } else {
                throw InvalidRequestException.of("box", "must be sent or received");
            }
            parameters.and("own", own);
        } else if (!access.isCoalitionAdmin()) {
            throw new AccessDeniedException("Only organizations' staff and coalition admins list referrals");
        } else if (box != null) {
            throw InvalidRequestException.of("box", "applies to an organization's staff; coalition admins list all referrals");
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        if (followUpOwed) {
            // Due before today in the coalition's time zone and not recorded done; never once consent was withdrawn.
            where.append(" and followUpDueOn < :today and followUpDoneOn is null and consentWithdrawnAt is null"
                    + " and status in :followedUp");
            parameters.and("followedUp", ContactAttempts.FOLLOWED_UP);
            parameters.and("today", LocalDate.now(clock.withZone(deadlines.zone())));
        }
        if (since != null) {
            where.append(" and updatedAt >= :since");
            parameters.and("since", since);
        }
        PanacheQuery<Referral> query = Referral.find(where.toString(),
                Sort.descending("updatedAt").and("id"), parameters);
        List<Referral> referrals = query.page(page.page(), page.size()).list();
        if (access.isStaff()) {
            vault.prefetch(referrals); // coalition admins see metadata only, which needs neither subjects nor keys
        }
        List<ReferralView> items = referrals.stream().map(this::view).toList();
        return Page.of(items, page, query.count());
    }

    private static Instant parseInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of("updatedSince", "must be an ISO-8601 UTC time such as 2026-05-04T09:30:00Z");
        }
    }
}
