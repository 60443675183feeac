package org.mitra.referral;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.mitra.testkit.MitraTestResource;

/**
 * Every test of this module runs against the real PostgreSQL (database {@code referral}, and the key
 * store {@code referral_keys} on the same server) and Kafka.
 */
@WithTestResource(value = MitraTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(value = KeyStoreTestResource.class, scope = TestResourceScope.GLOBAL)
public class ReferralTestInfrastructure {
}
