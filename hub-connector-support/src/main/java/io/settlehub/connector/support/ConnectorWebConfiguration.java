package io.settlehub.connector.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** What every connector's HTTP listener enforces, whatever its controllers are. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ConnectorWebConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    RequestBodyLimitFilter requestBodyLimitFilter(@Value("${hub.http.max-body-bytes:1048576}") long maxBytes) {
        return new RequestBodyLimitFilter(maxBytes);
    }
}
