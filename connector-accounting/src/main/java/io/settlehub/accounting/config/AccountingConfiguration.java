package io.settlehub.accounting.config;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.settlehub.accounting.config.OneCProperties.Infobase;
import io.settlehub.accounting.partner.onec.Catalogs;
import io.settlehub.accounting.partner.onec.ODataCatalogs;
import io.settlehub.accounting.partner.onec.ODataClient;
import io.settlehub.accounting.push.DocumentPusher;
import io.settlehub.accounting.push.PushedDocuments;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(OneCProperties.class)
class AccountingConfiguration {

    static final String RESILIENCE_INSTANCE = "onec";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** One OData connection per client infobase, each behind its own circuit breaker ({@code onec-<clientId>}). */
    @Bean
    DocumentPusher.Infobases infobases(OneCProperties onec, RetryRegistry retries, CircuitBreakerRegistry breakers) {
        Map<String, ODataClient> clients = new ConcurrentHashMap<>();
        Map<String, Catalogs> catalogs = new ConcurrentHashMap<>();
        return new DocumentPusher.Infobases() {
            @Override
            public Optional<Infobase> of(String clientId) {
                return onec.infobase(clientId);
            }

            @Override
            public ODataClient odata(Infobase infobase) {
                return clients.computeIfAbsent(infobase.clientId(), id -> {
                    CircuitBreaker shared = breakers.circuitBreaker(RESILIENCE_INSTANCE);
                    return new ODataClient(infobase.url(), infobase.user(), infobase.password(), onec.requestTimeout(),
                            retries.retry(RESILIENCE_INSTANCE), breakers.circuitBreaker(RESILIENCE_INSTANCE + "-" + id,
                            shared.getCircuitBreakerConfig()));
                });
            }

            @Override
            public Catalogs catalogs(Infobase infobase) {
                return catalogs.computeIfAbsent(infobase.clientId(), id -> new ODataCatalogs(odata(infobase)));
            }
        };
    }

    @Bean
    io.settlehub.accounting.feed.GoodsReceiptsFeed goodsReceiptsFeed(OneCProperties onec, DocumentPusher.Infobases infobases) {
        return new io.settlehub.accounting.feed.GoodsReceiptsFeed(onec, infobases);
    }

    @Bean
    DocumentPusher documentPusher(DocumentPusher.Infobases infobases, OneCProperties onec) {
        return new DocumentPusher(infobases, onec.entitySets(), new PushedDocuments(onec.stateDir().resolve("1c-pushed")));
    }
}
