package org.mitra.awareness;

import io.quarkus.test.junit.QuarkusTest;
import org.mitra.testkit.ServiceBasicsContract;

@QuarkusTest
class ServiceStartupTest extends ServiceBasicsContract {
    @Override
    protected String apiTitle() {
        return "Mitra awareness API";
    }
}
