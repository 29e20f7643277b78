package io.settlehub.core.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The service on the machine's real PostgreSQL, as in production. */
class SettlementCoreOnPostgresTest extends SettlementCoreTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        FreshPostgres.register(registry, "core");
    }

    @org.junit.jupiter.api.Test
    void every_connection_plans_statements_with_their_parameters() {
        // a generic plan kept from when a table was small made key-list reads grow with the table
        org.assertj.core.api.Assertions.assertThat(new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                .queryForObject("show plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
    }
}
