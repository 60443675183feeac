package org.mitra.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.BiConsumer;
import org.mitra.gateway.GatewayConfig;
import org.mitra.gateway.problem.GatewayMessages;
import org.mitra.problems.ProblemText;

/**
 * The edge token check. Quarkus OIDC verifies the bearer token (signature against the realm's JWKS, cached and
 * refreshed on an unknown key id; issuer; audience {@code mitra-api}; expiry); authentication is not proactive,
 * so this class decides per route: a public route passes without a token, every other route needs a valid one,
 * and a token that is present must be valid everywhere. The token itself is forwarded unchanged. A token verified
 * once is taken on trust until it expires (at most {@code mitra.gateway.token-cache.max-age}, see
 * {@link VerifiedTokens}); the services verify every token again anyway.
 */
@ApplicationScoped
public class EdgeAuthentication {
    private static final BiConsumer<RoutingContext, Throwable> SILENT = (rc, failure) -> {
    };

    private final PublicRoutes publicRoutes;
    private final VerifiedTokens verified;

    @Inject
    public EdgeAuthentication(GatewayConfig config) {
        this.publicRoutes = new PublicRoutes(config.publicRoutes());
        this.verified = new VerifiedTokens(config.tokenCache().maxAge(), config.tokenCache().maxEntries());
    }

    public boolean isPublic(String method, String path) {
        return publicRoutes.isPublic(method, path);
    }

    /** The caller, or a failed future with {@link Refusal} when the request must be answered with a 401. */
    public Future<Caller> authenticate(RoutingContext rc) {
        boolean open = isPublic(rc.request().method().name(), rc.request().path());
        String authorization = rc.request().getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return open ? Future.succeededFuture(Caller.ANONYMOUS) : Future.failedFuture(Refusal.MISSING.asException());
        }
        // The edge answers a bad token itself (problem+json), instead of Quarkus' bare challenge.
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, SILENT);
        boolean cacheable = VerifiedTokens.cacheable(authorization, rc.request().getHeader("DPoP"));
        Caller known = cacheable ? verified.find(authorization) : null;
        if (known != null) {
            return Future.succeededFuture(known);
        }
        Context context = Vertx.currentContext();
        Promise<Caller> result = Promise.promise();
        Uni<SecurityIdentity> identity = QuarkusHttpUser.getSecurityIdentity(rc, null);
        identity.subscribe().with(
                found -> onContext(context, () -> {
                    Caller caller = Caller.of(found);
                    if (caller.isAnonymous() && !open) {
                        result.fail(Refusal.MISSING.asException());
                    } else {
                        if (cacheable) {
                            verified.remember(authorization, found, caller);
                        }
                        result.complete(caller);
                    }
                }),
                failure -> onContext(context, () -> result.fail(Refusal.INVALID.asException())));
        return result.future();
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }

    /** Why the edge refused: the detail a client sees, and the {@code WWW-Authenticate} challenge (RFC 6750). */
    public enum Refusal {
        MISSING("token.missing", "Bearer realm=\"mitra\""),
        INVALID("token.invalid", "Bearer realm=\"mitra\", error=\"invalid_token\"");

        private final String key;
        private final String challenge;

        Refusal(String key, String challenge) {
            this.key = key;
            this.challenge = challenge;
        }

        /** The detail a client sees, in English. */
        public String detail() {
            return text().english();
        }

        /** The detail a client sees, in each language it is translated into (GatewayMessages). */
        public ProblemText text() {
            return GatewayMessages.MESSAGES.text(key);
        }

        public String challenge() {
            return challenge;
        }

        public RuntimeException asException() {
            return new RefusedException(this);
        }
    }

    public static final class RefusedException extends RuntimeException {
        private final Refusal refusal;

        RefusedException(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }
}
