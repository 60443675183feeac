package org.mitra.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Defects these suites found in the services and that are not fixed yet. Each entry excludes exactly its case from the
 * verdict (it is still counted, and printed as KNOWN FINDING) so that the module stays green while the fix is pending.
 * The lead empties this list as the services are fixed; nothing else may be excused.
 */
final class KnownFindings {
    /**
     * One finding: its id, the module at fault whose log shows it, the operations it concerns ({@code *} for any), the
     * violation, the reason, and the log line signature that identifies it for the request of a response.
     */
    record Finding(String id, String module, List<String> operations, String violation, String reason, String logSignature) {
    }

    static final List<Finding> FUZZ = List.of();

    /**
     * An object-level finding: for an operation, another caller's object is answered with {@code status} and a problem
     * whose detail starts with {@code detailPrefix}, where an id that does not exist gets 404.
     */
    record Disclosure(String id, String module, List<String> operations, int status, String detailPrefix, String reason) {
    }

    static final List<Disclosure> DISCLOSURES = List.of();

    static Optional<Disclosure> disclosure(String operationKey, Http.Exchange other, Http.Exchange missing) {
        String detail = Json.parse(other.body()).map(problem -> problem.path("detail").asText("")).orElse("");
        return DISCLOSURES.stream()
                .filter(finding -> finding.operations().contains(operationKey))
                .filter(finding -> other.status() == finding.status() && missing.status() == 404)
                .filter(finding -> detail.startsWith(finding.detailPrefix()))
                .findFirst();
    }

    /**
     * A finding of PropertyAndInventoryIT: the failure it excuses is the one whose first line is exactly {@code failure}
     * (the check, the operation or route, the values sent and the caller), and it says why.
     */
    record Cell(String id, String module, String failure, String reason) {
    }

    static final List<Cell> CELLS = List.of();

    /** The known finding whose failure line is the first line of this failure, if any. */
    static Optional<Cell> cell(String failure) {
        String first = failure.lines().findFirst().orElse("");
        return CELLS.stream().filter(cell -> cell.failure().equals(first)).findFirst();
    }

    private KnownFindings() {
    }

    /** The known finding that explains this violation of the answer to operation {@code operationKey}, if any. */
    static Optional<Finding> excuse(String operationKey, Http.Exchange response, String violation) {
        return FUZZ.stream()
                .filter(finding -> finding.operations().contains("*") || finding.operations().contains(operationKey))
                .filter(finding -> finding.violation().equals(violation))
                .filter(finding -> loggedWith(finding.module(), response, finding.logSignature()))
                .findFirst();
    }

    /**
     * Whether the module logged {@code signature} for the request of this response (matched by its X-Request-Id), so
     * that an entry excuses exactly the defect it names and not some other failure of the same operation.
     */
    static boolean loggedWith(String module, Http.Exchange response, String signature) {
        Optional<String> requestId = response.header("X-Request-Id");
        return requestId.isPresent() && linesOf(module, requestId.get()).stream().anyMatch(line -> line.contains(signature));
    }

    /** The service's ERROR log line for the request of this response, to name the cause of a failure ("" if none). */
    static String errorLogged(String module, Http.Exchange response) {
        if (response.status() < 500) {
            return "";
        }
        return response.header("X-Request-Id").flatMap(id -> linesOf(module, id).stream().filter(line -> line.contains(" ERROR ")).findFirst())
                .map(line -> "\n  " + module + " logged: " + Http.truncate(line, 500)).orElse("");
    }

    private static final java.util.Map<String, List<String>> LINES = new java.util.concurrent.ConcurrentHashMap<>();

    /** The module's log lines that name the request id; waits up to a second for the first one to be written. */
    private static List<String> linesOf(String module, String requestId) {
        return LINES.computeIfAbsent(module + " " + requestId, key -> {
            Path log = SystemPlatform.get().settings().logs().resolve(module + ".log");
            for (int attempt = 0; attempt < 10; attempt++) {
                try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                    List<String> found = lines.filter(line -> line.contains(requestId)).toList();
                    if (!found.isEmpty()) {
                        return found;
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    return List.of();
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }
            return List.of();
        });
    }
}
