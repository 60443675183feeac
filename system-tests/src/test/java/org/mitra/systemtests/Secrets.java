package org.mitra.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.mitra.local.DemoOrganization;
import org.mitra.local.PlatformService;

/**
 * API3 (b), what a caller may not see: secrets the suite stores with random markers (a survivor's name and phone, a
 * confidential shelter address, a pledger's e-mail, a registrant's contact), who must never receive each, and every GET
 * of the three services to look for them in. Keeps the tally for the figures.
 */
final class Secrets {
    private static final List<PlatformService> SERVICES = List.of(PlatformService.DIRECTORY, PlatformService.REFERRAL,
            PlatformService.AWARENESS);

    /** A secret the test stored, the callers that must never receive it, and where the allowed ones may. */
    record Secret(String name, String marker, List<Caller> forbidden, List<Caller> allowed, String allowedPathSuffix) {
    }

    /** One GET of the crawl: the operation it documents and the concrete path and query. */
    record Get(PlatformService service, OpenApi.Operation operation, String path, String query) {
        String name() {
            return service.module() + " " + operation.key() + (query.isEmpty() ? "" : "?" + query);
        }

        String pathAndQuery() {
            return path + (query.isEmpty() ? "" : "?" + query);
        }
    }

    private final Requests requests;
    private final List<Secret> secrets;
    private final Map<String, String> objects;
    private final Map<String, Integer> answersByCaller = new LinkedHashMap<>();
    private int cells;
    private int bodies;
    private int leaks;

    private Secrets(Requests requests, List<Secret> secrets, Map<String, String> objects) {
        this.requests = requests;
        this.secrets = secrets;
        this.objects = objects;
    }

    /** Stores the secrets, each on an object of darkbali, after a control that its owner reads it. */
    static Secrets store(Requests requests, OwnedObjects owned, String campaignId) {
        // Each secret carries its own random marker, never used in anything public (names, titles).
        String marker = "Mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String other = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        SystemPlatform platform = requests.platform();
        // A referral of darkbali to traffic-lights whose identity carries the marker.
        ObjectNode referral = Json.object().put("receivingOrganizationId", OwnedObjects.RECEIVER.id().toString())
                .put("categoryCode", "street-children-outreach").put("regionCode", "5171").put("urgency", "HIGH").put("submit", true)
                .put("note", "system-tests API3 visibility fixture");
        referral.putObject("profile").put("ageBand", "12-17").put("gender", "FEMALE");
        String phone = "+62 812 " + (10_000_000 + new Random().nextInt(89_999_999));
        referral.putObject("identity").put("fullName", "Ni Luh " + marker).put("contact", phone);
        ObjectNode consent = referral.putObject("consent").put("consentedBy", "SUBJECT")
                .put("consentedAt", Instant.now().minusSeconds(3600).toString()).put("mayContact", true);
        consent.putArray("shares").add("PROFILE").add("IDENTITY").add("NOTE");
        consent.putArray("sharedWith").add(OwnedObjects.RECEIVER.id().toString());
        Http.Exchange created = requests.send(PlatformService.REFERRAL, "POST", "/api/referrals", Caller.caseworker(OwnedObjects.OWNER),
                Json.write(referral), Map.of());
        assertThat(created.status()).as("referral with a marked identity: %s", created.describe()).isEqualTo(201);
        String referralId = Json.read(created.body()).path("id").asText();
        Http.Exchange identity = requests.get(PlatformService.REFERRAL, "/api/referrals/" + referralId + "/identity",
                Caller.caseworker(OwnedObjects.OWNER));
        assertThat(identity.body()).as("control: the sender reads the identity it stored: %s", identity.describe()).contains(marker);

        // A service of darkbali with a confidential location whose address carries another marker.
        String addressMarker = "Jl. Rahasia " + other;
        ObjectNode service = Json.object().put("name", "System tests shelter").put("category", "shelter-and-safe-housing")
                .put("frontGateContact", "Call the front gate");
        service.putArray("regions").add("5171");
        service.putArray("locations").addObject().put("name", "Shelter").put("address", addressMarker).put("city", "Denpasar")
                .put("region", "5171").put("confidential", true);
        Http.Exchange offered = requests.send(PlatformService.DIRECTORY, "POST", "/api/directory/organizations/" + OwnedObjects.OWNER.id()
                + "/services", Caller.orgAdmin(OwnedObjects.OWNER), Json.write(service), Map.of());
        assertThat(offered.status()).as("service with a confidential location: %s", offered.describe()).isEqualTo(201);
        String serviceId = Json.read(offered.body()).path("id").asText();
        Http.Exchange ownView = requests.get(PlatformService.DIRECTORY, "/api/directory/services/" + serviceId, Caller.orgAdmin(OwnedObjects.OWNER));
        assertThat(ownView.body()).as("control: its own admin sees the confidential address: %s", ownView.describe()).contains(addressMarker);

        // A pledge with a marked e-mail and a registration with a marked contact on darkbali's campaign and activity.
        String email = "pledger-" + UUID.randomUUID().toString().substring(0, 13) + "@example.org";
        JsonNode campaign = Json.read(platform.http().get(platform.url(PlatformService.AWARENESS) + "/api/awareness/campaigns/" + campaignId,
                Map.of()).body());
        ObjectNode pledge = Json.object().put("kind", "PERSON").put("commitment", campaign.path("pledgeOptions").path(0).path("code").asText(""))
                .put("country", "AU").put("email", email).put("contactConsent", true);
        Http.Exchange pledged = requests.send(PlatformService.AWARENESS, "POST", "/api/awareness/campaigns/" + campaignId + "/pledges",
                Caller.ANONYMOUS, Json.write(pledge), Map.of());
        assertThat(pledged.status()).as("pledge with a marked e-mail: %s", pledged.describe()).isEqualTo(201);
        String contact = "registrant-" + UUID.randomUUID().toString().substring(0, 13) + "@example.org";
        String activityId = owned.id("activities").orElseThrow();
        Http.Exchange registered = requests.send(PlatformService.AWARENESS, "POST", "/api/awareness/campaigns/" + campaignId + "/activities/"
                + activityId + "/registrations", Caller.ANONYMOUS, Json.write(Json.object().put("name", "Made Registrant").put("contact", contact)),
                Map.of());
        assertThat(registered.status()).as("registration with a marked contact: %s", registered.describe()).isEqualTo(201);

        Map<String, String> objects = new LinkedHashMap<>(owned.ids());
        objects.put("referrals", referralId);
        objects.put("services", serviceId);
        List<Caller> strangers = List.of(Caller.GOV_LIAISON, Caller.FEEDS_APP, Caller.orgAdmin(DemoOrganization.FLUX_LIFEHOUSE),
                Caller.caseworker(DemoOrganization.FLUX_LIFEHOUSE), Caller.PARTNER_APP, Caller.ANONYMOUS);
        List<Caller> identityForbidden = new ArrayList<>(strangers);
        identityForbidden.add(0, Caller.COALITION_ADMIN);
        List<Caller> parties = List.of(Caller.caseworker(OwnedObjects.OWNER), Caller.orgAdmin(OwnedObjects.OWNER),
                Caller.caseworker(OwnedObjects.RECEIVER), Caller.orgAdmin(OwnedObjects.RECEIVER));
        List<Caller> addressForbidden = new ArrayList<>(strangers);
        addressForbidden.add(Caller.caseworker(OwnedObjects.RECEIVER));
        return new Secrets(requests, List.of(
                new Secret("survivor identity (name)", marker, identityForbidden, parties, "/identity"),
                new Secret("survivor identity (contact phone)", phone, identityForbidden, parties, "/identity"),
                new Secret("confidential location address", addressMarker, addressForbidden, List.of(), null),
                new Secret("pledger e-mail", email, strangers, List.of(), null),
                new Secret("registrant contact", contact, strangers, List.of(), null)), objects);
    }

