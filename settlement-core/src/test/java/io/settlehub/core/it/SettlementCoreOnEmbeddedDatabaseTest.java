package io.settlehub.core.it;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The demo's zero-set-up default: the same behaviour on the embedded database. */
class SettlementCoreOnEmbeddedDatabaseTest extends SettlementCoreTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String name = UUID.randomUUID().toString();
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
