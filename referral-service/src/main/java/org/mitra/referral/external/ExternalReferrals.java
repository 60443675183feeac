package org.mitra.referral.external;

import static org.mitra.referral.ReferralMessages.MESSAGES;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mitra.events.Slice;
import org.mitra.referral.directory.DirectoryReadModel;
import org.mitra.referral.identity.IdentityVault;
import org.mitra.referral.identity.Subject;
import org.mitra.referral.lifecycle.ReferralWorkflow;
import org.mitra.referral.referral.AgeBand;
import org.mitra.referral.referral.Consent;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.ReferralAccess;
import org.mitra.referral.referral.Referrals;
import org.mitra.web.problem.FieldMessage;
import org.mitra.web.problem.InvalidRequestException;

/**
 * Records referrals to agencies outside the platform (police units, hospitals, immigration, government service units):
 * the sender names the agency instead of a receiving organization, the referral starts REQUESTED, and its sender records
 * each later step by hand (the receiver's steps too, {@link ReferralWorkflow}). It counts like any other: its events
 * feed the directory's demand and the statistics, its steps the KPIs. The person's identity is stored only when the
 * consent shares it, and then only in the vault; nobody but the sender's staff reads it, as no organization receives it.
 */
@ApplicationScoped
public class ExternalReferrals {
    @Inject
    ReferralAccess access;

    @Inject
    DirectoryReadModel directory;

    @Inject
    IdentityVault vault;

    @Inject
    Referrals referrals;

    @Inject
    ReferralWorkflow workflow;

    @Transactional(Transactional.TxType.MANDATORY)
    public Referral create(UUID id, ExternalReferralRequest request) {
        UUID sender = access.ownOrganization();
        List<FieldMessage> problems = new ArrayList<>();
        Optional<Slice> slice = directory.sliceOf(request.categoryCode());
        if (slice.isEmpty()) {
            problems.add(new FieldMessage("categoryCode", MESSAGES.text("field.category-unknown")));
        }
        if (!AgeBand.isValid(request.profile().ageBand())) {
            problems.add(new FieldMessage("profile.ageBand", MESSAGES.text("field.one-of", AgeBand.CODES)));
        }
        Consent consent = request.consent().forExternalAgency();
        if (!consent.covers(Consent.Shared.PROFILE)) {
            problems.add(new FieldMessage("consent.shares", MESSAGES.text("field.consent-profile")));
        }
        if (request.identity() != null && !consent.covers(Consent.Shared.IDENTITY)) {
            problems.add(new FieldMessage("consent.shares", MESSAGES.text("field.consent-identity-store")));
        }
        boolean hasNote = request.note() != null && !request.note().isBlank();
        if (hasNote && !consent.covers(Consent.Shared.NOTE)) {
            problems.add(new FieldMessage("consent.shares", MESSAGES.text("field.consent-note-store")));
        }
        Optional<Subject> known = referrals.knownSubject(sender, request.subjectId(), request.identity(), problems);
        if (!problems.isEmpty()) {
            throw InvalidRequestException.of(problems);
        }
        Subject subject = known.orElseGet(() -> vault.newSubject(sender, request.identity()));
        Referral referral = referrals.newDraft(id, sender, subject, request.categoryCode(), slice.orElseThrow(),
                request.regionCode(), request.urgency(), request.profile(), consent, hasNote ? request.note() : null,
                request.lawEnforcementReference());
        referral.externalAgencyName = request.agency().name().strip();
        referral.externalAgencyType = request.agency().type();
        referral.externalAgencyRegion = request.agency().regionCode();
        workflow.persistNew(referral, true);
        ReferralWorkflow.flush();
        return referral;
    }
}
