package io.settlehub.accounting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** connector-accounting: accounting documents from settlement-core into the clients' 1C, goods receipts from 1C into the hub. */
@SpringBootApplication
public class AccountingConnectorApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccountingConnectorApplication.class, args);
    }
}
