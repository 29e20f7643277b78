package io.settlehub.carrier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * connector-carrier: CDEK delivery and return costs (OAuth2 API v2, ORDER_STATUS webhooks) and the customs broker's
 * declaration files, as canonical events.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CarrierConnectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(CarrierConnectorApplication.class, args);
    }
}
