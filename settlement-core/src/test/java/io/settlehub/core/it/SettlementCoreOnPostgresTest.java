package io.settlehub.core.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on the machine's real PostgreSQL, as in production. */
class SettlementCoreOnPostgresTest extends SettlementCoreTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        FreshPostgres.register(registry, "core");
    }
}
