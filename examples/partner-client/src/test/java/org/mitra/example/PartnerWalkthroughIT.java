package org.mitra.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mitra.example.client.directory.api.CallerApi;
import org.mitra.example.client.directory.model.CallerView;
import org.mitra.example.client.referrals.ApiException;
import org.mitra.example.client.referrals.ApiResponse;
import org.mitra.example.client.referrals.api.LifecycleApi;
import org.mitra.example.client.referrals.api.MatchingApi;
import org.mitra.example.client.referrals.api.ReferralsApi;
import org.mitra.example.client.referrals.api.WebhooksApi;
import org.mitra.example.client.referrals.model.Consent;
import org.mitra.example.client.referrals.model.Gender;
import org.mitra.example.client.referrals.model.Giver;
import org.mitra.example.client.referrals.model.HistoryEntry;
import org.mitra.example.client.referrals.model.Match;
import org.mitra.example.client.referrals.model.PageReferralView;
import org.mitra.example.client.referrals.model.Referral;
import org.mitra.example.client.referrals.model.ReferralRequest;
import org.mitra.example.client.referrals.model.ReferralStatus;
import org.mitra.example.client.referrals.model.ServiceDelivery;
import org.mitra.example.client.referrals.model.ServiceOutcome;
import org.mitra.example.client.referrals.model.Shared;
import org.mitra.example.client.referrals.model.SubjectProfile;
import org.mitra.example.client.referrals.model.TransitionRequest;
import org.mitra.example.client.referrals.model.Urgency;
import org.mitra.example.client.referrals.model.WebhookDelivery;
import org.mitra.example.client.referrals.model.WebhookDeliveryStatus;
import org.mitra.example.client.referrals.model.WebhookSubscription;
import org.mitra.example.client.referrals.model.WebhookSubscriptionRequest;
import org.mitra.example.client.referrals.model.WebhookSubscriptionStatus;
import org.mitra.example.client.referrals.model.WebhookType;
import org.mitra.local.ComponentStatus;
import org.mitra.local.DemoOrganization;
import org.mitra.local.Directories;
import org.mitra.local.LocalPlatform;
import org.mitra.local.PlatformService;
import org.mitra.local.PlatformSettings;

/**
 * The README's "Integrate with Mitra in 15 minutes", run against the whole platform (PostgreSQL, Kafka, Keycloak, the
 * four services, started as the local run starts them) through the gateway, using only the clients generated from the
 * services' OpenAPI documents: a caseworker of Darkbali refers a survivor to Pondok Gerasa's shelter, and Pondok
 * Gerasa's case-management system (a partner system: client credentials, role partner-app) accepts and completes the
 * referral; Darkbali then reads it closed, with every step in its history.
 *
 * <p>Both systems learn of the other's steps by webhooks, not by polling: the shelter's system subscribes to the
 * referrals it receives and Darkbali's admin to its referrals' outcomes, each endpoint verifying every signature.
 */
class PartnerWalkthroughIT {
    /** Shared with deploy/local's and system-tests' ITs on purpose: the unpacked Keycloak is kept between runs. */
    private static final String RUNTIME = "deploy/local/target/it-runtime";
    /** The shelter's category and the city the person is in (Denpasar; the shelter serves all of Bali, region 51). */
    private static final String CATEGORY = "shelter-and-safe-housing";
    private static final String REGION = "5171";
    private static final String PARTNER_CLIENT = "mitra-partner-demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalPlatform platform;
    private static PlatformSettings settings;
    private static Gateway gateway;
    private static PartnerLogin login;

