package org.mitra.referral.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.mitra.events.Slice;
import org.mitra.events.referral.ReferralStatus;
import org.mitra.events.referral.Urgency;
import org.mitra.referral.identity.IdentityVault;
import org.mitra.referral.identity.Subject;
import org.mitra.referral.followup.ContactAttempt;
import org.mitra.referral.lifecycle.HistoryEntry;
import org.mitra.referral.lifecycle.ReferralHistory;
import org.mitra.referral.lifecycle.ReferralWorkflow;
import org.mitra.referral.lifecycle.ServiceDelivery;
import org.mitra.referral.lifecycle.ServiceOutcome;
import org.mitra.referral.open.Offer;
import org.mitra.referral.lifecycle.ReferralEvents;
import org.mitra.referral.lifecycle.StatusChange;
import org.mitra.referral.overdue.Deadlines;
import org.mitra.referral.referral.Consent;
import org.mitra.referral.referral.ExploitationForm;
import org.mitra.referral.referral.Gender;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.SubjectProfile;

/**
 * Referrals between the Bali coalition's demo organizations for the local run (never in tests or production), so that
 * every part of the loop has something to show: two named referrals (requested, accepted), an emergency sent open at
 * night and claimed by the shelter, a referral nobody answered that expired and was forwarded, and one completed with
 * its services, dates and outcome, whose follow-up is set; the KPIs (/api/referrals/kpis) report on them all.
 * Profiles only: no identity, no note, so nothing about a person is invented.
 */
@ApplicationScoped
public class DemoReferrals {
    private static final Logger LOG = Logger.getLogger(DemoReferrals.class);
    private static final String ACTOR = "demo-data";
    static final UUID TRAFFIC_LIGHTS = UUID.fromString("3f7c2a10-5d1e-4c8a-9b21-0d5a1e000002");
    static final UUID PONDOK_GERASA = UUID.fromString("3f7c2a10-5d1e-4c8a-9b21-0d5a1e000003");
    static final UUID FLUX_LIFEHOUSE = UUID.fromString("3f7c2a10-5d1e-4c8a-9b21-0d5a1e000004");

    record DemoReferral(String key, UUID sender, UUID receiver, String category, Slice slice, Urgency urgency, String ageBand,
            Gender gender, List<ReferralStatus> path) {
        UUID id() {
            return UUID.nameUUIDFromBytes(("demo-referral:" + key).getBytes(StandardCharsets.UTF_8));
        }
    }

    static final List<DemoReferral> REFERRALS = List.of(
            new DemoReferral("street-kid-to-skills-training", TRAFFIC_LIGHTS, FLUX_LIFEHOUSE, "skills-training",
                    Slice.REHABILITATION, Urgency.ROUTINE, "12-17", Gender.MALE, List.of(ReferralStatus.REQUESTED)),
            new DemoReferral("teen-survivor-to-shelter", FLUX_LIFEHOUSE, PONDOK_GERASA, "shelter-and-safe-housing",
                    Slice.REHABILITATION, Urgency.HIGH, "12-17", Gender.FEMALE,
                    List.of(ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED)));

    @Inject
    IdentityVault vault;

    @Inject
    ReferralEvents events;

    @Inject
    Deadlines deadlines;

    @ConfigProperty(name = "mitra.demo-data.enabled", defaultValue = "false")
    boolean enabled;

