package io.settlehub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Canonical events already on the broker → committed ledger state, against the same broker's and the same
 * database's raw rates measured in the same run. Needs the standalone broker (./hub bench starts one) and
 * PostgreSQL on 127.0.0.1:5432.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(Jvm.env("BENCH_EVENTS", "20000"));
        int clients = Integer.parseInt(Jvm.env("BENCH_CLIENTS", "50"));
        int consumers = Integer.parseInt(Jvm.env("BENCH_CONSUMERS", "1"));
        String batchSize = Jvm.env("BENCH_BATCH_SIZE", "");
        BenchBroker broker = BenchBroker.fromEnvironment();

        System.out.printf("Settlehub ingest benchmark: %,d events over %d clients, %d consumer(s), batch size %s, %d cores%n%n",
                events, clients, consumers, batchSize.isEmpty() ? "as configured" : batchSize, Runtime.getRuntime().availableProcessors());
        Baselines baselines = Baselines.measure(broker, clients, events);
        BrokerBaseline.Result brokerRate = baselines.broker();
        double database = baselines.databaseRowsPerSecond();

        WarmUp.untilCompiled(broker, clients, Math.min(events, 20_000));
        IngestRun.Result run = IngestRun.run(broker, clients, events, consumers, batchSize, true);
        double slower = baselines.slower();
        System.out.println("| measure | rate (per s) | ratio to slower baseline |");
        System.out.println("|---|---:|---:|");
        System.out.printf("| broker persistent send, tx of 100 | %,.0f | |%n", brokerRate.sendPerSecond());
        System.out.printf("| broker persistent receive, tx of 100 | %,.0f | |%n", brokerRate.receivePerSecond());
        System.out.printf("| broker send+receive (baseline) | %,.0f | %.2f |%n", brokerRate.sendAndReceivePerSecond(),
                brokerRate.sendAndReceivePerSecond() / slower);
        System.out.printf("| PostgreSQL batch insert of fact rows, 500 per commit (baseline) | %,.0f | %.2f |%n", database, database / slower);
        System.out.printf("| **end to end: events on the broker → committed ledger** | **%,.0f** | **%.2f** |%n", run.perSecond(),
                run.perSecond() / slower);
        System.out.printf("%nend to end: %,d events in %.2f s; peak heap during ingest: settlement-core %,d MB, broker %,d MB; "
                + "transfers posted %,d; JIT compilation meanwhile %.1f s%n", events, run.seconds(), run.coreHeapMb(), run.brokerHeapMb(),
                run.transfers(), run.jitSeconds());
        run.live().print();
    }

    static void putAgreements(ConfigurableApplicationContext core, String token, int clients) throws Exception {
        putAgreements(core, token, clients, "bench-");
    }

    static void putAgreements(ConfigurableApplicationContext core, String token, int clients, String prefix) throws Exception {
        int port = Integer.parseInt(core.getEnvironment().getProperty("local.server.port"));
        HttpClient http = HttpClient.newHttpClient();
        for (int c = 0; c < clients; c++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/clients/"
                            + prefix + c)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"Bench " + c + "\", \"commissionRate\": \"0.05\","
                            + " \"payoutCurrency\": \"RUB\", \"minimumPayout\": \"1000.00\", \"bankAccount\": {\"holder\": \"Bench " + c
                            + "\", \"account\": \"40702810900000000001\", \"bankId\": \"SABRRUMMXXX\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("agreement for client " + c + ": " + response.body());
            }
        }
    }
}
