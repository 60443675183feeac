package org.mitra.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** For an application without a database (the gateway): trust the test token key, nothing more. */
public class TokenTrustResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.public-key", TestKeys.publicKeyBase64(),
                "quarkus.oidc.token.issuer", Tokens.ISSUER,
                "quarkus.oidc.token.audience", Tokens.AUDIENCE);
    }

    @Override
    public void stop() {
        // Nothing was started.
    }
}
