package org.mitra.web.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mitra.web.Caller;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.ProblemException;
import org.mitra.web.problem.ProblemType;

/**
 * {@code Idempotency-Key} for create operations. The first request with a key runs and its response
 * is stored in the same transaction; a retry with the same key and the same body gets that response
 * again ({@code Idempotent-Replayed: true}) with no second effect; the same key with another body is
 * a 422. A duplicate arriving while the first is still running waits for it, then replays it.
 *
 * <pre>{@code
 * @POST @Transactional
 * public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid PledgeRequest request) {
 *     return idempotency.execute(key, "pledges.create", request, () -> {
 *         PledgeView pledge = pledges.create(request);
 *         return Response.created(URI.create("/api/awareness/pledges/" + pledge.id())).entity(pledge).build();
 *     });
 * }
 * }</pre>
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final List<String> HEADERS_NOT_STORED = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH);

    @Inject
    IdempotencyRecords records;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    @ConfigProperty(name = "mitra.idempotency.retention", defaultValue = "PT24H")
    Duration retention;

    private ObjectWriter canonicalJson;

    @PostConstruct
    void init() {
        canonicalJson = json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /**
     * Runs {@code create} once per (caller, operation, key). Without a key it simply runs it.
     *
     * @param key       the request's {@code Idempotency-Key} header, may be null
     * @param operation names the create operation, e.g. {@code referrals.create}
     * @param request   the request body; same key with a body that differs from the first is a 422
     * @param create    does the work and builds the response (status, body, Location)
     */
    @Transactional
    public Response execute(String key, String operation, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        if (!SANE_KEY.matcher(key).matches()) {
            throw InvalidRequestException.of(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        IdempotencyScope scope = new IdempotencyScope(callerName(), operation, key);
        String requestHash = fingerprint(request);
        try {
            if (records.claim(scope, requestHash, retention)) {
                Response response = create.get();
                records.complete(scope, store(response));
                return response;
            }
            IdempotencyRecords.Existing existing = records.find(scope)
                    .orElseThrow(() -> new ConflictException("A request with this Idempotency-Key is in progress"));
            if (!existing.requestHash().equals(requestHash)) {
                throw new KeyReusedException();
            }
            return existing.response()
                    .orElseThrow(() -> new ConflictException("A request with this Idempotency-Key is in progress"))
                    .replay();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency key store failed", e);
        }
    }

    /** Deletes expired keys; call it from a scheduled job if the table should stay small. */
    @Transactional
    public int purgeExpired() {
        try {
            return records.purgeExpired();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency key purge failed", e);
        }
    }

    String fingerprint(Object request) {
        try {
            byte[] canonical = request == null ? new byte[0] : canonicalJson.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    private String callerName() {
        return caller.isAnonymous() ? "anonymous" : caller.subject();
    }

    private StoredResponse store(Response response) {
        Object entity = response.getEntity();
        String body;
        try {
            body = entity == null || entity instanceof String ? (String) entity : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the response body", e);
        }
        MediaType type = response.getMediaType();
        String contentType = type != null ? type.toString() : entity == null ? null : MediaType.APPLICATION_JSON;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.getStringHeaders().forEach((name, values) -> {
            if (HEADERS_NOT_STORED.stream().noneMatch(name::equalsIgnoreCase)) {
                headers.put(name, List.copyOf(values));
            }
        });
        return new StoredResponse(response.getStatus(), contentType, body, headers);
    }

    /** 422: the key was first used for a different request body. */
    static final class KeyReusedException extends ProblemException {
        KeyReusedException() {
            super(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used for a different request; use a new key");
        }
    }
}
