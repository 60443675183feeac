package org.mitra.referral.referral;

import static org.mitra.referral.ReferralMessages.MESSAGES;

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
import org.mitra.web.problem.FieldMessage;
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
        List<FieldMessage> problems = new ArrayList<>();
        UUID receiverId = request.receivingOrganizationId();
        Optional<DirectoryOrganization> receiver = directory.organizationWithServices(receiverId);
        Optional<Slice> slice = directory.sliceOf(request.categoryCode());
        if (receiverId.equals(sender)) {
            problems.add(new FieldMessage("receivingOrganizationId", MESSAGES.text("field.receiver-own")));
        } else if (receiver.isEmpty()) {
            problems.add(new FieldMessage("receivingOrganizationId", MESSAGES.text("field.receiver-not-in-directory")));
        } else if (!receiver.get().isVerified()) {
            problems.add(new FieldMessage("receivingOrganizationId", MESSAGES.text("field.receiver-not-verified")));
        }
        if (slice.isEmpty()) {
            problems.add(new FieldMessage("categoryCode", MESSAGES.text("field.category-unknown")));
        } else if (request.slice() != null && request.slice() != slice.get()) {
            problems.add(new FieldMessage("slice", MESSAGES.text("field.slice-mismatch", request.categoryCode(),
                    slice.get().code())));
        }
        if (slice.isPresent() && receiver.isPresent() && !receiverId.equals(sender)) {
            DirectoryOrganization organization = receiver.get();
            if (!organization.offers(request.categoryCode())) {
                problems.add(new FieldMessage("receivingOrganizationId", MESSAGES.text("field.category-not-offered", request.categoryCode())));
            }
            if (request.receivingServiceId() != null) {
                Optional<DirectoryService> service = organization.services.stream()
                        .filter(candidate -> candidate.id.equals(request.receivingServiceId())).findFirst();
                if (service.isEmpty()) {
                    problems.add(new FieldMessage("receivingServiceId", MESSAGES.text("field.service-not-of-receiver")));
                } else if (!service.get().categoryCode.equals(request.categoryCode())) {
                    problems.add(new FieldMessage("receivingServiceId", MESSAGES.text("field.category-not-offered", request.categoryCode())));
                }
            }
            if (slice.get() == Slice.INTERVENTION && !organization.worksWithLawEnforcement) {
                problems.add(new FieldMessage("receivingOrganizationId",
                        MESSAGES.text("field.receiver-no-law-enforcement")));
            }
        }
        if (slice.isPresent() && slice.get() == Slice.INTERVENTION && request.lawEnforcementReference() == null) {
            problems.add(new FieldMessage("lawEnforcementReference", MESSAGES.text("field.law-enforcement-reference-required")));
        }
        if (!AgeBand.isValid(request.profile().ageBand())) {
            problems.add(new FieldMessage("profile.ageBand", MESSAGES.text("field.one-of", AgeBand.CODES)));
        }
        problems.addAll(consentProblems(request.consent(), receiverId, request.identity() != null,
                request.note() != null && !request.note().isBlank(), request.submit()));
        Optional<Subject> subject = knownSubject(sender, request.subjectId(), request.identity(), problems);
        if (!problems.isEmpty()) {
            throw InvalidRequestException.of(problems);
        }
        return subject;
    }

    /**
     * The subject a request names to refer again, if it is the sender's own and still consents; what is wrong with it
     * (or with an identity sent along with it) goes to {@code problems}.
     */
    public Optional<Subject> knownSubject(UUID sender, UUID subjectId, Identity identity, List<FieldMessage> problems) {
        if (identity != null && vault.serialize(identity).length > vault.maxIdentityBytes()) {
            problems.add(new FieldMessage("identity", MESSAGES.text("field.identity-too-large", vault.maxIdentityBytes())));
        }
        if (subjectId == null) {
            return Optional.empty();
        }
        Optional<Subject> subject = Subject.<Subject>findByIdOptional(subjectId).filter(known -> known.organizationId.equals(sender));
        if (subject.isEmpty()) {
            problems.add(new FieldMessage("subjectId", MESSAGES.text("field.subject-unknown")));
        } else if (vault.isShredded(subject.get())) {
            problems.add(new FieldMessage("subjectId", MESSAGES.text("field.subject-withdrew")));
        }
        if (identity != null) {
            problems.add(new FieldMessage("identity", MESSAGES.text("field.identity-known-subject")));
        }
        return subject;
    }

    /** What is wrong with a consent record for a referral to this receiver (empty when it is fine). */
    public static List<FieldMessage> consentProblems(Consent consent, UUID receiverId, boolean hasIdentity, boolean hasNote,
            boolean submitting) {
        List<FieldMessage> problems = new ArrayList<>();
        if (consent == null) {
            if (submitting) {
                problems.add(new FieldMessage("consent", MESSAGES.text("field.consent-required-submit")));
            } else if (hasIdentity) {
                problems.add(new FieldMessage("consent", MESSAGES.text("field.consent-required-identity")));
            }
            return problems;
        }
        if (!consent.sharedWith().contains(receiverId)) {
            problems.add(new FieldMessage("consent.sharedWith", MESSAGES.text("field.consent-receiver")));
        }
        if (!consent.covers(Consent.Shared.PROFILE)) {
            problems.add(new FieldMessage("consent.shares", MESSAGES.text("field.consent-profile")));
        }
        if (hasIdentity && !consent.covers(Consent.Shared.IDENTITY)) {
            problems.add(new FieldMessage("consent.shares", MESSAGES.text("field.consent-identity-share")));
        }
        if (hasNote && !consent.covers(Consent.Shared.NOTE)) {
            problems.add(new FieldMessage("consent.shares", MESSAGES.text("field.consent-note-share")));
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
                throw InvalidRequestException.of("box", MESSAGES.text("field.box"));
            }
            parameters.and("own", own);
        } else if (!access.isCoalitionAdmin()) {
            throw new AccessDeniedException(MESSAGES.text("referral.list-denied"));
        } else if (box != null) {
            throw InvalidRequestException.of("box", MESSAGES.text("field.box-admin"));
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
            throw InvalidRequestException.of("updatedSince", MESSAGES.text("field.updated-since"));
        }
    }
}
