package org.mitra.referral;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.mitra.testkit.MitraTestResource;

/**
 * Every test of this module runs against the real PostgreSQL (database {@code referral}, and the key
 * store {@code referral_keys} on the same server) and Kafka. The referral database has the roles of an installation:
 * Flyway migrates as its owner {@code referral_owner}, the service runs as {@code referral}, which owns nothing;
 * tests that change what the service may not use {@code TestInfrastructure.ownerConnection("referral")}.
 */
@WithTestResource(value = MitraTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = {@ResourceArg(name = "database", value = "referral"), @ResourceArg(name = "split-roles", value = "true")})
@WithTestResource(value = KeyStoreTestResource.class, scope = TestResourceScope.GLOBAL)
public class ReferralTestInfrastructure {
}
