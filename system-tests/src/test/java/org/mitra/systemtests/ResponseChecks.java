package org.mitra.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What every answer of the platform must satisfy, whatever was asked (docs/api.md). */
public final class ResponseChecks {
    /** Traces of a Java stack trace or exception text leaking into a response. */
    private static final List<String> LEAKS = List.of("at org.", "at java.", "Exception:", "\tat ");

    private ResponseChecks() {
    }

    public enum Violation {
        SERVER_ERROR, NOT_PROBLEM_JSON, PROBLEM_STATUS_MISMATCH, PROBLEM_WITHOUT_TYPE_OR_TITLE, STACK_TRACE
    }

    public record Finding(Violation violation, String detail) {
    }

    public static List<Finding> check(Http.Exchange exchange) {
        List<Finding> findings = new ArrayList<>();
        int status = exchange.status();
        String body = exchange.body() == null ? "" : exchange.body();
        if (status >= 500) {
            findings.add(new Finding(Violation.SERVER_ERROR, "HTTP " + status));
        }
        if (status >= 400 && !body.isBlank()) {
            String contentType = exchange.contentType().toLowerCase();
            if (!contentType.startsWith("application/problem+json")) {
                findings.add(new Finding(Violation.NOT_PROBLEM_JSON, "Content-Type '" + exchange.contentType() + "'"));
            } else {
                Optional<JsonNode> problem = Json.parse(body);
                if (problem.isEmpty() || !problem.get().isObject()) {
                    findings.add(new Finding(Violation.NOT_PROBLEM_JSON, "body is not a JSON object"));
                } else {
                    if (problem.get().path("status").asInt(-1) != status) {
                        findings.add(new Finding(Violation.PROBLEM_STATUS_MISMATCH, "status member " + problem.get().path("status")));
                    }
                    if (problem.get().path("type").asText("").isBlank() || problem.get().path("title").asText("").isBlank()) {
                        findings.add(new Finding(Violation.PROBLEM_WITHOUT_TYPE_OR_TITLE, "type or title missing"));
                    }
                }
            }
        }
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                findings.add(new Finding(Violation.STACK_TRACE, "body contains '" + leak.strip() + "'"));
                break;
            }
        }
        return findings;
    }
}
