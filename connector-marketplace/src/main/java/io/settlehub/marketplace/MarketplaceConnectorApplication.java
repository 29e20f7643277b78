package io.settlehub.marketplace;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MarketplaceConnectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(MarketplaceConnectorApplication.class, args);
    }
}
