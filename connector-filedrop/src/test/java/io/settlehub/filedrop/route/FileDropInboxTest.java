package io.settlehub.filedrop.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.HubEndpoints;
import io.settlehub.contract.MessageHeaders;
import io.settlehub.filedrop.config.FileDropProperties;
import io.settlehub.filedrop.config.FileDropProperties.Operation;
import io.settlehub.filedrop.config.FileDropProperties.Platform;
import io.settlehub.filedrop.mapping.ReportMapping;
import io.settlehub.testsupport.BrokerMocks;
import io.settlehub.testsupport.Folders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-drop route over a real folder, the broker a mock: a report whose rows the broker refuses stays in the folder
 * and is published, then moved to {@code .done/}, once the broker takes them; never to {@code .failed/}.
 */
class FileDropInboxTest {

    @TempDir
    Path root;

    private DefaultCamelContext camel;

    @AfterEach
    void stop() {
        camel.stop();
    }


    @Test
    void a_report_whose_rows_the_broker_refuses_stays_and_is_published_once_the_broker_is_back() throws Exception {
        Platform megamarket = new Platform("megamarket", "acme", "RUB", ZoneId.of("Europe/Moscow"), "dd.MM.yyyy HH:mm", true, ";", null,
                Map.of("row-id", "№", "occurred-at", "Дата операции", "operation", "Тип операции", "order-id", "Номер заказа",
                        "sku", "Артикул", "quantity", "Кол-во", "amount", "Сумма, руб.", "fee", "Вознаграждение, руб.",
                        "payout-id", "Номер выплаты"),
                List.of(new Operation("Продажа", "SALE"), new Operation("Возврат", "RETURN"), new Operation("Хранение", "CHARGE:storage"),
                        new Operation("Выплата", "PAYOUT")));
        FileDropProperties properties = new FileDropProperties(root, "token-0123456789", List.of(megamarket));
        camel = BrokerMocks.started(new FileDropRoute(properties, new ReportMapping(properties, new FeedMetrics(new SimpleMeterRegistry(),
                Clock.systemUTC()))), Map.of(), null, null);
        MockEndpoint events = camel.getEndpoint(HubEndpoints.EVENTS, MockEndpoint.class);
        AtomicBoolean brokerUp = new AtomicBoolean(false);
        List<Object> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
        events.whenAnyExchangeReceived(exchange -> {
            if (!brokerUp.get()) {
                throw new IllegalStateException("AMQ219010: connection is destroyed");
            }
            accepted.add(exchange.getMessage().getHeader(MessageHeaders.DUPLICATE_ID));
        });
        Path folder = Files.createDirectories(root.resolve("megamarket"));
        Path report = folder.resolve("report-2026-03.csv");
        Files.write(report, getClass().getResourceAsStream("/megamarket/report-2026-03.csv").readAllBytes());

        await().atMost(Duration.ofSeconds(20)).until(() -> events.getReceivedCounter() >= 2);
        assertThat(report).as("a broker outage sets no good report aside").exists();
        assertThat(Folders.count(folder.resolve(".failed"))).isZero();

        brokerUp.set(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> Folders.count(folder.resolve(".done")) == 1);
        assertThat(accepted).containsExactly("megamarket:acme:1", "megamarket:acme:2", "megamarket:acme:3", "megamarket:acme:4");
        assertThat(Folders.count(folder.resolve(".failed"))).isZero();
    }
}
