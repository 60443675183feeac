package org.mitra.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.mitra.local.PlatformService;

/**
 * API4, resource consumption: the paged lists, the writes that get a 2 MB body and the string members with a
 * maxLength, from the three services' documents, and the requests that find each bound. One {@link Random} for all
 * three, drawn from in the order the cases run. Keeps the tally for the figures.
 */
final class ResourceBounds {
    static final List<PlatformService> SERVICES = List.of(PlatformService.DIRECTORY, PlatformService.REFERRAL, PlatformService.AWARENESS);
    /** The page queries each paged list must refuse, naming size or page. */
    static final List<String> PAGE_QUERIES = List.of("size=101", "size=100000", "size=0", "page=2147483647", "page=50001&size=20", "page=-1");

    /** A paged list as a caller for whom its control (size 100) answers 200, so that a 400 is the bound's. */
    record PagedList(String path, String required, Caller caller) {
    }

    /** A write that a 2 MB body is sent to. */
    record ProtectedWrite(PlatformService service, OpenApi.Operation operation, String path) {
        String name() {
            return service.module() + " " + operation.key();
        }
    }

    /** A string member of a JSON write body that has a maxLength. */
    record LongString(PlatformService service, OpenApi.Operation operation, String member, int maxLength) {
        String name() {
            return service.module() + " " + operation.key() + " with " + member + " of " + (maxLength + 1) + " characters";
        }
    }

    private final Requests requests;
    private final Map<String, String> objects;
    private final Random random = new Random(5);
    private int pagedOperations;
    private int pageCells;
    private final List<String> notChecked = new ArrayList<>();
    private int bodyCells;
    private int stringCells;

    ResourceBounds(Requests requests, Map<String, String> objects) {
        this.requests = requests;
        this.objects = objects;
    }

    /** Every GET with a size parameter, by service. */
    List<OpenApi.Operation> pagedOperations(PlatformService service) {
        return requests.platform().openApi(service).operations().stream()
                .filter(operation -> operation.method().equals("GET") && operation.in("query").stream().anyMatch(each -> each.name().equals("size")))
                .toList();
    }

    /** The list's path and required query, and the first documented caller whose control answers 200; empty if none. */
    synchronized Optional<PagedList> pagedList(PlatformService service, OpenApi.Operation operation) {
        SchemaValues values = new SchemaValues(requests.platform().openApi(service), requests.known());
        String path = requests.fill(operation, objects, random);
        StringBuilder required = new StringBuilder();
        for (OpenApi.Parameter parameter : operation.in("query")) {
            if (parameter.required() && !List.of("size", "page").contains(parameter.name())) {
                required.append('&').append(parameter.name()).append('=')
                        .append(FuzzRequests.encode(values.valid(parameter.schema(), random).asText()));
            }
        }
        Caller caller = Requests.permitted(operation);
        Http.Exchange control = null;
        for (Caller candidate : List.of(Requests.permitted(operation), Caller.orgAdmin(OwnedObjects.OWNER), Caller.COALITION_ADMIN,
                Caller.caseworker(OwnedObjects.OWNER), Caller.GOV_LIAISON)) {
            control = requests.get(service, path + "?size=100" + required, candidate);
            caller = candidate;
            if (control.status() == 200) {
                break;
            }
        }
        if (control.status() != 200) {
            notChecked.add(service.module() + " " + operation.key() + " (control with size=100 answered " + control.status() + ")");
            return Optional.empty();
        }
        pagedOperations++;
        return Optional.of(new PagedList(path, required.toString(), caller));
    }

    Http.Exchange page(PlatformService service, PagedList list, String query) {
        synchronized (this) {
            pageCells++;
        }
        return requests.get(service, list.path() + "?" + query + list.required(), list.caller());
    }

    /** The first protected POST with a body of the service, and its path with darkbali's ids. */
    synchronized ProtectedWrite protectedWrite(PlatformService service) {
        OpenApi.Operation write = requests.platform().openApi(service).operations().stream()
                .filter(each -> each.method().equals("POST") && each.bodySchema() != null && !each.isPublic()).findFirst().orElseThrow();
        return new ProtectedWrite(service, write, requests.fill(write, objects, random));
    }

    Http.Exchange oversized(PlatformService target, ProtectedWrite write, String body) {
        synchronized (this) {
            bodyCells++;
        }
        return OversizedBody.post(requests, target, write.path(), Requests.permitted(write.operation()), body);
    }

    /** Each string member with a maxLength (not an enum) of every JSON POST or PUT body. */
    List<LongString> longStrings(PlatformService service) {
        OpenApi document = requests.platform().openApi(service);
        List<LongString> strings = new ArrayList<>();
        for (OpenApi.Operation operation : document.operations()) {
            if (operation.bodySchema() == null || !List.of("POST", "PUT").contains(operation.method())
                    || !operation.bodyContentTypes().contains("application/json")) {
                continue;
            }
            JsonNode schema = document.resolve(operation.bodySchema());
            for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext();) {
                Map.Entry<String, JsonNode> property = properties.next();
                JsonNode propertySchema = document.resolve(property.getValue());
                if (SchemaValues.type(propertySchema).equals("string") && propertySchema.has("maxLength") && !propertySchema.has("enum")) {
                    strings.add(new LongString(service, operation, property.getKey(), propertySchema.get("maxLength").asInt()));
                }
            }
        }
        return strings;
    }

    /**
     * A valid body with the member one character over its maxLength, sent as a permitted caller; empty when the generated
     * body is not an object. A 400 for other members only means the generated body was wrong elsewhere: those members
     * are generated again (an array where the document puts the enum on the array) and the body re-sent, at most 3 times.
     */
    synchronized Optional<Http.Exchange> overLong(LongString string) {
        OpenApi document = requests.platform().openApi(string.service());
        SchemaValues values = new SchemaValues(document, requests.known());
        OpenApi.Operation operation = string.operation();
        JsonNode schema = document.resolve(operation.bodySchema());
        JsonNode body = values.valid(schema, random);
        if (!body.isObject()) {
            return Optional.empty();
        }
        ValidationErrors.arraysWhereDocumented((ObjectNode) body, schema, document);
        ((ObjectNode) body).put(string.member(), "a".repeat(string.maxLength() + 1));
        String path = requests.fill(operation, objects, random);
        Caller caller = Requests.permitted(operation);
        Http.Exchange sent = requests.send(string.service(), operation.method(), path, caller, Json.write(body), Requests.documentedHeaders(operation));
        for (int repair = 0; repair < 3 && sent.status() == 400 && !ValidationErrors.namesField(sent, string.member())
                && ValidationErrors.repairOthers((ObjectNode) body, schema, document, values, random, sent, string.member()); repair++) {
            sent = requests.send(string.service(), operation.method(), path, caller, Json.write(body), Requests.documentedHeaders(operation));
        }
        stringCells++;
        return Optional.of(sent);
    }

    /** The figures as they are now (the rows in place before the first case, final after the last). */
    synchronized void figures(Figures figures, String section) {
        figures.put(section, "paged GET operations checked (size 101, 100000, 0; page 2^31-1, past 1,000,000 rows, -1)", pagedOperations);
        figures.put(section, "page cells checked", pageCells);
        figures.put(section, "paged operations not checked", notChecked.size() + (notChecked.isEmpty() ? "" : " " + notChecked));
        figures.put(section, "2 MB bodies sent (each service directly and through the gateway)", bodyCells
                + " (answers read over a plain socket: " + OversizedBody.SOCKET_FALLBACKS.get() + ")");
        figures.put(section, "string members one character over their maxLength", stringCells);
    }
}
