package org.mitra.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Requests generated from an operation of an OpenAPI document: valid ones built from the schemas, and mutated ones
 * (wrong types, nulls, huge and unicode strings, extra members, broken JSON, wrong content types, missing bodies, path
 * ids that are not ids, random query values). The same {@link Random} state always gives the same request.
 */
final class FuzzRequests {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Replaced in the serialized body by a lone UTF-16 surrogate escape, which Jackson would not write. */
    private static final String LONE_SURROGATE = "__LONE_SURROGATE__";
    static final String HUGE = "x".repeat(100 * 1024);
    private static final List<String> UNICODE = List.of(
            "שלום עולם \u202Eevil\u202C", "مرحبا بالعالم", "😀🏳️‍🌈👩🏽‍⚕️", "nul\u0000byte", "\uFEFFbom", "e\u0301\u0301\u0301",
            "ctrl\u0007\u001b[31m", LONE_SURROGATE, "\u2028line\u2029sep", "Ｆｕｌｌｗｉｄｔｈ", "𝕸𝖎𝖙𝖗𝖆", "a\u200Bb\u200Dc",
            "<script>alert(1)</script>", "'; DROP TABLE referral; --", "${jndi:ldap://example.invalid/a}", "../../etc/passwd",
            "%00%0d%0a", "{{7*7}}", "", " ", "\t\n");
    private static final List<String> NOT_IDS = List.of("abc", "0", "-1", "99999999999999999999", "null", "undefined",
            "00000000-0000-0000-0000-00000000000", "3f7c2a10-5d1e-4c8a-9b21-0d5a1e00000g", "%00", "..%2F..%2Fq%2Fhealth",
            "%E2%80%AE", "%F0%9F%98%80", "a".repeat(2000), "'%20OR%201=1--", "%252e%252e", "1e400", "true");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "application/octet-stream", "*/*",
            "application/jsonx", "application/problem+json");
    private static final List<String> MUTATIONS = List.of("wrong-type", "null-member", "huge-string", "unicode", "extra-members",
            "broken-json", "wrong-content-type", "missing-body", "missing-required", "wrong-top-level", "deep-nesting", "big-number");

    /** One generated request; the caller's token is added when it is sent. */
    record Case(OpenApi.Operation operation, Caller caller, String kind, String method, String pathAndQuery,
            Map<String, String> headers, String body) {
    }

    private final OpenApi document;
    private final KnownValues known;
    private final SchemaValues values;
    private final List<Caller> callers = Caller.all();

    FuzzRequests(OpenApi document, KnownValues known) {
        this.document = document;
        this.known = known;
        this.values = new SchemaValues(document, known);
    }

    Case next(OpenApi.Operation operation, Random random) {
        Caller caller = caller(operation, random);
        int dice = random.nextInt(100);
        String kind;
        if (dice < 35) {
            kind = "valid";
        } else if (operation.bodySchema() != null && dice < 80) {
            kind = MUTATIONS.get(random.nextInt(MUTATIONS.size()));
        } else {
            List<String> kinds = new ArrayList<>(List.of("query-junk", "header-junk"));
            if (operation.hasPathId()) {
                kinds.add("path-not-id");
                kinds.add("path-random-id");
            }
            kind = kinds.get(random.nextInt(kinds.size()));
        }
        Map<String, String> pathValues = new LinkedHashMap<>();
        String path = path(operation, random, kind, pathValues);
        String query = query(operation, random, kind.equals("query-junk"));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", random.nextInt(10) == 0 ? "text/csv" : "application/json");
        for (OpenApi.Parameter header : operation.in("header")) {
            if (header.required() || random.nextBoolean()) {
                headers.put(header.name(), kind.equals("header-junk") ? junk(random).replaceAll("[^\\x20-\\x7e]", "?")
                        : header.name().equals("If-Match") ? "\"" + SchemaValues.randomId(random) + ":" + random.nextInt(3) + "\""
                        : SchemaValues.randomId(random).toString());
            }
        }
        if (operation.service() == org.mitra.local.PlatformService.AWARENESS && random.nextBoolean()) {
            // The awareness service counts anonymous writes per X-Forwarded-For hop; spread them so some get past its limit.
            headers.put("X-Forwarded-For", "198.51.100." + random.nextInt(250));
        }
        String body = null;
        if (operation.bodySchema() != null && !kind.equals("missing-body")) {
            headers.put("Content-Type", kind.equals("wrong-content-type") ? CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()))
                    : operation.bodyContentTypes().isEmpty() ? "application/json" : operation.bodyContentTypes().get(0));
            body = body(operation, random, kind, pathValues);
        } else if (!operation.method().equals("GET") && random.nextInt(4) == 0) {
            headers.put("Content-Type", "application/json");
        }
        return new Case(operation, caller, kind, operation.method(), path + query, headers, body);
    }

    private Caller caller(OpenApi.Operation operation, Random random) {
        if (operation.roles().isPresent() && !operation.roles().get().isEmpty() && random.nextBoolean()) {
            List<Caller> allowed = callers.stream().filter(caller -> operation.roles().get().contains(caller.role())).toList();
            if (!allowed.isEmpty()) {
                return allowed.get(random.nextInt(allowed.size()));
            }
        }
        return callers.get(random.nextInt(callers.size()));
    }

    private String path(OpenApi.Operation operation, Random random, String kind, Map<String, String> chosen) {
        String path = operation.path();
        for (OpenApi.Parameter parameter : operation.in("path")) {
            String value;
            if (kind.equals("path-not-id") && random.nextBoolean()) {
                value = NOT_IDS.get(random.nextInt(NOT_IDS.size()));
            } else if (kind.equals("path-random-id")) {
                value = SchemaValues.randomId(random).toString();
            } else {
                value = encode(known.pathValue(operation.path(), parameter.name(), random));
            }
            chosen.put(parameter.name(), value);
            path = path.replace("{" + parameter.name() + "}", value);
        }
        return path;
    }

    private String query(OpenApi.Operation operation, Random random, boolean junk) {
        List<String> pairs = new ArrayList<>();
        for (OpenApi.Parameter parameter : operation.in("query")) {
            if (parameter.required() || random.nextInt(3) == 0) {
                String value = junk ? junk(random) : values.valid(parameter.schema(), random).asText();
                pairs.add(encode(parameter.name()) + "=" + encode(value));
            }
        }
        if (junk && random.nextBoolean()) {
            pairs.add(List.of("page=-1", "size=100000", "size=0", "page=99999999999", "sort=id;DROP", "q=%00", "x=" + "y".repeat(4000),
                    "size=1e3", "page=", "%25ZZ=1").get(random.nextInt(10)));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private String body(OpenApi.Operation operation, Random random, String kind, Map<String, String> pathValues) {
        JsonNode valid = values.valid(operation.bodySchema(), random);
        coherent(operation, valid, random, pathValues);
        switch (kind) {
            case "broken-json": {
                String text = Json.write(valid);
                return switch (random.nextInt(5)) {
                    case 0 -> text.substring(0, Math.max(1, text.length() / 2));
                    case 1 -> text + "}";
                    case 2 -> text.replaceFirst(":", "");
                    case 3 -> "{'single': 'quotes'}";
                    default -> "\u0000\u0001garbage";
                };
            }
            case "wrong-top-level":
                return List.of("[]", "\"text\"", "123", "null", "true", "[" + Json.write(valid) + "]").get(random.nextInt(6));
            case "deep-nesting": {
                int depth = 2000 + random.nextInt(4000);
                return "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
            }
            default:
                break;
        }
        JsonNode mutated = valid.deepCopy();
        List<Member> members = new ArrayList<>();
        members(mutated, members);
        Member member = members.isEmpty() ? null : members.get(random.nextInt(members.size()));
        switch (kind) {
            case "wrong-type":
                if (member != null) {
                    member.set(List.<JsonNode>of(NODES.numberNode(random.nextInt()), NODES.textNode("not-" + random.nextInt(99)),
                            NODES.booleanNode(true), NODES.arrayNode().add(1), NODES.objectNode().put("k", "v"),
                            NODES.numberNode(1.5)).get(random.nextInt(6)));
                }
                break;
            case "null-member":
                if (member != null) {
                    member.set(NODES.nullNode());
                }
                break;
            case "huge-string":
                if (member != null) {
                    member.set(NODES.textNode(HUGE));
                } else if (mutated.isObject()) {
                    ((ObjectNode) mutated).put("huge", HUGE);
                }
                break;
            case "unicode":
                for (Member each : members) {
                    if (each.value().isTextual() && random.nextBoolean()) {
                        each.set(NODES.textNode(UNICODE.get(random.nextInt(UNICODE.size()))));
                    }
                }
                break;
            case "extra-members":
                if (mutated.isObject()) {
                    ((ObjectNode) mutated).put("id", SchemaValues.randomId(random).toString()).put("status", "VERIFIED")
                            .put("sendingOrganizationId", SchemaValues.randomId(random).toString()).put("version", 99)
                            .put("unknown" + random.nextInt(100), "value").putObject("__proto__").put("admin", true);
                }
                break;
            case "missing-required":
                if (mutated.isObject()) {
                    JsonNode required = operation.bodySchema().path("required");
                    if (required.isArray() && !required.isEmpty()) {
                        ((ObjectNode) mutated).remove(required.get(random.nextInt(required.size())).asText());
                    }
                }
                break;
            case "big-number":
                if (member != null) {
                    member.set(NODES.textNode("__BIG__"));
                    return Json.write(mutated).replace("\"__BIG__\"", List.of("1e400", "-99999999999999999999999", "NaN", "0x10",
                            "1.7976931348623157E309").get(random.nextInt(5)));
                }
                break;
            default:
                break;
        }
        return Json.write(mutated).replace(LONE_SURROGATE, "\\ud800");
    }

    /**
     * Makes a generated pledge or referral hang together the way the schema cannot say, so that valid requests get past the
     * referral-service's checks: a receiver that offers the category, consent shared with that receiver, no random
     * subject or service ids, the slice left to the category.
     */
    private void coherent(OpenApi.Operation operation, JsonNode body, Random random, Map<String, String> pathValues) {
        if (operation.method().equals("POST") && operation.path().endsWith("/pledges") && body instanceof ObjectNode pledge
                && pathValues.containsKey("campaignId")) {
            // A pledge names one of its campaign's options; a person's pledge carries no business details.
            known.any("options:" + pathValues.get("campaignId"), random).ifPresent(option -> pledge.put("commitment", option));
            if ("PERSON".equals(pledge.path("kind").asText())) {
                pledge.remove(List.of("businessName", "businessType", "criteria"));
            }
            if (pledge.path("contactConsent").asBoolean(false) && !pledge.hasNonNull("email")) {
                pledge.put("email", "fuzz" + random.nextInt(1_000_000) + "@example.org");
            }
            return;
        }
        if (!(operation.method().equals("POST") && operation.path().equals("/api/referrals")) || !(body instanceof ObjectNode referral)) {
            return;
        }
        java.util.Optional<String> receiver = known.any("receivers", random);
        if (receiver.isEmpty()) {
            return;
        }
        referral.put("receivingOrganizationId", receiver.get());
        known.any("offers:" + receiver.get(), random).ifPresent(category -> referral.put("categoryCode", category));
        referral.remove(List.of("slice", "subjectId", "receivingServiceId"));
        ObjectNode consent = referral.path("consent") instanceof ObjectNode given ? given : referral.putObject("consent");
        consent.put("consentedBy", "SUBJECT").put("consentedAt", "2026-01-01T00:00:00Z").put("mayContact", random.nextBoolean());
        consent.putArray("shares").add("PROFILE").add("IDENTITY").add("NOTE");
        consent.putArray("sharedWith").add(receiver.get());
        if (referral.path("profile") instanceof ObjectNode profile) {
            profile.put("ageBand", List.of("0-11", "12-17", "18-24", "25-34", "35-49", "50+").get(random.nextInt(6)));
        }
    }

    /** A member of an object or an element of an array, which a mutation may replace. */
    private record Member(ContainerNode<?> parent, String name, int index, JsonNode value) {
        void set(JsonNode replacement) {
            if (parent instanceof ObjectNode object) {
                object.set(name, replacement);
            } else {
                ((ArrayNode) parent).set(index, replacement);
            }
        }
    }

    private static void members(JsonNode node, List<Member> out) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                out.add(new Member(object, field.getKey(), -1, field.getValue()));
                members(field.getValue(), out);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                out.add(new Member(array, null, i, array.get(i)));
                members(array.get(i), out);
            }
        }
    }

    private static String junk(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> Integer.toString(random.nextInt() - Integer.MAX_VALUE / 2);
            case 1 -> "9".repeat(40);
            case 2 -> UNICODE.get(random.nextInt(UNICODE.size())).replace(LONE_SURROGATE, "x");
            case 3 -> "";
            case 4 -> "x".repeat(3000);
            case 5 -> "2026-13-45T99:99:99Z";
            case 6 -> "true";
            default -> SchemaValues.randomId(random).toString();
        };
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
