package io.settlehub.core.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Every PostgreSQL connection plans each statement with its parameters ({@code plan_cache_mode = force_custom_plan}).
 * The driver prepares a statement on the server after five runs, and PostgreSQL may then keep one generic plan
 * chosen while a table was still small: a sequential scan testing each row against a whole key array, whose cost
 * grew with the table (measured: reading 2,000 clients' checkpoints went from 5 ms to 300 ms). Planning the hub's
 * statements costs well under a millisecond.
 */
@Component
public class PostgresPlans implements BeanPostProcessor {

    static final String PLAN_WITH_PARAMETERS = "set plan_cache_mode = force_custom_plan";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                && pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql(PLAN_WITH_PARAMETERS);
        }
        return bean;
    }
}
