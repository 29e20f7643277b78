package io.settlehub.bank;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BankConnectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(BankConnectorApplication.class, args);
    }
}
