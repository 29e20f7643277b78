package io.settlehub.accounting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** connector-accounting: starts, connects to the broker and reports its health; its partner feeds come next. */
@SpringBootApplication
public class AccountingConnectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccountingConnectorApplication.class, args);
    }
}
