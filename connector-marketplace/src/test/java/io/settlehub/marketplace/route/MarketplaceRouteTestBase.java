package io.settlehub.marketplace.route;

import org.junit.jupiter.api.Tag;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.settlehub.marketplace.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The marketplace routes inside the service: WireMock Ozon and Wildberries in, the embedded broker out. Timers are replaced by direct
 * endpoints ({@code direct:<route id>-now}) so each test polls exactly when it says. One context for all route tests.
 */
@SpringBootTest(properties = {"spring.artemis.mode=embedded", "spring.artemis.embedded.enabled=true",
        "spring.artemis.embedded.persistent=false", "hub.ozon.start-date=2026-03-01", "hub.ozon.max-days-per-poll=2",
        "hub.ozon.accounts[0].client-id=acme", "hub.ozon.accounts[0].seller-id=100001",
        "hub.ozon.accounts[0].api-key=test-api-key-acme", "hub.ozon.accounts[0].sku-map.1588324790=LAMP-01",
        "resilience4j.retry.instances.ozon.wait-duration=10ms",
        "hub.wildberries.api=statistics", "hub.wildberries.start-date=2026-03-02", "hub.wildberries.accounts[0].client-id=acme",
        "hub.wildberries.accounts[0].api-token=wb-token-acme", "resilience4j.retry.instances.wildberries.wait-duration=10ms",
        "resilience4j.ratelimiter.configs.wildberries.limit-refresh-period=10ms",
        "hub.aliexpress.app-key=500123", "hub.aliexpress.app-secret=test-app-secret", "hub.aliexpress.start-date=2026-03-01",
        "hub.aliexpress.accounts[0].client-id=acme", "hub.aliexpress.accounts[0].access-token=old-access-token",
        "hub.aliexpress.accounts[0].refresh-token=old-refresh-token", "resilience4j.retry.instances.aliexpress.wait-duration=10ms"})
@Tag("integration")
abstract class MarketplaceRouteTestBase {

    static final WireMockServer OZON = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final WireMockServer WB = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final WireMockServer AE = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static Path state;

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JmsTemplate jms;
    @Autowired
    CircuitBreakerRegistry breakers;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    @DynamicPropertySource
    static void ozon(DynamicPropertyRegistry registry) throws Exception {
        if (!OZON.isRunning()) {
            OZON.start();
            WB.start();
            AE.start();
            state = Files.createTempDirectory("marketplace-state");
        }
        registry.add("hub.ozon.api-url", OZON::baseUrl);
        registry.add("hub.wildberries.statistics-url", WB::baseUrl);
        registry.add("hub.aliexpress.api-url", AE::baseUrl);
        registry.add("hub.ozon.state-dir", state::toString);
    }

    @AfterAll
    static void resetServer() {
        OZON.resetAll();
        WB.resetAll();
        AE.resetAll();
    }

    @BeforeEach
    void freshOzonAndState() throws Exception {
        for (String id : new String[] {OzonPollRoute.ROUTE_ID, OzonRealizationRoute.ROUTE_ID, WildberriesPollRoute.ROUTE_ID,
                AliExpressPollRoute.ROUTE_ID}) {
            if (camel.getRoute(id).getEndpoint().getEndpointUri().startsWith("timer")) {
                AdviceWith.adviceWith(camel, id, a -> a.replaceFromWith("direct:" + id + "-now"));
            }
        }
        try (Stream<Path> files = Files.list(state)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        breakers.circuitBreaker("ozon").reset();
        breakers.circuitBreaker("wildberries").reset();
        breakers.circuitBreaker("aliexpress").reset();
        OZON.resetAll();
        WB.resetAll();
        AE.resetAll();
        Fixtures.stubOzonMarch(OZON);
    }

    /** Everything on the queue now. */
    List<jakarta.jms.Message> drain(String queue) {
        jms.setReceiveTimeout(1000);
        List<jakarta.jms.Message> messages = new java.util.ArrayList<>();
        jakarta.jms.Message message;
        while ((message = jms.receive(queue)) != null) {
            messages.add(message);
        }
        return messages;
    }

    void trigger(String routeId) {
        producer.sendBody("direct:" + routeId + "-now", null);
    }
}
