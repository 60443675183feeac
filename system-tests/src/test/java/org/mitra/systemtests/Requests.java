package org.mitra.systemtests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.mitra.local.PlatformService;

/**
 * Requests of PropertyAndInventoryIT's cases: an operation's path filled with real ids, a caller the operation documents
 * as allowed, header values that change nothing, and the request itself with the caller's token.
 */
final class Requests {
    private final SystemPlatform platform;
    private final KnownValues known;

    Requests(SystemPlatform platform, KnownValues known) {
        this.platform = platform;
        this.known = known;
    }

    SystemPlatform platform() {
        return platform;
    }

    KnownValues known() {
        return known;
    }

    /** A caller the operation documents as allowed: anonymous for a public one, darkbali's staff where an org role fits. */
    static Caller permitted(OpenApi.Operation operation) {
        if (operation.isPublic()) {
            return Caller.ANONYMOUS;
        }
        List<String> roles = operation.roles().orElseThrow();
        if (roles.isEmpty() || roles.contains("caseworker")) {
            return Caller.caseworker(OwnedObjects.OWNER);
        }
        if (roles.contains("org-admin")) {
            return Caller.orgAdmin(OwnedObjects.OWNER);
        }
        if (roles.contains("coalition-admin")) {
            return Caller.COALITION_ADMIN;
        }
        if (roles.contains("gov-liaison")) {
            return Caller.GOV_LIAISON;
        }
        if (roles.contains("partner-app")) {
            return Caller.PARTNER_APP;
        }
        return Caller.COALITION_ADMIN;
    }

    /** The operation's path with each id of the given objects by kind, else a known value of the kind, else a random id. */
    String fill(OpenApi.Operation operation, Map<String, String> objects, Random random) {
        String path = operation.path();
        for (OpenApi.Parameter parameter : operation.in("path")) {
            String kind = KnownValues.kindOf(operation.path(), parameter.name());
            String value = objects.containsKey(kind) ? objects.get(kind) : known.pathValue(operation.path(), parameter.name(), random);
            path = path.replace("{" + parameter.name() + "}", FuzzRequests.encode(value));
        }
        return path;
    }

    /** The operation's header parameters with values that match nothing (an If-Match of no version: 412, not a change). */
    static Map<String, String> documentedHeaders(OpenApi.Operation operation) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (OpenApi.Parameter header : operation.in("header")) {
            headers.put(header.name(), header.name().equals("If-Match") ? "\"" + UUID.randomUUID() + ":0\"" : UUID.randomUUID().toString());
        }
        if (!operation.method().equals("GET") && !operation.method().equals("POST")) {
            headers.putIfAbsent("If-Match", "\"" + UUID.randomUUID() + ":0\"");
        }
        return headers;
    }

    /**
     * A request with the caller's token, JSON in and out, a fresh Idempotency-Key and a documentation-range client address
     * for writes sent to a service directly (the awareness service limits public writes per source).
     */
    Http.Exchange send(PlatformService target, String method, String path, Caller caller, String body, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        caller.authorization(platform.tokens()).ifPresent(value -> headers.put("Authorization", value));
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        if (!method.equals("GET")) {
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
            if (target != PlatformService.GATEWAY) {
                headers.put("X-Forwarded-For", "198.51.100." + (1 + new Random().nextInt(250)));
            }
        }
        headers.putAll(extra);
        return platform.http().send(method, platform.url(target) + path, headers, body);
    }

    Http.Exchange get(PlatformService target, String path, Caller caller) {
        return send(target, "GET", path, caller, null, Map.of());
    }
}