    /** Milliseconds (libs/web's {@link org.mitra.web.Clocks}). */
    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent start) {
        if (enabled) {
            QuarkusTransaction.requiringNew().run(this::load);
        }
    }

    /** Adds each demo referral that is not there yet; a second start changes nothing. */
    public void load() {
        for (DemoReferral demo : REFERRALS) {
            if (Referral.findById(demo.id()) != null) {
                continue;
            }
            Instant now = clock.instant();
            Subject subject = vault.newSubject(demo.sender());
            Referral referral = new Referral();
            referral.id = demo.id();
            referral.subjectId = subject.id;
            referral.sendingOrganizationId = demo.sender();
            referral.receivingOrganizationId = demo.receiver();
            referral.categoryCode = demo.category();
            referral.slice = demo.slice();
            referral.regionCode = "5171";
            referral.urgency = demo.urgency();
            referral.ageBand = demo.ageBand();
            referral.gender = demo.gender();
            referral.profile = new SubjectProfile(demo.ageBand(), demo.gender(), "ID", List.of("id"),
                    List.of(ExploitationForm.CHILD_LABOUR), List.of(demo.category()));
            referral.consent = new Consent(Consent.Giver.PARENT_OR_GUARDIAN, now, Set.of(Consent.Shared.PROFILE),
                    List.of(demo.receiver()), false);
            referral.status = ReferralStatus.DRAFT;
            referral.createdBy = ACTOR;
            referral.createdAt = now;
            referral.updatedAt = now;
            referral.persist();
            history(referral, "create", null, demo.sender());
            for (ReferralStatus next : demo.path()) {
                StatusChange change = referral.moveTo(next, null, now);
                if (next == ReferralStatus.REQUESTED) {
                    referral.deadline = deadlines.deadline(referral.urgency, now);
                }
                history(referral, next == ReferralStatus.REQUESTED ? "submit" : "accept", change.from(),
                        next == ReferralStatus.REQUESTED ? demo.sender() : demo.receiver());
                events.statusChanged(change);
            }
            LOG.infof("Demo referral %s loaded", demo.key());
        }
        if (Referral.findById(id(OPEN_CLAIMED)) == null) {
            openEmergencyClaimed(clock.instant());
        }
        if (Referral.findById(id(EXPIRED)) == null) {
            expiredThenForwarded(clock.instant());
        }
        if (Referral.findById(id(COMPLETED)) == null) {
            completedWithOutcome(clock.instant());
        }
    }

    static final String OPEN_CLAIMED = "night-emergency-claimed";
    static final String EXPIRED = "skills-training-expired";
    static final String FORWARDED = "skills-training-forwarded";
    static final String COMPLETED = "shelter-stay-completed";

    static UUID id(String key) {
        return UUID.nameUUIDFromBytes(("demo-referral:" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** A girl found at night: sent open at 70 minutes ago, offered to the shelter, claimed by it 20 minutes later. */
    private void openEmergencyClaimed(Instant now) {
        Instant offered = now.minus(Duration.ofMinutes(70));
        Referral referral = referral(OPEN_CLAIMED, TRAFFIC_LIGHTS, null, "shelter-and-safe-housing", Slice.REHABILITATION,
                Urgency.EMERGENCY, Gender.FEMALE, offered);
        referral.offeredAt = offered;
        persist(referral, null);
        Offer offer = new Offer();
        offer.key = new Offer.Key(referral.id, PONDOK_GERASA);
        offer.offeredAt = offered;
        offer.persist();
        step(referral, "submit", ReferralStatus.REQUESTED, null, TRAFFIC_LIGHTS, offered);
        referral.receivingOrganizationId = PONDOK_GERASA;
        referral.claimedAt = offered.plus(Duration.ofMinutes(20));
        referral.consent = consent(PONDOK_GERASA, offered);
        step(referral, "claim", ReferralStatus.ACCEPTED, null, PONDOK_GERASA, referral.claimedAt);
        LOG.infof("Demo referral %s loaded", OPEN_CLAIMED);
    }

    /**
     * A shelter resident referred to FLUX for skills training: nobody answered, it expired at twice its deadline, and the
     * shelter forwarded it to the next match, Traffic Lights, which accepted it the next day.
     */
    private void expiredThenForwarded(Instant now) {
        Instant requested = now.minus(Duration.ofDays(16));
        Referral original = referral(EXPIRED, PONDOK_GERASA, FLUX_LIFEHOUSE, "skills-training", Slice.REHABILITATION,
                Urgency.ROUTINE, Gender.FEMALE, requested);
        persist(original, null);
        step(original, "submit", ReferralStatus.REQUESTED, null, PONDOK_GERASA, requested);
        Instant expired = original.expiresAt;
        StatusChange change = original.moveTo(ReferralStatus.CANCELLED, ReferralWorkflow.EXPIRED, expired);
        history(original, "expire", change.from(), ReferralWorkflow.EXPIRED, null, null, ReferralWorkflow.SYSTEM_ACTOR,
                expired);
        events.statusChanged(change);
        Instant forwardedAt = expired.plus(Duration.ofHours(2));
        Referral forwarded = referral(FORWARDED, PONDOK_GERASA, TRAFFIC_LIGHTS, "skills-training", Slice.REHABILITATION,
                Urgency.ROUTINE, Gender.FEMALE, forwardedAt);
        forwarded.forwardedFromId = original.id;
        persist(forwarded, original.id);
        original.forwardedToId = forwarded.id;
        history(original, ReferralHistory.FORWARD, ReferralStatus.CANCELLED, null, PONDOK_GERASA, forwarded.id, ACTOR, forwardedAt);
        step(forwarded, "submit", ReferralStatus.REQUESTED, null, PONDOK_GERASA, forwardedAt);
        step(forwarded, "accept", ReferralStatus.ACCEPTED, null, TRAFFIC_LIGHTS, forwardedAt.plus(Duration.ofDays(1)));
        LOG.infof("Demo referrals %s and %s loaded", EXPIRED, FORWARDED);
    }

    /**
     * A teenage girl's stay at the shelter, referred by FLUX a month ago: accepted the next day, three contact attempts
     * (one reached her), completed two days ago with the services delivered, their dates and the outcome GOT_HELP, and a
     * follow-up set two weeks ahead.
     */
    private void completedWithOutcome(Instant now) {
        Instant requested = now.minus(Duration.ofDays(30));
        Referral referral = referral(COMPLETED, FLUX_LIFEHOUSE, PONDOK_GERASA, "shelter-and-safe-housing",
                Slice.REHABILITATION, Urgency.HIGH, Gender.FEMALE, requested);
        persist(referral, null);
        step(referral, "submit", ReferralStatus.REQUESTED, null, FLUX_LIFEHOUSE, requested);
        Instant accepted = requested.plus(Duration.ofHours(20));
        step(referral, "accept", ReferralStatus.ACCEPTED, null, PONDOK_GERASA, accepted);
        step(referral, "start", ReferralStatus.IN_PROGRESS, null, PONDOK_GERASA, accepted.plus(Duration.ofHours(4)));
        for (int day = 1; day <= 3; day++) {
            ContactAttempt attempt = new ContactAttempt();
            attempt.id = UUID.nameUUIDFromBytes(("demo-contact:" + COMPLETED + ":" + day).getBytes(StandardCharsets.UTF_8));
            attempt.referralId = referral.id;
            attempt.attemptedAt = accepted.plus(Duration.ofDays(day));
            attempt.channel = day == 3 ? ContactAttempt.Channel.VISIT : ContactAttempt.Channel.PHONE;
            attempt.reached = day == 3;
            attempt.actor = ACTOR;
            attempt.organizationId = PONDOK_GERASA;
            attempt.recordedAt = attempt.attemptedAt;
            attempt.persist();
        }
        Instant completed = now.minus(Duration.ofDays(2));
        ZoneId zone = deadlines.zone();
        referral.outcome = ServiceOutcome.GOT_HELP;
        StatusChange change = referral.moveTo(ReferralStatus.COMPLETED, null, completed);
        HistoryEntry entry = history(referral, "complete", change.from(), null, PONDOK_GERASA, null, ACTOR, completed);
        entry.deliveries = List.of(
                new ServiceDelivery("shelter-and-safe-housing", accepted.atZone(zone).toLocalDate(), completed.atZone(zone).toLocalDate()),
                new ServiceDelivery("psychosocial-care", accepted.plus(Duration.ofDays(3)).atZone(zone).toLocalDate(),
                        completed.atZone(zone).toLocalDate()));
        entry.servicesDelivered = List.of("shelter-and-safe-housing", "psychosocial-care");
        entry.outcome = ServiceOutcome.GOT_HELP;
        events.statusChanged(change);
        referral.followUpDueOn = now.plus(Duration.ofDays(14)).atZone(zone).toLocalDate();
        LOG.infof("Demo referral %s loaded", COMPLETED);
    }

    /** A demo referral's row as a draft at {@code at}: a new subject, a profile, consent for its receiver. */
    private Referral referral(String key, UUID sender, UUID receiver, String category, Slice slice, Urgency urgency,
            Gender gender, Instant at) {
        Subject subject = vault.newSubject(sender);
        Referral referral = new Referral();
        referral.id = id(key);
        referral.subjectId = subject.id;
        referral.sendingOrganizationId = sender;
        referral.receivingOrganizationId = receiver;
        referral.categoryCode = category;
        referral.slice = slice;
        referral.regionCode = "5171";
        referral.urgency = urgency;
        referral.ageBand = "12-17";
        referral.gender = gender;
        referral.profile = new SubjectProfile("12-17", gender, "ID", List.of("id"), List.of(ExploitationForm.SEXUAL_EXPLOITATION),
                List.of(category));
        referral.consent = consent(receiver, at);
        referral.status = ReferralStatus.DRAFT;
        referral.createdBy = ACTOR;
        referral.createdAt = at;
        referral.updatedAt = at;
        return referral;
    }

    /** Stores a demo referral and its "create" step (naming the referral it continues, if any). */
    private static void persist(Referral referral, UUID linked) {
        referral.persist();
        history(referral, "create", null, null, referral.sendingOrganizationId, linked, ACTOR, referral.createdAt);
    }

    private static Consent consent(UUID receiver, Instant at) {
        return new Consent(Consent.Giver.PARENT_OR_GUARDIAN, at, Set.of(Consent.Shared.PROFILE),
                receiver == null ? List.of() : List.of(receiver), false);
    }

    /** One step of a demo referral at {@code at}, recorded and announced like the workflow's. */
    private void step(Referral referral, String action, ReferralStatus to, String reason, UUID organization, Instant at) {
        StatusChange change = referral.moveTo(to, reason, at);
        if (to == ReferralStatus.REQUESTED) {
            referral.deadline = deadlines.deadline(referral.urgency, at);
            referral.expiresAt = deadlines.expiry(referral.urgency, at);
        }
        history(referral, action, change.from(), reason, organization, null, ACTOR, at);
        events.statusChanged(change);
    }

    private static HistoryEntry history(Referral referral, String action, ReferralStatus from, String reason, UUID organization,
            UUID linked, String actor, Instant at) {
        HistoryEntry entry = new HistoryEntry();
        entry.id = UUID.randomUUID();
        entry.referralId = referral.id;
        entry.action = action;
        entry.fromStatus = from;
        entry.toStatus = referral.status;
        entry.reasonCode = reason;
        entry.actor = actor;
        entry.organizationId = organization;
        entry.linkedReferralId = linked;
        entry.occurredAt = at;
        entry.persist();
        return entry;
    }

    private void history(Referral referral, String action, ReferralStatus from, UUID organization) {
        HistoryEntry entry = new HistoryEntry();
        entry.id = UUID.randomUUID();
        entry.referralId = referral.id;
        entry.action = action;
        entry.fromStatus = from;
        entry.toStatus = referral.status;
        entry.actor = ACTOR;
        entry.organizationId = organization;
        entry.occurredAt = referral.updatedAt;
        entry.persist();
    }
}
