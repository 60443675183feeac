package org.mitra.web.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.mitra.problems.ProblemType;
import org.mitra.web.Caller;
import org.mitra.web.problem.ConflictException;
import org.mitra.web.problem.InvalidRequestException;
import org.mitra.web.problem.ProblemException;
import org.mitra.web.problem.WebMessages;

/**
 * {@code Idempotency-Key} for create operations. The first request with a key runs, and where the created resource is
 * ({@code Location}) is stored in the same transaction; a retry with the same key and the same body gets the resource
 * again, read afresh through {@code reread} ({@code Idempotent-Replayed: true}, the first status and Location), with
 * no second effect; the same key with another body is a 422. A duplicate arriving while the first is still running
 * waits for it, then replays it.
 *
 * <p>What is kept at rest is only what a replay needs: the status, the Location and a keyed fingerprint (HMAC-SHA256
 * with {@code mitra.idempotency.fingerprint-key}, which the database does not hold) of the request. Never a response
 * body: a body can carry a referral's note or a pledge's secret token, which must not sit in a second copy for a day
 * (and in every backup) outside the identity vault. A replay therefore never repeats a secret shown once.
 *
 * <p>Keys belong to their caller. Anonymous callers cannot be told apart, so an anonymous key is scoped to its
 * request's fingerprint: another visitor using the same key with another body makes a request of their own (no 422
 * telling them the key is in use), and can replay only a request whose whole body they already know.
 *
 * <pre>{@code
 * @POST @Transactional
 * public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid PledgeRequest request) {
 *     return idempotency.execute(key, "pledges.create", request, () -> {
 *         PledgeView pledge = pledges.create(request);
 *         return Response.created(URI.create("/api/awareness/pledges/" + pledge.id())).entity(pledge).build();
 *     }, location -> Response.ok(pledges.view(idFrom(location))).build());
 * }
 * }</pre>
 */
@ApplicationScoped
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger LOG = Logger.getLogger(Idempotency.class);
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final String ANONYMOUS = "anonymous";

    @Inject
    IdempotencyRecords records;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    @ConfigProperty(name = "mitra.idempotency.retention", defaultValue = "PT24H")
    Duration retention;

    /** Base64 of at least 32 random bytes, the same on every instance of the service; see the class comment. */
    @ConfigProperty(name = "mitra.idempotency.fingerprint-key")
    Optional<String> fingerprintKey;

    private ObjectWriter canonicalJson;
    private SecretKeySpec fingerprintSecret;

    @PostConstruct
    void init() {
        canonicalJson = json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        byte[] key;
        if (fingerprintKey.isPresent() && !fingerprintKey.get().isBlank()) {
            key = Base64.getDecoder().decode(fingerprintKey.get().strip());
            if (key.length < 32) {
                throw new IllegalStateException("mitra.idempotency.fingerprint-key must be at least 32 bytes (base64)");
            }
        } else {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            LOG.warn("mitra.idempotency.fingerprint-key is not set: a key made for this process fingerprints requests, so "
                    + "a retry that reaches another instance or comes after a restart is taken for a different request");
        }
        fingerprintSecret = new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * Runs {@code create} once per (caller, operation, key). Without a key it simply runs it.
     *
     * @param key       the request's {@code Idempotency-Key} header, may be null
     * @param operation names the create operation, e.g. {@code referrals.create}
     * @param request   the request body; same key with a body that differs from the first is a 422
     * @param create    does the work and builds the response (status, body, Location)
     * @param reread    builds the answer to a replay from the created resource's Location: the resource as the caller
     *                  may see it now (its status and Location are the first response's)
     */
    @Transactional
    public Response execute(String key, String operation, Object request, Supplier<Response> create,
            Function<URI, Response> reread) {
        return execute(key, operation, request, null, create, reread);
    }

    /**
     * As {@link #execute(String, String, Object, Supplier, Function)}, for a create whose Location is known before it
     * runs (the caller makes the new resource's id): the key's claim records the answer, 201 with this Location, in the
     * same statement, so a new key costs the request one statement instead of two (issue 14). The record becomes
     * visible only when the transaction commits, with the resource. Should {@code create} answer anything else (another
     * status or Location), the record is corrected before it returns, as {@code execute} would have stored it.
     *
     * @param location where the resource {@code create} makes will be
     */
    @Transactional
    public Response executeCreate(String key, String operation, Object request, URI location, Supplier<Response> create,
            Function<URI, Response> reread) {
        return execute(key, operation, request, new StoredResponse(Response.Status.CREATED.getStatusCode(),
                Objects.requireNonNull(location, "location")), create, reread);
    }

    private Response execute(String key, String operation, Object request, StoredResponse expected,
            Supplier<Response> create, Function<URI, Response> reread) {
        if (key == null) {
            return create.get();
        }
        if (!SANE_KEY.matcher(key).matches()) {
            throw InvalidRequestException.of(HEADER, WebMessages.MESSAGES.text("field.idempotency-key"));
        }
        String requestHash = fingerprint(request);
        IdempotencyScope scope = new IdempotencyScope(callerScope(requestHash), operation, key);
        try {
            if (records.claim(scope, requestHash, retention, expected)) {
                Response response = create.get();
                if (expected == null || !expected.isAnswerOf(response)) {
                    records.complete(scope, new StoredResponse(response.getStatus(), response.getLocation()));
                }
                return response;
            }
            IdempotencyRecords.Existing existing = records.find(scope)
                    .orElseThrow(() -> new ConflictException(WebMessages.MESSAGES.text("idempotency.in-progress")));
            if (!existing.requestHash().equals(requestHash)) {
                throw new KeyReusedException();
            }
            return existing.response()
                    .orElseThrow(() -> new ConflictException(WebMessages.MESSAGES.text("idempotency.in-progress")))
                    .replay(reread);
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency key store failed", e);
        }
    }

    /** Deletes expired keys; {@link IdempotencyPurge} calls it on schedule. */
    @Transactional
    public int purgeExpired() {
        try {
            return records.purgeExpired();
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency key purge failed", e);
        }
    }

    /** HMAC-SHA256 of the request's canonical JSON: equal bodies match, and a guessed body cannot be checked against it. */
    String fingerprint(Object request) {
        try {
            byte[] canonical = request == null ? new byte[0] : canonicalJson.writeValueAsBytes(request);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintSecret);
            return HexFormat.of().formatHex(mac.doFinal(canonical));
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }

    private String callerScope(String requestHash) {
        return caller.isAnonymous() ? ANONYMOUS + ":" + requestHash : caller.subject();
    }

    /** 422: the key was first used for a different request body. */
    static final class KeyReusedException extends ProblemException {
        KeyReusedException() {
            super(ProblemType.IDEMPOTENCY_KEY_REUSED, WebMessages.MESSAGES.text("idempotency.reused"));
        }
    }
}
