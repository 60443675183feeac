package org.mitra.referral.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
import org.mitra.referral.lifecycle.HistoryEntry;
import org.mitra.referral.lifecycle.ReferralEvents;
import org.mitra.referral.lifecycle.StatusChange;
import org.mitra.referral.overdue.Deadlines;
import org.mitra.referral.referral.Consent;
import org.mitra.referral.referral.ExploitationForm;
import org.mitra.referral.referral.Gender;
import org.mitra.referral.referral.Referral;
import org.mitra.referral.referral.SubjectProfile;

/**
 * Two referrals between the Bali coalition's demo organizations for the local run (never in tests
 * or production). Profiles only: no identity, no note, so nothing about a person is invented.
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
