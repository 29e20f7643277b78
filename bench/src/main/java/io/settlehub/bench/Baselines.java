package io.settlehub.bench;

import io.settlehub.contract.EventCodec;
import io.settlehub.testsupport.EventStreams;
import io.settlehub.testsupport.TestDatabase;
import java.util.List;

/** This machine's physical rates, measured with the bodies of the benchmark's own events: the broker's and PostgreSQL's. */
record Baselines(BrokerBaseline.Result broker, double databaseRowsPerSecond) {

    /** The broker's rate on hub.events itself: sent as a connector, received as settlement-core, before the service runs. */
    static Baselines measure(BenchBroker brokerLogins, int clients, int events) throws Exception {
        List<String> bodies = EventStreams.generate(clients, events, 20261126L).stream().map(EventCodec::encode).toList();
        // each measured twice, the first time unreported: the service is measured warm (WarmUp), so are they
        BrokerBaseline.Result broker = null;
        double database = 0;
        for (int pass = 0; pass < 2; pass++) {
            broker = BrokerBaseline.measure(brokerLogins.factory("connector-marketplace"),
                    brokerLogins.factory("settlement-core"), io.settlehub.contract.Addresses.EVENTS, bodies);
            // Both the baseline and the service use the driver's multi-row rewrite of batched inserts.
            String db = TestDatabase.createFresh("bench_baseline") + "?reWriteBatchedInserts=true";
            database = DatabaseBaseline.measure(db, TestDatabase.user(), TestDatabase.password(), bodies);
        }
        return new Baselines(broker, database);
    }

    /** End to end is compared with the slower of the two. */
    double slower() {
        return Math.min(broker.sendAndReceivePerSecond(), databaseRowsPerSecond);
    }
}
