package org.mitra.web;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.mitra.testkit.MitraTestResource;

/** Every test of this module runs against the real PostgreSQL (database {@code web}) and Kafka. */
@WithTestResource(value = MitraTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "web"))
public class WebTestInfrastructure {
}
