package org.mitra.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mitra.local.PlatformService;
import org.mitra.testkit.NpmPackage;

/**
 * The OpenAPI documents a partner generates its client from, as the gateway serves them to Swagger UI and to anyone:
 * Spectral's {@code spectral:oas} ruleset finds no error and no warning in any of them, and every operation has an
 * operationId no other operation of the platform has (a client generated from all four has one method per name).
 */
class OpenApiContractIT {
    static final String SPECTRAL = "@stoplight/spectral-cli@6.16.3";
    private static final Path WORK = Path.of("target/openapi-contract").toAbsolutePath();

    private static final Map<String, JsonNode> DOCUMENTS = new LinkedHashMap<>();
    private static final Map<String, String> TEXTS = new LinkedHashMap<>();

    @BeforeAll
    static void fetchTheDocuments() {
        SystemPlatform platform = SystemPlatform.get();
        String gateway = platform.url(PlatformService.GATEWAY);
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("directory", gateway + "/openapi/directory");
        urls.put("referrals", gateway + "/openapi/referrals");
        urls.put("awareness", gateway + "/openapi/awareness");
        urls.put("gateway", gateway + "/q/openapi?format=json");
        urls.forEach((name, url) -> {
            Http.Exchange response = platform.http().get(url, Map.of("Accept", "application/json"));
            assertThat(response.status()).as(url).isEqualTo(200);
            TEXTS.put(name, response.body());
            DOCUMENTS.put(name, Json.read(response.body()));
        });
    }

    @Test
    void spectralsOasRulesetFindsNoErrorAndNoWarningInAnyDocument() throws Exception {
        Path spectral = NpmPackage.install(Path.of("target/npm").toAbsolutePath(), SPECTRAL, ".bin/spectral");
        Files.createDirectories(WORK);
        Path ruleset = Files.writeString(WORK.resolve(".spectral.yaml"), "extends: [\"spectral:oas\"]\n");
        Map<String, List<String>> findings = new LinkedHashMap<>();
        for (Map.Entry<String, String> document : TEXTS.entrySet()) {
            Path file = Files.writeString(WORK.resolve(document.getKey() + ".json"), document.getValue());
            findings.put(document.getKey(), lint(spectral, ruleset, file));
        }
        assertThat(findings).as("Spectral spectral:oas errors and warnings (documents in %s)", WORK)
                .allSatisfy((name, found) -> assertThat(found).as(name).isEmpty());
    }

    @Test
    void everyOperationOfThePlatformHasItsOwnOperationId() {
        Map<String, String> owners = new HashMap<>();
        Map<String, Integer> operations = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        DOCUMENTS.forEach((name, document) -> document.path("paths").fields().forEachRemaining(path ->
                path.getValue().fields().forEachRemaining(method -> {
                    if (!method.getValue().isObject() || method.getKey().equals("parameters")) {
                        return;
                    }
                    operations.merge(name, 1, Integer::sum);
                    String where = name + ": " + method.getKey().toUpperCase() + " " + path.getKey();
                    String id = method.getValue().path("operationId").asText("");
                    if (id.isEmpty()) {
                        problems.add(where + " has no operationId");
                    } else if (owners.putIfAbsent(id, where) != null) {
                        problems.add(where + " repeats the operationId " + id + " of " + owners.get(id));
                    }
                })));
        assertThat(problems).isEmpty();
        assertThat(operations).as("operations per document").containsOnlyKeys(DOCUMENTS.keySet())
                .allSatisfy((name, count) -> assertThat(count).isPositive());
    }

    /** Spectral's errors (severity 0) and warnings (1) for one document, each as one readable line. */
    private static List<String> lint(Path spectral, Path ruleset, Path document) throws IOException, InterruptedException {
        Path report = document.resolveSibling(document.getFileName() + ".spectral.json");
        Process process = new ProcessBuilder(spectral.toString(), "lint", "--ruleset", ruleset.toString(), "--format", "json",
                "--output", report.toString(), "--fail-severity", "error", document.toString())
                .redirectErrorStream(true).redirectOutput(document.resolveSibling(document.getFileName() + ".spectral.log").toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("Spectral did not finish linting " + document + " in 5 minutes");
        }
        assertThat(report).as("Spectral's report; its log: " + Files.readString(document.resolveSibling(document.getFileName()
                + ".spectral.log"))).exists();
        List<String> found = new ArrayList<>();
        for (JsonNode result : Json.read(Files.readString(report))) {
            if (result.path("severity").asInt(9) <= 1) {
                found.add(result.path("code").asText() + " at " + result.path("path") + ": " + result.path("message").asText());
            }
        }
        return found;
    }
}
