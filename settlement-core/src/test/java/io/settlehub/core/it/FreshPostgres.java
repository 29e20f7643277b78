package io.settlehub.core.it;

import io.settlehub.testsupport.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A fresh database on the machine's PostgreSQL as the service's datasource. */
final class FreshPostgres {

    private FreshPostgres() {
    }

    static void register(DynamicPropertyRegistry registry, String prefix) {
        String url = TestDatabase.createFresh(prefix);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
    }
}
