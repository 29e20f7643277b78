package io.settlehub.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A broker instance of the official Artemis distribution, with one acceptor (all protocols) on a chosen port. */
final class StandaloneBroker {

    private StandaloneBroker() {
    }

    static Path create(Path artemisHome, Path instance, String user, String password, int port, int consolePort)
            throws IOException, InterruptedException {
        Process create = new ProcessBuilder(List.of(artemisHome.resolve("bin/artemis").toString(), "create", instance.toString(),
                "--user", user, "--password", password, "--require-login", "--host", "127.0.0.1", "--http-host", "127.0.0.1",
                "--default-port", String.valueOf(port), "--http-port", String.valueOf(consolePort), "--nio", "--silent"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (create.waitFor() != 0) {
            throw new IllegalStateException("artemis create failed for " + instance);
        }
        Path config = instance.resolve("etc/broker.xml");
        String xml = Files.readString(config).replaceAll("\\s*<acceptor name=\"(?!artemis\")[^\"]*\">[^<]*</acceptor>", "");
        Files.writeString(config, xml);
        return instance;
    }
}
