package io.settlehub.carrier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** connector-carrier: starts, connects to the broker and reports its health; its partner feeds come next. */
@SpringBootApplication
public class CarrierConnectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(CarrierConnectorApplication.class, args);
    }
}
