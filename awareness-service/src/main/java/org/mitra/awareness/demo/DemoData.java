package org.mitra.awareness.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.mitra.awareness.campaign.Campaign;
import org.mitra.awareness.campaign.CampaignEvents;
import org.mitra.awareness.campaign.CampaignText;
import org.mitra.awareness.campaign.PledgeOption;

/**
 * Darkbali's campaign for the local run (never in tests or production): aimed at English-speaking
 * tourists and tourism businesses in Bali, saying nothing beyond that aim: no invented figures,
 * places or contacts. Written directly, because the directory's demo organizations reach the read
 * model by Kafka, possibly after this service has started.
 */
@ApplicationScoped
public class DemoData {
    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final UUID DARKBALI = UUID.fromString("3f7c2a10-5d1e-4c8a-9b21-0d5a1e000001");
    static final UUID CAMPAIGN = UUID.nameUUIDFromBytes("mitra-demo:darkbali:child-safe-tourism-bali".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    static final String BALI = "51";

    @Inject
    CampaignEvents events;

    @ConfigProperty(name = "mitra.demo-data.enabled", defaultValue = "false")
    boolean enabled;

    Clock clock = Clock.systemUTC();

    void onStart(@Observes StartupEvent start) {
        if (enabled) {
            QuarkusTransaction.requiringNew().run(this::load);
        }
    }

    /** Adds the campaign unless it is there already; a second start changes nothing. */
    void load() {
        if (Campaign.findById(CAMPAIGN) != null) {
            return;
        }
        Campaign campaign = new Campaign();
        campaign.id = CAMPAIGN;
        campaign.slug = "child-safe-tourism-bali";
        campaign.organizationId = DARKBALI;
        campaign.categoryCode = "tourism-and-business-engagement";
        campaign.status = Campaign.Status.ACTIVE;
        campaign.statusReason = "Demo data of the local run";
        campaign.createdAt = clock.instant();
        campaign.updatedAt = campaign.createdAt;
        campaign.statusChangedAt = campaign.createdAt;
        campaign.startDate = LocalDate.ofInstant(campaign.createdAt, ZoneOffset.UTC);
        campaign.endDate = campaign.startDate.plusYears(1);
        campaign.audiences.addAll(List.of("tourists", "tourism-businesses"));
        campaign.regions.add(BALI);
        campaign.translations.put("en", text("Child-safe tourism in Bali",
                "Darkbali raises awareness among English-speaking tourists and tourism businesses in Bali about human "
                        + "trafficking and the exploitation of children, and invites them to take part.",
                List.of("Everyone in tourism can help protect children and people at risk of trafficking.",
                        "Tourism businesses can commit to the six criteria of the tourism industry's child-protection code."),
                "Make a pledge"));
        campaign.translations.put("id", text("Pariwisata ramah anak di Bali",
                "Darkbali meningkatkan kesadaran wisatawan berbahasa Inggris dan pelaku usaha pariwisata di Bali tentang "
                        + "perdagangan orang dan eksploitasi anak, serta mengajak mereka untuk ikut berperan.",
                List.of("Setiap orang di sektor pariwisata dapat membantu melindungi anak-anak dan orang-orang yang berisiko "
                                + "menjadi korban perdagangan orang.",
                        "Pelaku usaha pariwisata dapat berkomitmen pada enam kriteria kode perlindungan anak industri pariwisata."),
                "Buat ikrar"));
        campaign.pledgeOptions.add(option("child-safe-traveller",
                Map.of("en", "I will travel child-safe and speak up when I suspect exploitation",
                        "id", "Saya akan berwisata dengan ramah anak dan bersuara bila mencurigai eksploitasi")));
        campaign.pledgeOptions.add(option("child-protection-code",
                Map.of("en", "Our business commits to the six criteria of the tourism industry's child-protection code",
                        "id", "Usaha kami berkomitmen pada enam kriteria kode perlindungan anak industri pariwisata")));
        campaign.persist();
        Campaign.getEntityManager().flush();
        events.publishStateOf(campaign);
        LOG.infof("Demo campaign %s of Darkbali loaded", campaign.slug);
    }

    private static CampaignText text(String title, String summary, List<String> keyMessages, String callToAction) {
        CampaignText text = new CampaignText();
        text.title = title;
        text.summary = summary;
        text.keyMessages.addAll(keyMessages);
        text.callToAction = callToAction;
        return text;
    }

    private static PledgeOption option(String code, Map<String, String> labels) {
        PledgeOption option = new PledgeOption();
        option.code = code;
        option.labels.putAll(labels);
        return option;
    }
}
