package org.mitra.referral;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.mitra.testkit.MitraTestResource;

/**
 * Every test of this module runs against the real PostgreSQL (database {@code referral}, and the key
 * store {@code referral_keys} on the same server) and Kafka. Both databases have the roles of an installation:
 * Flyway migrates the referral database as its owner {@code referral_owner} and the key store as its owner
 * {@code referral_keys}; the service runs as {@code referral} and {@code referral_keys_runtime}, which own nothing
 * ({@link KeyStoreTestResource}); tests that change what the service may not use
 * {@code TestInfrastructure.ownerConnection("referral")} or {@code ownerConnection("referral_keys")}.
 */
@WithTestResource(value = MitraTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "referral"), @ResourceArg(name = "split-roles", value = "true")})
@WithTestResource(value = KeyStoreTestResource.class, scope = TestResourceScope.GLOBAL)
public class ReferralTestInfrastructure {
}
