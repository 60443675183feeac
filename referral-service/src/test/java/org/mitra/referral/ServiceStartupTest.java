package org.mitra.referral;

import io.quarkus.test.junit.QuarkusTest;
import org.mitra.testkit.ServiceBasicsContract;

@QuarkusTest
class ServiceStartupTest extends ServiceBasicsContract {
    @Override
    protected String apiTitle() {
        return "Mitra referral API";
    }
}
