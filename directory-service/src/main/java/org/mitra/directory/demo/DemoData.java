package org.mitra.directory.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.mitra.directory.organization.Organization;
import org.mitra.directory.organization.OrganizationEvents;
import org.mitra.directory.services.Gender;
import org.mitra.directory.services.Service;
import org.mitra.directory.taxonomy.TaxonomyTerm;
import org.mitra.events.directory.OrganizationStatus;

/**
 * The Bali coalition's first members for the local run (never in tests or production): only the
 * facts the coalition gave, no invented addresses or contacts, so the first pie shows the real gap
 * in intervention. Their ids match the {@code org} attribute of the demo users in the Keycloak realm.
 */
@ApplicationScoped
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String BALI = "51";

    record DemoService(String name, String category, Set<Gender> genders) {
    }

    record DemoOrganization(UUID id, String slug, String name, String description, List<DemoService> services) {
    }

    static final List<DemoOrganization> ORGANIZATIONS = List.of(
            new DemoOrganization(UUID.fromString("3f7c2a10-5d1e-4c8a-9b21-0d5a1e000001"), "darkbali", "Darkbali",
                    "Grows a local anti-trafficking coalition and raises awareness in the English-speaking tourist sector.",
                    List.of(new DemoService("Local coalition building", "coalition-and-research", Set.of()),
                            new DemoService("Awareness in the English-speaking tourist sector", "tourism-and-business-engagement", Set.of()),
                            new DemoService("Public awareness", "public-awareness", Set.of()))),
            new DemoOrganization(UUID.fromString("3f7c2a10-5d1e-4c8a-9b21-0d5a1e000002"), "traffic-lights",
                    "YWAM Bali - Traffic Lights", "A program for street kids.",
                    List.of(new DemoService("Traffic Lights street kids program", "street-children-outreach", Set.of()),
                            new DemoService("Life skills for street kids", "skills-training", Set.of()))),
            new DemoOrganization(UUID.fromString("3f7c2a10-5d1e-4c8a-9b21-0d5a1e000003"), "pondok-gerasa", "Pondok Gerasa",
                    "Live-in facility for female survivors.",
                    List.of(new DemoService("Live-in facility for female survivors", "shelter-and-safe-housing", Set.of(Gender.FEMALE)))),
            new DemoOrganization(UUID.fromString("3f7c2a10-5d1e-4c8a-9b21-0d5a1e000004"), "flux-lifehouse", "FLUX Lifehouse",
                    "Prevention and rehabilitation: skills training and job placement for at-risk youth and teen survivors.",
                    List.of(new DemoService("Livelihoods for at-risk youth", "livelihoods-for-at-risk-groups", Set.of()),
                            new DemoService("Skills training for teen survivors", "skills-training", Set.of()),
                            new DemoService("Job placement for teen survivors", "livelihood-and-job-placement", Set.of()))));

    @Inject
    OrganizationEvents events;

    @ConfigProperty(name = "mitra.demo-data.enabled", defaultValue = "false")
    boolean enabled;

    void onStart(@Observes StartupEvent start) {
        if (enabled) {
            QuarkusTransaction.requiringNew().run(this::load);
        }
    }

    /** Adds each demo organization that is not there yet; a second start changes nothing. */
    void load() {
        for (DemoOrganization demo : ORGANIZATIONS) {
            if (Organization.findById(demo.id()) != null) {
                continue;
            }
            Instant now = Instant.now();
            Organization organization = new Organization();
            organization.id = demo.id();
            organization.slug = demo.slug();
            organization.name = demo.name();
            organization.description = demo.description();
            organization.regions.add(BALI);
            organization.status = OrganizationStatus.VERIFIED;
            organization.statusReason = "Founding member of the Bali coalition (demo data)";
            organization.statusChangedAt = now;
            organization.createdAt = now;
            organization.updatedAt = now;
            organization.persist();
            for (DemoService offered : demo.services()) {
                TaxonomyTerm category = TaxonomyTerm.find("code", offered.category()).firstResult();
                Service service = new Service();
                service.id = UUID.nameUUIDFromBytes((demo.slug() + ":" + offered.category()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                service.organization = organization;
                service.name = offered.name();
                service.slice = category.slice;
                service.category = category;
                service.genders.addAll(offered.genders());
                service.regions.add(BALI);
                service.createdAt = now;
                service.updatedAt = now;
                service.persist();
            }
            Organization.getEntityManager().flush();
            events.publishStateOf(organization);
            LOG.infof("Demo organization %s loaded", demo.slug());
        }
    }
}
