package org.mitra.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.mitra.local.PlatformService;

/**
 * API9, inventory: every documented operation of the three services and the gateway, every documented path without a
 * PATCH, and plausible routes nobody documents, with the requests that call them. One {@link Random} for the documented
 * operations and the PATCHes, drawn from in the order the cases run. Keeps the tally for the figures.
 */
final class Inventory {
    static final List<PlatformService> WITH_DOCUMENTS = List.of(PlatformService.DIRECTORY, PlatformService.REFERRAL,
            PlatformService.AWARENESS, PlatformService.GATEWAY);
    /** The details of a 404 that means "no route": libs/web's for the framework's own 404, and the gateway's. */
    static final List<String> NO_ROUTE_DETAILS = List.of("Nothing exists at this path", "No API is served at this path.");
    /** Who asks for the undocumented routes: the most privileged callers and nobody. */
    static final List<Caller> PROBING = List.of(Caller.COALITION_ADMIN, Caller.caseworker(OwnedObjects.OWNER), Caller.ANONYMOUS);

    /** A path of a document that documents no PATCH on it. */
    record Route(PlatformService service, String template) {
    }

    private final Requests requests;
    private final Map<String, String> objects;
    private final Random random = new Random(9);
    private int documented;
    private final Map<String, Integer> documentedStatuses = new TreeMap<>();
    private int patches;
    private int probeCells;
    private final Map<String, Integer> probeStatuses = new TreeMap<>();

    Inventory(Requests requests, Map<String, String> objects) {
        this.requests = requests;
        this.objects = objects;
    }

    List<OpenApi.Operation> operations(PlatformService service) {
        return requests.platform().openApi(service).operations();
    }

    /** The operation as a permitted caller, with placeholder ids, a valid body and the required query parameters. */
    synchronized Http.Exchange call(PlatformService service, OpenApi.Operation operation) {
        SchemaValues values = new SchemaValues(requests.platform().openApi(service), requests.known());
        String path = requests.fill(operation, objects, random);
        String body = operation.bodySchema() == null ? null : Json.write(values.valid(operation.bodySchema(), random));
        StringBuilder query = new StringBuilder();
        for (OpenApi.Parameter parameter : operation.in("query")) {
            if (parameter.required()) {
                query.append(query.length() == 0 ? '?' : '&').append(parameter.name()).append('=')
                        .append(FuzzRequests.encode(values.valid(parameter.schema(), random).asText()));
            }
        }
        Http.Exchange answer = requests.send(service, operation.method(), path + query, Requests.permitted(operation), body,
                Requests.documentedHeaders(operation));
        documented++;
        documentedStatuses.merge(String.valueOf(answer.status()), 1, Integer::sum);
        return answer;
    }

    /** Every documented path, in the documents' order, whose document has no PATCH on it. */
    List<Route> pathsWithoutPatch() {
        List<Route> paths = new ArrayList<>();
        for (PlatformService service : WITH_DOCUMENTS) {
            List<OpenApi.Operation> operations = operations(service);
            operations.stream().map(OpenApi.Operation::path).distinct()
                    .filter(template -> operations.stream().noneMatch(each -> each.path().equals(template) && each.method().equals("PATCH")))
                    .forEach(template -> paths.add(new Route(service, template)));
        }
        return paths;
    }

    /** PATCH on the path (placeholder ids) as the coalition admin, with an empty body and an If-Match of no version. */
    synchronized Http.Exchange patch(Route path) {
        OpenApi.Operation any = operations(path.service()).stream().filter(operation -> operation.path().equals(path.template()))
                .findFirst().orElseThrow();
        Http.Exchange answer = requests.send(path.service(), "PATCH", requests.fill(any, objects, random), Caller.COALITION_ADMIN,
                "{}", Map.of("If-Match", "\"" + UUID.randomUUID() + ":0\""));
        patches++;
        return answer;
    }

    /** Plausible undocumented routes, development endpoints among them. */
    List<String> probes() {
        String referralId = objects.get("referrals");
        return List.of("/api/referrals/admin", "/api/referrals/internal", "/api/referrals/debug", "/api/referrals/export",
                "/api/referrals/" + referralId + "/identity/raw", "/api/referrals/" + referralId + "/identity/history",
                "/api/directory/internal", "/api/directory/admin", "/api/awareness/admin", "/api/awareness/internal",
                "/api/v1/referrals", "/api", "/admin", "/actuator", "/actuator/env", "/q/env", "/q/arc", "/q/graphql",
                "/q/dev", "/q/dev/", "/q/dev-ui", "/q/dev-ui/", "/q/dev-v1", "/q/dev/io.quarkus.quarkus-vertx-http/config");
    }

    Http.Exchange probe(PlatformService target, String probe, Caller caller) {
        Http.Exchange answer = requests.get(target, probe, caller);
        synchronized (this) {
            probeCells++;
            probeStatuses.merge(String.valueOf(answer.status()), 1, Integer::sum);
        }
        return answer;
    }

    /** "No such route": a 405, or a 404 that is not a problem naming a resource (the framework's own 404 or none). */
    static boolean noRoute(Http.Exchange answer) {
        if (answer.status() == 405) {
            return true;
        }
        if (answer.status() != 404) {
            return false;
        }
        Optional<JsonNode> problem = Json.parse(answer.body());
        return problem.isEmpty() || !answer.contentType().startsWith("application/problem+json")
                || NO_ROUTE_DETAILS.contains(problem.get().path("detail").asText(""));
    }

    /** The figures as they are now (the rows in place before the first case, final after the last). */
    synchronized void figures(Figures figures, String section) {
        figures.put(section, "documented operations called (permitted role, placeholder ids)", documented);
        figures.put(section, "statuses of the documented operations", new TreeMap<>(documentedStatuses));
        figures.put(section, "PATCH on every documented path (documented nowhere)", patches);
        figures.put(section, "undocumented routes probed (each service and the gateway × coalition-admin, caseworker, anonymous)",
                probes().size() + " routes, " + probeCells + " cells");
        figures.put(section, "statuses of the undocumented routes", new TreeMap<>(probeStatuses));
    }
}
