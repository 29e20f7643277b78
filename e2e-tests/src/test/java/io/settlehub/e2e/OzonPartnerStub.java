package io.settlehub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventCodec;
import io.settlehub.marketplace.config.OzonProperties.Account;
import io.settlehub.marketplace.mapping.OzonAccrualMapper;
import io.settlehub.marketplace.partner.ozon.Accrual;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ozon's Seller API (accrual types, accruals by day in cursor pages, the cash-flow statement) as WireMock stubs in
 * Ozon's published format, with generated accruals for a few seller accounts, and a fault schedule on every request:
 * bursts of 503, 429 with Retry-After, answers slower than the connector's timeout, and whole outages on demand.
 */
final class OzonPartnerStub implements AutoCloseable {

    static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 2);
    static final int DAYS = 20;
    static final int PER_PAGE = 10;

    private final WireMockServer server;
    private final FaultBursts faults = new FaultBursts();
    private final List<Account> accounts = new ArrayList<>();
    private final List<CanonicalEvent> expected = new ArrayList<>();
    private int accruals;

    OzonPartnerStub(List<String> clients, long seed) {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").extensions(faults));
        server.start();
        server.stubFor(post("/v1/finance/accrual/types").willReturn(okJson("""
                {"accrual_types": [{"id": 1, "name": "OperationAgentDeliveredToCustomer"},
                  {"id": 3, "name": "OperationMarketplaceServiceStorage"}]}""")));
        server.stubFor(post("/v1/finance/accrual/by-day").atPriority(10)
                .willReturn(okJson("{\"accruals\": [], \"last_id\": \"\", \"has_next\": false}")));
        server.stubFor(post("/v1/finance/cash-flow-statement/list")
                .willReturn(okJson("{\"result\": {\"cash_flows\": [], \"details\": [], \"page_count\": 1}}")));
        Random random = new Random(seed);
        for (int c = 0; c < clients.size(); c++) {
            Account account = new Account(clients.get(c), "7100" + c, "chaos-ozon-key-" + c, Map.of("1588324790", "SKU-A", "1588324791", "SKU-B"));
            accounts.add(account);
            for (int d = 0; d < DAYS; d++) {
                stubDay(account, FIRST_DAY.plusDays(d), random);
            }
        }
    }

    /** Two pages a day: the first names its last accrual as the cursor of the second. */
    private void stubDay(Account account, LocalDate day, Random random) {
        String cursor = "";
        for (int page = 0; page < 2; page++) {
            StringBuilder body = new StringBuilder("{\"accruals\": [");
            String lastId = "";
            for (int i = 0; i < PER_PAGE; i++) {
                lastId = account.sellerId() + day.toString().replace("-", "") + page + i;
                String json = accrual(lastId, day, i, random);
                body.append(i == 0 ? "" : ",").append(json);
                expect(account, json);
            }
            body.append("], \"last_id\": \"").append(lastId).append("\", \"has_next\": ").append(page == 0).append('}');
            server.stubFor(post("/v1/finance/accrual/by-day").withHeader("Client-Id", equalTo(account.sellerId()))
                    .withRequestBody(equalToJson("{\"date\":\"" + day + "\",\"last_id\":\"" + cursor + "\"}"))
                    .willReturn(okJson(body.toString())));
            cursor = lastId;
        }
    }

    /** Four in five a delivered order of one or two units, else a storage charge; amounts in kopecks, signs as Ozon's. */
    private static String accrual(String id, LocalDate day, int i, Random random) {
        String at = day + " " + String.format("%02d:%02d:00", 9 + i, random.nextInt(60));
        if (random.nextInt(5) > 0) {
            boolean lamp = random.nextBoolean();
            int units = 1 + random.nextInt(2);
            BigDecimal price = BigDecimal.valueOf(150_000 + random.nextInt(350_000), 2).multiply(BigDecimal.valueOf(units));
            BigDecimal commission = price.multiply(new BigDecimal("0.15")).setScale(2, java.math.RoundingMode.HALF_UP).negate();
            BigDecimal delivery = BigDecimal.valueOf(-(5_000 + random.nextInt(20_000)), 2);
            String item = "{\"name\": \"" + (lamp ? "Настольная лампа" : "Чайник") + "\", \"sku\": " + (lamp ? "1588324790" : "1588324791")
                    + ", \"offer_id\": \"" + (lamp ? "SKU-A" : "SKU-B") + "\"}";
            return "{\"accrual_id\": \"" + id + "\", \"type_id\": 1, \"accrued_category\": \"orders\", \"accrual_date\": \"" + at
                    + "\", \"posting_number\": \"" + id + "-1\", \"accruals_for_sale\": " + price + ", \"sale_commission\": " + commission
                    + ", \"amount\": " + price.add(commission).add(delivery) + ", \"currency_code\": \"RUB\", \"items\": ["
                    + (units == 2 ? item + ", " + item : item) + "], \"container_fees\": [{\"name\": "
                    + "\"MarketplaceServiceItemDelivToCustomer\", \"price\": " + delivery + "}]}";
        }
        BigDecimal storage = BigDecimal.valueOf(-(1_000 + random.nextInt(9_000)), 2);
        return "{\"accrual_id\": \"" + id + "\", \"type_id\": 3, \"accrued_category\": \"services\", \"accrual_date\": \"" + at
                + "\", \"posting_number\": \"\", \"accruals_for_sale\": 0, \"sale_commission\": 0, \"amount\": " + storage
                + ", \"currency_code\": \"RUB\", \"items\": [], \"container_fees\": [{\"name\": \"OperationMarketplaceServiceStorage\", "
                + "\"price\": " + storage + "}]}";
    }

    /** What the connector must make of an accrual: the connector's own mapping of the record, without any fault. */
    private void expect(Account account, String json) {
        try {
            Accrual accrual = EventCodec.mapper().readValue(json, Accrual.class);
            String type = accrual.typeId() == 1 ? "OperationAgentDeliveredToCustomer" : "OperationMarketplaceServiceStorage";
            var mapped = OzonAccrualMapper.map(account, type, accrual);
            if (!mapped.unmapped().isEmpty()) {
                throw new IllegalStateException("generated accrual not mappable: " + mapped.unmapped());
            }
            expected.addAll(mapped.events());
            accruals++;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    List<Account> accounts() {
        return accounts;
    }

    List<CanonicalEvent> expectedEvents() {
        return expected;
    }

    int accruals() {
        return accruals;
    }

    /** Every request answers 503 until {@link #recover()}. */
    void outage() {
        faults.down = true;
    }

    void recover() {
        faults.down = false;
    }

    Map<String, Integer> injected() {
        return Map.copyOf(faults.injected);
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The fault schedule, by request number across all callers: of every 23 requests, 3 answer 503, 2 answer 429, 1 is too slow. */
    static final class FaultBursts implements ResponseDefinitionTransformerV2 {
        final AtomicLong requests = new AtomicLong();
        final Map<String, Integer> injected = new ConcurrentHashMap<>();
        volatile boolean down;

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            long n = requests.incrementAndGet();
            int slot = (int) (n % 23);
            if (down || slot == 5 || slot == 6 || slot == 7) {
                count(down ? "outage 503" : "503");
                return aResponse().withStatus(503).withBody("<html><body>503 Service Temporarily Unavailable</body></html>").build();
            }
            if (slot == 12 || slot == 13) {
                count("429");
                return aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"code\": 8, \"message\": \"You have reached request rate limit per second\", \"details\": []}").build();
            }
            if (slot == 18) {
                count("timeout");
                return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(event.getResponseDefinition()).withFixedDelay(2_500).build();
            }
            return event.getResponseDefinition();
        }

        private void count(String kind) {
            injected.merge(kind, 1, Integer::sum);
        }

        @Override
        public String getName() {
            return "fault-bursts";
        }
    }
}