    List<Secret> all() {
        return secrets;
    }

    /** Every caller some secret concerns: those that must not see it and those that may. */
    List<Caller> callers() {
        Set<Caller> callers = new LinkedHashSet<>();
        secrets.forEach(secret -> {
            callers.addAll(secret.forbidden());
            callers.addAll(secret.allowed());
        });
        return List.copyOf(callers);
    }

    /**
     * Every GET operation of the three services: path ids of the secrets' objects (else darkbali's, else known ones), every
     * value of each enum query parameter, size 100 where the list is paged. The same requests for every caller.
     */
    List<Get> crawl() {
        List<Get> gets = new ArrayList<>();
        Random random = new Random(3);
        for (PlatformService service : SERVICES) {
            OpenApi document = requests.platform().openApi(service);
            SchemaValues values = new SchemaValues(document, requests.known());
            for (OpenApi.Operation operation : document.operations()) {
                if (!operation.method().equals("GET")) {
                    continue;
                }
                String path = requests.fill(operation, objects, random);
                List<String> queries = new ArrayList<>();
                StringBuilder base = new StringBuilder();
                for (OpenApi.Parameter parameter : operation.in("query")) {
                    if (parameter.name().equals("size")) {
                        base.append("&size=100");
                    } else if (parameter.required()) {
                        base.append('&').append(parameter.name()).append('=')
                                .append(FuzzRequests.encode(values.valid(parameter.schema(), random).asText()));
                    }
                }
                queries.add(base.toString());
                for (OpenApi.Parameter parameter : operation.in("query")) {
                    JsonNode options = document.resolve(parameter.schema()).path("enum");
                    if (!parameter.required()) {
                        options.forEach(option -> queries.add(base + "&" + parameter.name() + "=" + FuzzRequests.encode(option.asText())));
                    }
                }
                for (String query : queries) {
                    gets.add(new Get(service, operation, path, query.isEmpty() ? "" : query.substring(1)));
                }
            }
        }
        return gets;
    }

    synchronized void scanned(Caller caller) {
        bodies++;
        answersByCaller.merge(caller.name(), 1, Integer::sum);
    }

    synchronized void cell() {
        cells++;
    }

    synchronized void leak() {
        leaks++;
    }

    /** The figures as they are now (the rows in place before the first answer, final after the last). */
    synchronized void figures(Figures figures, String section) {
        figures.put(section, "secrets stored and looked for", secrets.stream().map(Secret::name).toList());
        figures.put(section, "callers crawling every GET operation", callers().size() + " " + callers());
        figures.put(section, "2xx answers scanned per caller", new LinkedHashMap<>(answersByCaller));
        figures.put(section, "cells checked (2xx answer × secret the caller may not see there)", cells);
        figures.put(section, "2xx answers scanned", bodies);
        figures.put(section, "leaks", leaks);
    }
}
