package io.settlehub.bench;

/**
 * Unreported runs before the measured ones, so that they measure the service's compiled code and not the compiling of
 * it. On two cores the JVM's compiler threads took about a core through a run measured after one short warm-up (9.0 s of
 * compiler time in an 8.8 s run, the service's consumer getting a third of a core): runs, steady load included, repeat
 * until the compiler takes under a tenth of one (its backlog and its steady load together), at most {@code BENCH_WARM_UPS} (default 6; 0: none), over at most 50
 * clients (the code is the same; more clients only make a warm-up longer).
 */
final class WarmUp {

    private WarmUp() {
    }

    static void untilCompiled(BenchBroker logins, int clients, int events) throws Exception {
        int most = Integer.parseInt(Jvm.env("BENCH_WARM_UPS", "6"));
        for (int run = 1; run <= most; run++) {
            IngestRun.Result warm = IngestRun.run(logins, Math.min(clients, 50), events, 1, "", true);
            double compiling = warm.jitSeconds() + warm.live().jitSeconds();
            double running = warm.seconds() + warm.live().seconds();
            System.err.printf("[bench] warm-up %d of at most %d: JIT compilation %.1f s in %.1f s of backlog and steady load%n", run,
                    most, compiling, running);
            if (compiling < 0.1 * running) {
                return;
            }
        }
    }
}
