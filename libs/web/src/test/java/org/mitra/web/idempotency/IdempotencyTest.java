package org.mitra.web.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mitra.web.problem.ProblemAssertions.isProblem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mitra.problems.ProblemType;
import org.mitra.testkit.Tokens;

@QuarkusTest
class IdempotencyTest {
    @Inject
    DataSource dataSource;

    @Inject
    IdempotencyPurge purge;

    @Inject
    ObjectMapper json;

    @Test
    void retryWithTheSameKeyAndBodyReplaysTheFirstResponseWithoutASecondEffect() {
        String name = unique("replay");
        String key = UUID.randomUUID().toString();
        Response first = create(given(), key, name, 0);
        first.then().statusCode(201);
        Response retry = create(given(), key, name, 0);
        retry.then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")))
                .body("name", equalTo(name));
        assertThat(count(name)).isEqualTo(1);
    }

    @Test
    void aReplayReadsTheResourceAsItIsNowInsteadOfAStoredCopy() throws SQLException {
        String name = unique("reread");
        String key = UUID.randomUUID().toString();
        Response first = create(given(), key, name, 0);
        first.then().statusCode(201);
        execute("UPDATE test_widgets SET name = '" + name + "-renamed' WHERE name = '" + name + "'");
        create(given(), key, name, 0).then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")))
                .body("name", equalTo(name + "-renamed"));
    }