    @BeforeAll
    static void startPlatform() {
        settings = PlatformSettings.withFreePorts(PlatformSettings.findRepository(Path.of("")), RUNTIME, PlatformService.values());
        // A fresh database and broker for every run; Keycloak's unpacked distribution and realm stay.
        Directories.delete(settings.runtime().resolve("postgres/data"));
        Directories.delete(settings.runtime().resolve("kafka"));
        long begin = System.nanoTime();
        platform = LocalPlatform.start(settings);
        List<ComponentStatus> notReady = platform.statuses().stream().filter(status -> !status.ready()).toList();
        assertThat(notReady).as("components not ready (logs in %s)", settings.logs()).isEmpty();
        System.out.printf("Platform up in %.1f s; logs in %s%n", (System.nanoTime() - begin) / 1e9, settings.logs());
        gateway = new Gateway(settings.serviceUrl(PlatformService.GATEWAY));
        login = new PartnerLogin(settings.issuer());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aReferralIsSentAcceptedAndCompletedThroughTheGeneratedClients() throws Exception {
        DemoOrganization sender = DemoOrganization.DARKBALI;
        DemoOrganization shelter = DemoOrganization.PONDOK_GERASA;

        // 1. Sign in. The sender: a caseworker's script (password grant of client mitra-cli, development realms only).
        //    The receiver: Pondok Gerasa's case-management system, with the client id and secret the coalition gave it.
        String senderToken = login.staffMember(sender.caseworker(), DemoOrganization.DEMO_PASSWORD);
        String shelterToken = login.partnerSystem(PARTNER_CLIENT, settings.clientSecret(PARTNER_CLIENT));

        // 2. Who am I (getCurrentCaller): the organization and roles the platform reads from each token.
        CallerView senderCaller = new CallerApi(gateway.directory(senderToken)).getCurrentCaller();
        assertThat(senderCaller.getOrganization()).isEqualTo(sender.id());
        assertThat(senderCaller.getRoles()).contains("caseworker");
        CallerView shelterCaller = new CallerApi(gateway.directory(shelterToken)).getCurrentCaller();
        assertThat(shelterCaller.getOrganization()).isEqualTo(shelter.id());
        assertThat(shelterCaller.getRoles()).contains("partner-app");

        // 2b. Webhooks (createWebhookSubscription): the shelter's system subscribes its endpoint to the referrals it
        //     receives, and Darkbali's admin its own endpoint to its referrals' outcomes. Mitra posts a challenge each
        //     endpoint echoes, and shows each signing secret once.
        String senderAdminToken = login.staffMember(sender.admin(), DemoOrganization.DEMO_PASSWORD);
        try (PartnerWebhookReceiver shelterEndpoint = new PartnerWebhookReceiver();
                PartnerWebhookReceiver senderEndpoint = new PartnerWebhookReceiver()) {
            WebhookSubscription shelterSubscription = new WebhooksApi(gateway.referrals(shelterToken))
                    .createWebhookSubscription(new WebhookSubscriptionRequest().url(shelterEndpoint.url())
                            .eventTypes(List.of(WebhookType.REFERRAL_RECEIVED)).description("Pondok Gerasa case system"));
            assertThat(shelterSubscription.getStatus()).isEqualTo(WebhookSubscriptionStatus.ACTIVE);
            assertThat(shelterSubscription.getSecret()).startsWith("whsec_");
            shelterEndpoint.secret(shelterSubscription.getSecret());
            WebhookSubscription senderSubscription = new WebhooksApi(gateway.referrals(senderAdminToken))
                    .createWebhookSubscription(new WebhookSubscriptionRequest().url(senderEndpoint.url())
                            .eventTypes(List.of(WebhookType.REFERRAL_ACCEPTED, WebhookType.REFERRAL_COMPLETED)));
            assertThat(senderSubscription.getStatus()).isEqualTo(WebhookSubscriptionStatus.ACTIVE);
            senderEndpoint.secret(senderSubscription.getSecret());
            walkthrough(sender, shelter, senderToken, shelterToken, shelterEndpoint, senderEndpoint);
            assertThat(shelterEndpoint.refused()).isEmpty();
            assertThat(senderEndpoint.refused()).isEmpty();
            // The delivery log (listWebhookDeliveries): each delivered at its first try.
            List<WebhookDelivery> log = new WebhooksApi(gateway.referrals(shelterToken))
                    .listWebhookDeliveries(shelterSubscription.getId(), null, null, null);
            assertThat(log).isNotEmpty().allSatisfy(entry -> assertThat(entry.getStatus()).isEqualTo(WebhookDeliveryStatus.DELIVERED));
        }
    }

    private void walkthrough(DemoOrganization sender, DemoOrganization shelter, String senderToken, String shelterToken,
            PartnerWebhookReceiver shelterEndpoint, PartnerWebhookReceiver senderEndpoint) throws Exception {

        ReferralsApi senderReferrals = new ReferralsApi(gateway.referrals(senderToken));
        LifecycleApi senderLifecycle = new LifecycleApi(gateway.referrals(senderToken));
        ReferralsApi shelterReferrals = new ReferralsApi(gateway.referrals(shelterToken));
        LifecycleApi shelterLifecycle = new LifecycleApi(gateway.referrals(shelterToken));

        // 3. Find a receiver (findMatchingOrganizations): verified organizations offering the category in the region or
        //    its parent region, best first. The referral service learns the directory's organizations from Kafka, so
        //    right after a start the match may take a moment to appear.
        Match match = awaitMatch(new MatchingApi(gateway.referrals(senderToken)), shelter.id());
        assertThat(match.getCategoryCode()).isEqualTo(CATEGORY);
        assertThat(match.getCoveredRegion()).isEqualTo("51");
        assertThat(match.getServiceId()).isNotNull();

        // 4. Send the referral (sendReferral), submitted at once, with the consent it needs: the person agreed to share
        //    the profile (always required) with the shelter. An Idempotency-Key makes a retry safe.
        ReferralRequest request = new ReferralRequest()
                .receivingOrganizationId(match.getOrganizationId())
                .receivingServiceId(match.getServiceId())
                .categoryCode(CATEGORY)
                .regionCode(REGION)
                .urgency(Urgency.HIGH)
                .profile(new SubjectProfile().ageBand("18-24").gender(Gender.FEMALE).languages(List.of("id")))
                .consent(new Consent()
                        .consentedBy(Giver.SUBJECT)
                        .consentedAt(OffsetDateTime.now().minusMinutes(10))
                        .shares(Set.of(Shared.PROFILE))
                        .sharedWith(List.of(shelter.id()))
                        .mayContact(false))
                .submit(true);
        Referral sent = senderReferrals.sendReferral(request, UUID.randomUUID().toString());
        UUID id = sent.getId();
        assertThat(id).isNotNull();
        assertThat(sent.getStatus()).isEqualTo(ReferralStatus.REQUESTED);
        assertThat(sent.getSendingOrganizationId()).isEqualTo(sender.id());
        assertThat(sent.getReceivingOrganizationId()).isEqualTo(shelter.id());
        assertThat(sent.getRequestedAt()).isNotNull();
        assertThat(sent.getDeadline()).as("HIGH: 24 hours to answer").isAfter(sent.getRequestedAt());
        assertThat(sent.getAllowedActions()).contains("cancel").doesNotContain("accept", "complete");

        // 5. The shelter's endpoint receives the signed delivery: type referral.received and the referral's id, nothing
        //    about the person. The shelter reads the rest with its own token (getReferral), so that read is authorized
        //    and audited. Its received box (listReferrals box=received, status=REQUESTED) has it too.
        PartnerWebhookReceiver.Delivery told = shelterEndpoint.await(delivery -> delivery.type().equals("referral.received")
                && delivery.data().path("referralId").asText().equals(id.toString()), Duration.ofSeconds(60));
        assertThat(told.data().path("status").asText()).isEqualTo("REQUESTED");
        assertThat(told.data().toString()).doesNotContain("18-24").doesNotContain("FEMALE");
        PageReferralView inbox = shelterReferrals.listReferrals("received", null, 0, 100, ReferralStatus.REQUESTED, null);
        Referral received = inbox.getItems().stream().filter(each -> id.equals(each.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("Referral " + id + " is not in the shelter's received box: " + inbox));
        assertThat(received.getSendingOrganizationId()).isEqualTo(sender.id());
        assertThat(received.getProfile().getAgeBand()).isEqualTo("18-24");
        assertThat(received.getProfile().getGender()).isEqualTo(Gender.FEMALE);
        ApiResponse<Referral> read = shelterReferrals.getReferralWithHttpInfo(id);
        assertThat(read.getData().getAllowedActions()).contains("accept", "reject");

        // The sender cannot act for the receiver: accepting is the other side's action (403).
        assertThatThrownBy(() -> senderLifecycle.transitionReferral(id, new TransitionRequest().action("accept"), null))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(403));

        // 6. The shelter accepts it (transitionReferral accept), sending the ETag it read as If-Match.
        ApiResponse<Referral> accepted = shelterLifecycle.transitionReferralWithHttpInfo(id,
                new TransitionRequest().action("accept"), etag(read));
        assertThat(accepted.getData().getStatus()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(accepted.getData().getAllowedActions()).contains("start", "complete");

        // 7. ... and completes it, naming the services delivered with their dates and the outcome for the person
        // (transitionReferral complete).
        Referral completed = shelterLifecycle.transitionReferral(id, completion(), etag(accepted));
        assertThat(completed.getStatus()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(completed.getClosedAt()).isNotNull();
        assertThat(completed.getAllowedActions()).isEmpty();

        // 7b. Darkbali's endpoint receives both outcomes, each signed with its own secret: accepted and completed.
        senderEndpoint.await(delivery -> delivery.type().equals("referral.completed")
                && delivery.data().path("referralId").asText().equals(id.toString()), Duration.ofSeconds(60));
        assertThat(senderEndpoint.await(delivery -> delivery.type().equals("referral.accepted"), Duration.ofSeconds(5))
                .data().path("side").asText()).isEqualTo("SENDER");

        // 8. The sender reads it closed (getReferral) and its history (getReferralHistory): every step, by whom.
        Referral seen = senderReferrals.getReferral(id);
        assertThat(seen.getStatus()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(seen.getClosedAt()).isEqualTo(completed.getClosedAt());
        List<HistoryEntry> history = senderLifecycle.getReferralHistory(id);
        assertThat(history).extracting(HistoryEntry::getAction).containsExactly("create", "submit", "accept", "complete");
        assertThat(history).extracting(HistoryEntry::getToStatus).containsExactly(ReferralStatus.DRAFT, ReferralStatus.REQUESTED,
                ReferralStatus.ACCEPTED, ReferralStatus.COMPLETED);
        assertThat(history).extracting(HistoryEntry::getOrganizationId).containsExactly(sender.id(), sender.id(), shelter.id(),
                shelter.id());
        assertThat(history.get(3).getServicesDelivered()).containsExactly(CATEGORY);
        assertThat(history.get(3).getOutcome()).isEqualTo(ServiceOutcome.GOT_HELP);
        assertThat(seen.getOutcome()).isEqualTo(ServiceOutcome.GOT_HELP);

        // After the close: the shelter's system moves it no further (409 invalid-transition), and the staff of an
        // organization that is no party to it (Traffic Lights) cannot tell it exists (404), through the same clients.
        assertThatThrownBy(() -> shelterLifecycle.transitionReferral(id,
                completion(), null))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(409));
        String outsider = login.staffMember(DemoOrganization.TRAFFIC_LIGHTS.caseworker(), DemoOrganization.DEMO_PASSWORD);
        assertThatThrownBy(() -> new ReferralsApi(gateway.referrals(outsider)).getReferral(id))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(404));
        assertThatThrownBy(() -> new LifecycleApi(gateway.referrals(outsider)).getReferralHistory(id))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(404));
    }

    /**
     * The documents the gateway serves (/openapi/directory, /openapi/referrals, /openapi/awareness) have the same
     * operations (method, path, operationId) as the build-time documents the clients were generated from: no drift.
     */
    @Test
    void theGatewayServesTheDocumentsTheClientsWereGeneratedFrom() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String document : List.of("directory", "referrals", "awareness")) {
            Path buildTime = Path.of(System.getProperty("mitra.openapi." + document));
            Map<String, String> generatedFrom = operations(JSON.readTree(buildTime.toFile()));
            HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/openapi/" + document))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(live.statusCode()).as("GET /openapi/%s", document).isEqualTo(200);
            Map<String, String> served = operations(JSON.readTree(live.body()));
            assertThat(generatedFrom).as("operations of %s (%s)", document, buildTime).isNotEmpty();
            assertThat(served).as("operations the gateway serves at /openapi/%s, against %s", document, buildTime)
                    .isEqualTo(generatedFrom);
        }
    }

    /** "GET /api/referrals/{id}" → "getReferral", for every operation of the document. */
    private static Map<String, String> operations(JsonNode openapi) {
        Map<String, String> operations = new TreeMap<>();
        openapi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (method.getValue().has("operationId")) {
                operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue().get("operationId").asText());
            }
        }));
        return operations;
    }

    private static Match awaitMatch(MatchingApi matching, UUID organization) throws ApiException, InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        List<Match> matches;
        do {
            matches = matching.findMatchingOrganizations(CATEGORY, REGION, null, Gender.FEMALE, null);
            Optional<Match> found = matches.stream().filter(each -> organization.equals(each.getOrganizationId())).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(until));
        throw new AssertionError("No match of organization " + organization + " for " + CATEGORY + " in " + REGION + ": " + matches);
    }

    private static String etag(ApiResponse<?> response) {
        return response.getHeaders().entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase("ETag"))
                .flatMap(header -> header.getValue().stream()).findFirst()
                .orElseThrow(() -> new AssertionError("No ETag in the answer: " + response.getHeaders()));
    }

    /** Completing: the shelter stay, begun today in Bali's time zone (the coalition's), and the person got help. */
    private static TransitionRequest completion() {
        return new TransitionRequest().action("complete").outcome(ServiceOutcome.GOT_HELP)
                .deliveries(List.of(new ServiceDelivery().categoryCode(CATEGORY).deliveredOn(LocalDate.now(ZoneId.of("Asia/Makassar")))));
    }
}
