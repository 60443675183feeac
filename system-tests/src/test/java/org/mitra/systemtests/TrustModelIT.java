package org.mitra.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.mitra.local.DemoOrganization;
import org.mitra.local.PlatformService;

/**
 * The classes of defect the outside review of issue 12 found, swept across the whole platform rather than tested one
 * rule at a time: what the staff of a suspended organization can still do, what a public aggregate shows around one
 * new referral, and where a survivor's name and note end up at rest after a full referral flow. Runs before the
 * fuzzer, which may suspend the demo organizations these sweeps refer between.
 */
@Order(2)
class TrustModelIT {
    private static final Figures FIGURES = new Figures("Trust model (issue 12)");
    private static final List<String> STAFF_ROLES = List.of("caseworker", "org-admin", "partner-app");
    private static SystemPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = SystemPlatform.get();
    }

    @AfterAll
    static void publishFigures() {
        FIGURES.publish();
    }

    /**
     * A member organization is registered, verified, sends a referral, then is suspended. Every operation of every
     * service, called by its caseworker, admin and partner system with its own ids in the path, must answer no more
     * than an anonymous caller gets, apart from reading its own directory entry.
     */
    @Test
    void aSuspendedOrganizationsStaffChangeNothingAndReadNoOnesData() throws Exception {
        Http http = platform.http();
        String directory = platform.url(PlatformService.DIRECTORY);
        String admin = platform.tokens().user("coalition-admin");
        String slug = "suspended-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode registration = Json.object().put("name", "Sweep " + slug).put("slug", slug)
                .put("description", "Registered by the system tests to be suspended");
        registration.putArray("regions").add("5103");
        Http.Exchange registered = http.send("POST", directory + "/api/directory/organizations",
                bearer(admin, "Content-Type", "application/json"), Json.write(registration));
        assertThat(registered.status()).as(registered.describe()).isEqualTo(201);
        UUID organization = UUID.fromString(Json.read(registered.body()).path("id").asText());
        decide(organization, "VERIFIED", admin);

        // While verified: a referral of its own, sent to a demo organization (so its id is in the paths below).
        String caseworker = staffToken(organization, "caseworker");
        String referral = awaitReferral(organization, caseworker);

        decide(organization, "SUSPENDED", admin);
        awaitRefused(platform.url(PlatformService.REFERRAL) + "/api/referrals?box=sent", caseworker);
        // awareness-service reads the same topic; give it as long again as the referral service took at most.
        sleep(3000);

        KnownValues own = new KnownValues();
        own.add("organizations", organization.toString());
        own.add("referrals", referral);
        own.add("receivers", DemoOrganization.TRAFFIC_LIGHTS.id().toString());
        List<String> failures = new ArrayList<>();
        int calls = 0;
        Map<String, Integer> statuses = new TreeMap<>();
        Random random = new Random(12);
        for (PlatformService service : List.of(PlatformService.DIRECTORY, PlatformService.REFERRAL, PlatformService.AWARENESS)) {
            OpenApi document = platform.openApi(service);
            SchemaValues values = new SchemaValues(document, own);
            for (OpenApi.Operation operation : document.operations()) {
                if (!operation.path().startsWith("/api/")) {
                    continue;
                }
                String path = operation.path();
                for (OpenApi.Parameter parameter : operation.in("path")) {
                    path = path.replace("{" + parameter.name() + "}",
                            FuzzRequests.encode(own.pathValue(operation.path(), parameter.name(), random)));
                }
                String body = operation.bodySchema() == null ? null : Json.write(values.valid(operation.bodySchema(), random));
                Http.Exchange anonymous = call(service, operation.method(), path, null, body);
                for (String role : STAFF_ROLES) {
                    Http.Exchange staff = call(service, operation.method(), path, staffToken(organization, role), body);
                    calls++;
                    statuses.merge(staff.status() / 100 + "xx", 1, Integer::sum);
                    boolean ownEntry = service == PlatformService.DIRECTORY && operation.method().equals("GET");
                    if (staff.status() / 100 == 2 && anonymous.status() / 100 != 2 && !ownEntry) {
                        failures.add(service.module() + " " + operation.key() + " as suspended " + role + "\n" + staff.describe());
                    }
                    if (staff.status() >= 500) {
                        failures.add("5xx " + service.module() + " " + operation.key() + " as suspended " + role + "\n" + staff.describe());
                    }
                }
            }
        }
        FIGURES.put("suspended organization sweep", "calls (operation x staff role)", calls);
        FIGURES.put("suspended organization sweep", "answers", statuses);
        FIGURES.put("suspended organization sweep", "failures", failures.size());
        failures.forEach(failure -> System.out.println("SUSPENDED SWEEP FAILURE " + failure + "\n"));
        assertThat(failures).as("what a suspended organization's staff could still do beyond the public").isEmpty();
    }

    /**
     * Every public aggregate (the coverage of each region as JSON and SVG, the needs ranking, every feed period a
     * government liaison can pull) read twice around one new referral: nothing may change before its period closes.
     */
    @Test
    void noPublicAggregateMovesAroundOneNewReferral() {
        Map<String, String> before = publicAggregates();
        DemoOrganization sender = DemoOrganization.DARKBALI;
        String caseworker = platform.tokens().user(sender.caseworker());
        Http.Exchange created = platform.http().send("POST", platform.url(PlatformService.REFERRAL) + "/api/referrals",
                bearer(caseworker, "Content-Type", "application/json"), Json.write(referral("Aggregate Probe", "probe")));
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        // Long enough for the lifecycle event to reach the directory's demand figures.
        sleep(5000);
        Map<String, String> after = publicAggregates();
        List<String> moved = before.keySet().stream().filter(key -> !before.get(key).equals(after.get(key))).toList();
        FIGURES.put("public disclosure", "aggregates read twice around one referral", before.size());
        FIGURES.put("public disclosure", "aggregates that changed", moved.size() + (moved.isEmpty() ? "" : " " + moved));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(moved).as("aggregates that showed the new referral").isEmpty();
    }

    /**
     * A full referral flow with an Idempotency-Key, a canary name in the identity and a canary in the note; afterwards
     * no column of any table of any database holds either in plaintext, and no service log line does.
     */
    @Test
    void aSurvivorsNameAndNoteAreNowhereAtRestInPlaintext() throws Exception {
        String canary = "Canary" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String noteCanary = "notecanary" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        DemoOrganization sender = DemoOrganization.DARKBALI;
        DemoOrganization receiver = DemoOrganization.TRAFFIC_LIGHTS;
        String caseworker = platform.tokens().user(sender.caseworker());
        String key = UUID.randomUUID().toString();
        Map<String, String> headers = bearer(caseworker, "Content-Type", "application/json", "Idempotency-Key", key);
        String body = Json.write(referral(canary, noteCanary));
        Http.Exchange created = platform.http().send("POST", platform.url(PlatformService.REFERRAL) + "/api/referrals", headers, body);
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        Http.Exchange replayed = platform.http().send("POST", platform.url(PlatformService.REFERRAL) + "/api/referrals", headers, body);
        assertThat(replayed.status()).as(replayed.describe()).isEqualTo(201);
        String id = Json.read(created.body()).path("id").asText();
        String receiverToken = platform.tokens().user(receiver.caseworker());
        String referrals = platform.url(PlatformService.REFERRAL) + "/api/referrals/" + id;
        platform.http().get(referrals + "/identity", bearer(receiverToken, "Accept", "application/json"));
        platform.http().get(referrals, bearer(receiverToken, "Accept", "application/json"));
        sleep(3000);

        List<String> found = new ArrayList<>();
        int columns = 0;
        for (PlatformService service : List.of(PlatformService.DIRECTORY, PlatformService.REFERRAL, PlatformService.AWARENESS)) {
            try (Connection connection = platform.database(service)) {
                columns += search(connection, service.module(), List.of(canary, noteCanary), found);
            }
        }
        List<String> logs = new ArrayList<>();
        try (var files = java.nio.file.Files.list(platform.settings().logs())) {
            for (java.nio.file.Path log : files.toList()) {
                String text = java.nio.file.Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (text.contains(canary) || text.contains(noteCanary)) {
                    logs.add(log.getFileName().toString());
                }
            }
        }
        List<String> records = new ArrayList<>();
        int read = searchKafka(List.of(canary, noteCanary), records);
        FIGURES.put("canary at rest", "Kafka records searched (every topic, from the start)", read);
        FIGURES.put("canary at rest", "Kafka records holding it", records.size() + (records.isEmpty() ? "" : " " + records));
        assertThat(records).as("Kafka records holding the canary name or note").isEmpty();
        FIGURES.put("canary at rest", "text columns searched in the three service databases", columns);
        FIGURES.put("canary at rest", "plaintext copies found", found.size() + (found.isEmpty() ? "" : " " + found));
        FIGURES.put("canary at rest", "log files holding it", logs.size() + (logs.isEmpty() ? "" : " " + logs));
        assertThat(found).as("columns holding the canary name or note in plaintext").isEmpty();
        assertThat(logs).as("log files holding the canary").isEmpty();
    }

    /**
     * The receiving organization after a referral's end: rejected, entered in error, completed more than the access
     * period ago, or a draft cancelled before it was ever submitted. Every operation on such a referral, by the
     * receiver's caseworker and admin, must give neither the person's name nor the note.
     */
    @Test
    void theReceiverReadsNoOneAfterTheReferralEnded() throws Exception {
        DemoOrganization sender = DemoOrganization.DARKBALI;
        DemoOrganization receiver = DemoOrganization.TRAFFIC_LIGHTS;
        String senderToken = platform.tokens().user(sender.caseworker());
        String receiverToken = platform.tokens().user(receiver.caseworker());
        String canary = "Closed" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map<String, String> ended = new LinkedHashMap<>();
        ended.put("rejected", create(senderToken, canary, true));
        transition(receiverToken, ended.get("rejected"), "reject", "NO_CAPACITY");
        ended.put("entered in error", create(senderToken, canary, true));
        transition(senderToken, ended.get("entered in error"), "mark-entered-in-error", "DUPLICATE");
        ended.put("completed 31 days ago", create(senderToken, canary, true));
        transition(receiverToken, ended.get("completed 31 days ago"), "accept", null);
        transition(receiverToken, ended.get("completed 31 days ago"), "start", null);
        Http.Exchange completed = platform.http().send("POST", platform.url(PlatformService.REFERRAL) + "/api/referrals/"
                + ended.get("completed 31 days ago") + "/transitions", bearer(receiverToken, "Content-Type", "application/json"),
                "{\"action\":\"complete\",\"outcome\":\"GOT_HELP\",\"deliveries\":[{\"categoryCode\":\"street-children-outreach\","
                + "\"deliveredOn\":\"" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Makassar")) + "\"}]}");
        assertThat(completed.status()).as(completed.describe()).isEqualTo(200);
        try (Connection connection = platform.database(PlatformService.REFERRAL); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE referral SET closed_at = now() - interval '31 days' WHERE id = '"
                    + UUID.fromString(ended.get("completed 31 days ago")) + "'");
        }
        ended.put("draft cancelled", create(senderToken, canary, false));
        transition(senderToken, ended.get("draft cancelled"), "cancel", "NO_LONGER_INTERESTED");

        OpenApi document = platform.openApi(PlatformService.REFERRAL);
        SchemaValues values = new SchemaValues(document, new KnownValues());
        Random random = new Random(8);
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, String> referral : ended.entrySet()) {
            for (OpenApi.Operation operation : document.operations()) {
                if (!operation.path().startsWith("/api/referrals/{id}")) {
                    continue;
                }
                String path = operation.path().replace("{id}", referral.getValue());
                String body = operation.bodySchema() == null ? null : Json.write(values.valid(operation.bodySchema(), random));
                for (String user : List.of(receiver.caseworker(), receiver.admin())) {
                    Http.Exchange response = call(PlatformService.REFERRAL, operation.method(), path,
                            platform.tokens().user(user), body);
                    calls++;
                    if (response.body().contains(canary) || (operation.path().endsWith("/identity") && response.status() == 200)) {
                        failures.add(referral.getKey() + ": " + operation.key() + " as " + user + "\n" + response.describe());
                    }
                    if (referral.getKey().equals("draft cancelled") && response.status() / 100 == 2) {
                        failures.add(referral.getKey() + " visible: " + operation.key() + " as " + user + "\n" + response.describe());
                    }
                }
            }
        }
        FIGURES.put("receiver after the end", "referrals (rejected, entered in error, completed 31 days ago, cancelled draft)",
                ended.size());
        FIGURES.put("receiver after the end", "calls by the receiver's staff", calls);
        FIGURES.put("receiver after the end", "failures", failures.size());
        failures.forEach(failure -> System.out.println("RECEIVER AFTER THE END FAILURE " + failure + "\n"));
        assertThat(failures).as("what the receiver still read after the referral ended").isEmpty();
        // The sender keeps its own subject's identity.
        Http.Exchange own = platform.http().get(platform.url(PlatformService.REFERRAL) + "/api/referrals/"
                + ended.get("completed 31 days ago") + "/identity", bearer(senderToken, "Accept", "application/json"));
        assertThat(own.status()).as(own.describe()).isEqualTo(200);
        assertThat(own.body()).contains(canary);
    }

    // ---- helpers

    private static String create(String token, String canary, boolean submit) {
        ObjectNode body = referral(canary, canary).put("submit", submit);
        Http.Exchange created = platform.http().send("POST", platform.url(PlatformService.REFERRAL) + "/api/referrals",
                bearer(token, "Content-Type", "application/json"), Json.write(body));
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        return Json.read(created.body()).path("id").asText();
    }

    private static void transition(String token, String referral, String action, String reason) {
        ObjectNode body = Json.object().put("action", action);
        if (reason != null) {
            body.put("reasonCode", reason);
        }
        Http.Exchange moved = platform.http().send("POST", platform.url(PlatformService.REFERRAL) + "/api/referrals/" + referral
                + "/transitions", bearer(token, "Content-Type", "application/json"), Json.write(body));
        assertThat(moved.status()).as(action + ": " + moved.describe()).isEqualTo(200);
    }

    /** Searches every text-like column of every table of the connection's database; returns how many it searched. */
    private static int search(Connection connection, String database, List<String> canaries, List<String> found)
            throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        SELECT table_schema, table_name, column_name FROM information_schema.columns
                        WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
                          AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea', 'character')""")) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        for (String[] column : columns) {
            String qualified = "\"" + column[0] + "\".\"" + column[1] + "\"";
            for (String canary : canaries) {
                String sql = "SELECT count(*) FROM " + qualified + " WHERE position(? in convert_from(convert_to(\"" + column[2]
                        + "\"::text, 'UTF8'), 'UTF8')) > 0";
                try (var select = connection.prepareStatement(sql)) {
                    select.setString(1, canary);
                    try (ResultSet count = select.executeQuery()) {
                        count.next();
                        if (count.getLong(1) > 0) {
                            found.add(database + "." + column[1] + "." + column[2]);
                        }
                    }
                }
            }
        }
        return columns.size();
    }

    /** Reads every record of every topic from its beginning; returns how many it read. */
    private static int searchKafka(List<String> canaries, List<String> found) {
        Map<String, Object> config = Map.of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.settings().kafkaBootstrapServers(),
                org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        int read = 0;
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(config,
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics(java.time.Duration.ofSeconds(10)).forEach((topic, infos) -> infos.forEach(info ->
                    partitions.add(new org.apache.kafka.common.TopicPartition(topic, info.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                    && System.nanoTime() < deadline) {
                for (var record : consumer.poll(java.time.Duration.ofMillis(500))) {
                    read++;
                    String text = (record.key() == null ? "" : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8))
                            + (record.value() == null ? "" : new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
                    if (canaries.stream().anyMatch(text::contains)) {
                        found.add(record.topic() + "/" + record.partition() + "@" + record.offset());
                    }
                }
            }
        }
        return read;
    }

    private static Map<String, String> publicAggregates() {
        Http http = platform.http();
        String directory = platform.url(PlatformService.DIRECTORY);
        Map<String, String> aggregates = new LinkedHashMap<>();
        List<String> regions = new ArrayList<>(List.of("ID", "51"));
        JsonNode tree = Json.read(http.get(directory + "/api/directory/regions", Map.of("Accept", "application/json")).body());
        for (JsonNode region : tree.isArray() ? tree : tree.path("items")) {
            if (!region.path("code").asText().isEmpty()) {
                regions.add(region.path("code").asText());
            }
        }
        String liaison = platform.tokens().user("gov-liaison");
        for (String region : regions.stream().distinct().toList()) {
            for (String path : List.of("/api/directory/coverage?region=", "/api/directory/coverage.svg?region=",
                    "/api/directory/coverage/needs?region=")) {
                aggregates.put("anonymous " + path + region, published(http.get(directory + path + region, Map.of("Accept", "*/*"))));
                aggregates.put("gov-liaison " + path + region,
                        published(http.get(directory + path + region, bearer(liaison, "Accept", "*/*"))));
            }
        }
        for (String feed : List.of(directory + "/api/directory/feeds/coverage",
                platform.url(PlatformService.REFERRAL) + "/api/referrals/feeds/statistics",
                platform.url(PlatformService.AWARENESS) + "/api/awareness/feeds/reach")) {
            for (String granularity : List.of("quarter", "month")) {
                Http.Exchange periods = http.get(feed + "?granularity=" + granularity, bearer(liaison, "Accept", "application/json"));
                aggregates.put(feed + " " + granularity, published(periods));
                if (periods.status() != 200) {
                    continue;
                }
                for (JsonNode period : Json.read(periods.body())) {
                    String name = period.path("period").asText();
                    Http.Exchange table = http.get(feed + "/" + name, bearer(liaison, "Accept", "application/json"));
                    aggregates.put(feed + "/" + name, table.status() + " " + table.header("ETag").orElse("-"));
                }
            }
        }
        return aggregates;
    }

    /** What an answer publishes: a refusal's status alone (its body names the request), else the body without times. */
    private static String published(Http.Exchange answer) {
        return answer.status() / 100 != 2 ? String.valueOf(answer.status()) : answer.status() + " " + withoutTimes(answer.body());
    }

    /** A body without the instants it was generated at, which differ between two reads of the same figures. */
    private static String withoutTimes(String body) {
        return body.replaceAll("\"generatedAt\"\\s*:\\s*\"[^\"]*\"", "").replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "");
    }

    private static ObjectNode referral(String name, String note) {
        DemoOrganization receiver = DemoOrganization.TRAFFIC_LIGHTS;
        ObjectNode referral = Json.object().put("receivingOrganizationId", receiver.id().toString())
                .put("categoryCode", "street-children-outreach").put("regionCode", "5171").put("urgency", "HIGH")
                .put("submit", true).put("note", "Needs a safe place tonight " + note);
        referral.putObject("profile").put("ageBand", "12-17").put("gender", "FEMALE");
        referral.putObject("identity").put("fullName", name + " Putri");
        ObjectNode consent = referral.putObject("consent").put("consentedBy", "SUBJECT")
                .put("consentedAt", Instant.now().minusSeconds(3600).toString()).put("mayContact", false);
        consent.putArray("shares").add("PROFILE").add("IDENTITY").add("NOTE");
        consent.putArray("sharedWith").add(receiver.id().toString());
        return referral;
    }

    private static void decide(UUID organization, String status, String admin) {
        Http http = platform.http();
        String url = platform.url(PlatformService.DIRECTORY) + "/api/directory/organizations/" + organization;
        Http.Exchange current = http.get(url, bearer(admin, "Accept", "application/json"));
        String etag = current.header("ETag").orElseThrow(() -> new IllegalStateException("No ETag: " + current.describe()));
        Http.Exchange decided = http.send("PUT", url + "/verification", bearer(admin, "Content-Type", "application/json",
                "If-Match", etag), Json.write(Json.object().put("status", status).put("reason", "system tests: " + status)));
        assertThat(decided.status()).as(decided.describe()).isEqualTo(200);
    }

    /** A referral of the organization's own, retried until its verification has reached the referral service. */
    private static String awaitReferral(UUID organization, String caseworker) {
        Http.Exchange created = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            created = platform.http().send("POST", platform.url(PlatformService.REFERRAL) + "/api/referrals",
                    bearer(caseworker, "Content-Type", "application/json"), Json.write(referral("Sweep Person", "sweep")));
            if (created.status() == 201) {
                return Json.read(created.body()).path("id").asText();
            }
            sleep(500);
        }
        throw new IllegalStateException("The verified organization " + organization + " could not refer: " + created.describe());
    }

    /** Waits until the suspension has reached the service behind the URL (403 organization-not-verified). */
    private static void awaitRefused(String url, String token) {
        Http.Exchange response = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            response = platform.http().get(url, bearer(token, "Accept", "application/json"));
            if (response.status() == 403 && response.body().contains("organization-not-verified")) {
                return;
            }
            sleep(500);
        }
        throw new IllegalStateException("The suspension did not reach " + url + ": " + response.describe());
    }

    /** A token of the realm's format for a member of {@code organization} holding {@code role}. */
    private static String staffToken(UUID organization, String role) {
        ObjectNode claims = Jwts.claims(platform.tokens().user(DemoOrganization.DARKBALI.caseworker()));
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now - 5).put("exp", now + 600).put("jti", UUID.randomUUID().toString())
                .put("sub", UUID.nameUUIDFromBytes((organization + role).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString())
                .put("preferred_username", "sweep-" + role).put("org", organization.toString());
        claims.remove("nbf");
        claims.putObject("realm_access").putArray("roles").add(role).add("default-roles-mitra");
        return platform.signingKey().sign(claims);
    }

    private static Http.Exchange call(PlatformService service, String method, String path, String token, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "*/*");
        headers.put("If-Match", "\"" + UUID.randomUUID() + ":0\"");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return platform.http().send(method.toUpperCase(java.util.Locale.ROOT), platform.url(service) + path, headers, body);
    }

    private static Map<String, String> bearer(String token, String... more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