    @Test
    void theStoreKeepsWhereTheResourceIsAndAKeyedFingerprintNeverTheBody() throws Exception {
        String name = unique("canary");
        String key = UUID.randomUUID().toString();
        String location = create(given().auth().oauth2(Tokens.caseworker(UUID.randomUUID())), key, name, 0)
                .then().statusCode(201).extract().header("Location");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT * FROM idempotency_keys WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                StringBuilder everything = new StringBuilder();
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    everything.append(row.getString(column)).append('|');
                }
                assertThat(everything.toString()).doesNotContain(name).contains(URI.create(location).getPath());
                assertThat(row.getString("body")).isNull();
                String plainHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                        ("{\"name\":\"" + name + "\",\"workMillis\":0}").getBytes(StandardCharsets.UTF_8)));
                assertThat(row.getString("request_hash")).as("a body with an e-mail must not be recomputable")
                        .isNotEqualTo(plainHash);
            }
        }
    }

    @Test
    void oneAnonymousCallerCannotReplayAnothersKey() {
        String name = unique("anonymous");
        String key = "shared-key-" + UUID.randomUUID();
        create(given(), key, name, 0).then().statusCode(201);
        // Another visitor who guesses or reuses the key, with their own body: their own request, not a 422 oracle.
        create(given(), key, name + "-other", 0).then().statusCode(201)
                .header("Idempotent-Replayed", (String) null)
                .body("name", equalTo(name + "-other"));
        assertThat(count(name + "-other")).isEqualTo(1);
        assertThat(count(name)).isEqualTo(1);
    }

    @Test
    void expiredKeysArePurged() throws SQLException {
        String key = "expired-" + UUID.randomUUID();
        execute("INSERT INTO idempotency_keys (caller, operation, idempotency_key, request_hash, expires_at) "
                + "VALUES ('someone', 'widgets.create', '" + key + "', 'x', now() - interval '1 minute')");
        purge.purge();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).isZero();
            }
        }
    }

    @Test
    void aNewKeyCostsOneStatementToClaimAndOneToComplete() throws SQLException {
        List<String> statements = new CopyOnWriteArrayList<>();
        IdempotencyRecords records = recording(statements);
        IdempotencyScope scope = new IdempotencyScope("someone", "widgets.create", UUID.randomUUID().toString());

        assertThat(records.claim(scope, "first", Duration.ofHours(1))).isTrue();
        assertThat(statements).hasSize(1);
        records.complete(scope, new StoredResponse(201, URI.create("/test/widgets/1")));
        assertThat(statements).hasSize(2);

        assertThat(records.claim(scope, "first", Duration.ofHours(1))).as("a live key stays its first request's").isFalse();
        assertThat(records.find(scope)).hasValueSatisfying(existing -> {
            assertThat(existing.requestHash()).isEqualTo("first");
            assertThat(existing.response()).contains(new StoredResponse(201, URI.create("/test/widgets/1")));
        });
    }

    @Test
    void aNewKeyWhoseAnswerIsKnownIsClaimedAndCompletedInOneStatement() throws SQLException {
        List<String> statements = new CopyOnWriteArrayList<>();
        IdempotencyRecords records = recording(statements);
        IdempotencyScope scope = new IdempotencyScope("someone", "widgets.create", UUID.randomUUID().toString());
        StoredResponse answer = new StoredResponse(201, URI.create("/test/widgets/2"));

        assertThat(records.claim(scope, "first", Duration.ofHours(1), answer)).isTrue();
        assertThat(statements).hasSize(1);
        assertThat(records.claim(scope, "first", Duration.ofHours(1), answer)).as("a live key stays its first request's").isFalse();
        assertThat(records.find(scope)).hasValueSatisfying(existing -> {
            assertThat(existing.requestHash()).isEqualTo("first");
            assertThat(existing.response()).contains(answer);
        });
    }

    @Test
    void anExpiredKeyClaimedWithItsAnswerKeepsTheNewAnswer() throws SQLException {
        String key = "expired-" + UUID.randomUUID();
        execute("INSERT INTO idempotency_keys (caller, operation, idempotency_key, request_hash, status, headers, expires_at) "
                + "VALUES ('someone', 'widgets.create', '" + key + "', 'old', 200, '{\"Location\":[\"/test/widgets/1\"]}', "
                + "now() - interval '1 minute')");
        IdempotencyRecords records = recording(new CopyOnWriteArrayList<>());
        IdempotencyScope scope = new IdempotencyScope("someone", "widgets.create", key);
        StoredResponse answer = new StoredResponse(201, URI.create("/test/widgets/3"));

        assertThat(records.claim(scope, "new", Duration.ofHours(1), answer)).isTrue();
        assertThat(records.find(scope)).hasValueSatisfying(existing -> {
            assertThat(existing.requestHash()).isEqualTo("new");
            assertThat(existing.response()).contains(answer);
        });
    }

    @Test
    void aCreateAtAKnownLocationReplaysRefusesAnotherBodyAndHasOneEffect() throws SQLException {
        String name = unique("known");
        String key = countingUpdates();
        String token = Tokens.caseworker(UUID.randomUUID());
        Response first = createAtKnownLocation(given().auth().oauth2(token), key, name, 0, null);
        first.then().statusCode(201).header("Idempotent-Replayed", (String) null);
        assertThat(updatesOf(key)).as("the claim recorded the answer; no completion after the create").isZero();
        createAtKnownLocation(given().auth().oauth2(token), key, name, 0, null).then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")))
                .body("name", equalTo(name));
        assertThat(URI.create(first.header("Location")).getPath()).isEqualTo("/test/widgets/" + first.path("id"));
        isProblem(createAtKnownLocation(given().auth().oauth2(token), key, name + "-changed", 0, null).then(),
                ProblemType.IDEMPOTENCY_KEY_REUSED);
        assertThat(count(name)).isEqualTo(1);
        assertThat(count(name + "-changed")).isZero();
    }

    @Test
    void aCreateAtAKnownLocationThatAnswersOtherwiseIsReplayedAsItAnswered() throws SQLException {
        String name = unique("known-otherwise");
        String key = countingUpdates();
        Response first = createAtKnownLocation(given(), key, name, 0, 200);
        first.then().statusCode(200);
        assertThat(updatesOf(key)).as("the record corrected after the create").isEqualTo(1);
        createAtKnownLocation(given(), key, name, 0, 200).then().statusCode(200)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")));
        assertThat(first.header("Location")).endsWith("?elsewhere");
        assertThat(count(name)).isEqualTo(1);
    }

    @Test
    void twoIdenticalCreatesAtAKnownLocationAtOnceHaveOneEffectAndTheSameAnswer() throws Exception {
        String name = unique("known-concurrent");
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Response>> responses = List.of(
                    CompletableFuture.supplyAsync(() -> awaitThenCreateAtKnownLocation(start, key, name), clients),
                    CompletableFuture.supplyAsync(() -> awaitThenCreateAtKnownLocation(start, key, name), clients));
            start.countDown();
            Response one = responses.get(0).get();
            Response other = responses.get(1).get();
            assertThat(List.of(one.statusCode(), other.statusCode())).containsExactly(201, 201);
            assertThat(one.<String>path("id")).isEqualTo(other.path("id"));
            assertThat(one.header("Location")).isEqualTo(other.header("Location"));
            assertThat(Arrays.asList(one.header("Idempotent-Replayed"), other.header("Idempotent-Replayed")))
                    .containsExactlyInAnyOrder(null, "true");
        } finally {
            clients.shutdownNow();
        }
        assertThat(count(name)).isEqualTo(1);
    }

    @Test
    void anExpiredKeyIsClaimedAfreshAsIfItHadBeenPurged() throws SQLException {
        String key = "expired-" + UUID.randomUUID();
        execute("INSERT INTO idempotency_keys (caller, operation, idempotency_key, request_hash, status, headers, expires_at) "
                + "VALUES ('someone', 'widgets.create', '" + key + "', 'old', 201, '{\"Location\":[\"/test/widgets/1\"]}', "
                + "now() - interval '1 minute')");
        List<String> statements = new CopyOnWriteArrayList<>();
        IdempotencyRecords records = recording(statements);
        IdempotencyScope scope = new IdempotencyScope("someone", "widgets.create", key);

        assertThat(records.claim(scope, "new", Duration.ofHours(1))).isTrue();
        assertThat(statements).hasSize(1);
        assertThat(records.find(scope)).hasValueSatisfying(existing -> {
            assertThat(existing.requestHash()).isEqualTo("new");
            assertThat(existing.response()).as("the expired request's answer is gone with it").isEmpty();
        });
    }

    @Test
    void theSameKeyWithADifferentBodyIsA422AndChangesNothing() {
        String name = unique("mismatch");
        String key = UUID.randomUUID().toString();
        String token = Tokens.caseworker(UUID.randomUUID());
        create(given().auth().oauth2(token), key, name, 0).then().statusCode(201);
        isProblem(create(given().auth().oauth2(token), key, name + "-changed", 0).then(), ProblemType.IDEMPOTENCY_KEY_REUSED);
        assertThat(count(name)).isEqualTo(1);
        assertThat(count(name + "-changed")).isZero();
    }

    @Test
    void twoIdenticalRequestsAtOnceHaveOneEffectAndTheSameAnswer() throws Exception {
        String name = unique("concurrent");
        String key = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Response>> responses = List.of(
                    CompletableFuture.supplyAsync(() -> awaitThenCreate(start, key, name), clients),
                    CompletableFuture.supplyAsync(() -> awaitThenCreate(start, key, name), clients));
            start.countDown();
            Response one = responses.get(0).get();
            Response other = responses.get(1).get();
            assertThat(List.of(one.statusCode(), other.statusCode())).containsExactly(201, 201);
            assertThat(one.<String>path("id")).isEqualTo(other.path("id"));
            assertThat(Arrays.asList(one.header("Idempotent-Replayed"), other.header("Idempotent-Replayed")))
                    .containsExactlyInAnyOrder(null, "true");
        } finally {
            clients.shutdownNow();
        }
        assertThat(count(name)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirCaller() {
        String name = unique("callers");
        String key = UUID.randomUUID().toString();
        UUID organization = UUID.randomUUID();
        create(given().auth().oauth2(Tokens.caseworker(organization)), key, name, 0).then().statusCode(201);
        create(given().auth().oauth2(Tokens.caseworker(organization)), key, name, 0).then().statusCode(201)
                .header("Idempotent-Replayed", (String) null);
        assertThat(count(name)).isEqualTo(2);
    }

    @Test
    void withoutAKeyEveryRequestHasItsEffect() {
        String name = unique("no-key");
        create(given(), null, name, 0).then().statusCode(201);
        create(given(), null, name, 0).then().statusCode(201);
        assertThat(count(name)).isEqualTo(2);
    }

    @Test
    void anUnusableKeyIsA400() {
        isProblem(create(given(), "x".repeat(256), unique("bad-key"), 0).then(), ProblemType.VALIDATION_FAILED)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    /** The key records on this datasource, recording every statement they prepare. */
    private IdempotencyRecords recording(List<String> statements) {
        IdempotencyRecords records = new IdempotencyRecords();
        records.json = json;
        records.dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    Object result = invoke(dataSource, method, arguments);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (connectionProxy, call, callArguments) -> {
                                if (call.getName().startsWith("prepare") || call.getName().equals("createStatement")) {
                                    statements.add(callArguments == null ? call.getName() : String.valueOf(callArguments[0]));
                                }
                                return invoke(connection, call, callArguments);
                            });
                });
        return records;
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A new key whose record's UPDATEs are counted from now on (by a trigger this test adds once). */
    private String countingUpdates() throws SQLException {
        execute("""
                CREATE TABLE IF NOT EXISTS test_idempotency_updates (idempotency_key text NOT NULL);
                CREATE OR REPLACE FUNCTION test_count_idempotency_update() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO test_idempotency_updates VALUES (NEW.idempotency_key);
                    RETURN NEW;
                END $$;
                CREATE OR REPLACE TRIGGER test_count_idempotency_update BEFORE UPDATE ON idempotency_keys FOR EACH ROW
                    WHEN (NEW.idempotency_key LIKE 'counted-%') EXECUTE FUNCTION test_count_idempotency_update();
                """);
        return "counted-" + UUID.randomUUID();
    }

    private long updatesOf(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT count(*) FROM test_idempotency_updates WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Response awaitThenCreate(CountDownLatch start, String key, String name) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return create(given(), key, name, 1500);
    }

    private static Response awaitThenCreateAtKnownLocation(CountDownLatch start, String key, String name) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return createAtKnownLocation(given(), key, name, 1500, null);
    }

    private static Response createAtKnownLocation(RequestSpecification request, String key, String name, long workMillis,
            Integer answer) {
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (answer != null) {
            request.queryParam("answer", answer);
        }
        return request.contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"workMillis\": " + workMillis + "}")
                .when().post("/test/widgets/known-location");
    }

    private static Response create(RequestSpecification request, String key, String name, long workMillis) {
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"workMillis\": " + workMillis + "}")
                .when().post("/test/widgets");
    }

    private static long count(String name) {
        return Long.parseLong(given().queryParam("name", name).when().get("/test/widgets/count")
                .then().statusCode(200).extract().asString());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
