package io.settlehub.bank.route;

import io.settlehub.bank.outbound.BatchFlusher;
import io.settlehub.bank.config.BankProperties;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * One timer per batching bank ({@code bank-batch-<name>}, every {@code batch-interval}): its waiting instructions go as
 * one file. A failed upload leaves the sealed batch in place; the next tick sends it again under the same name.
 */
@Component
public class BankBatchRoute extends RouteBuilder {

    private final BankProperties bank;
    private final BatchFlusher flusher;

    public BankBatchRoute(BankProperties bank, BatchFlusher flusher) {
        this.bank = bank;
        this.flusher = flusher;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.WARN, "batch for ${exchangeProperty.bank} not sent, next tick tries again: ${exception.message}");

        for (BankProperties.BankProfile profile : bank.profiles()) {
            if (!profile.batched()) {
                continue;
            }
            from("timer:bank-batch-" + profile.name() + "?period=" + profile.batchInterval().toMillis() + "&delay=1000")
                    .routeId("bank-batch-" + profile.name())
                    .setProperty("bank", constant(profile.name()))
                    .process(exchange -> flusher.flush(exchange.getProperty("bank", String.class)));
        }
    }
}
