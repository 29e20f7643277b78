package io.settlehub.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed server certificate for 127.0.0.1/localhost made with the JDK's keytool: {@code keystore} (PKCS12, key
 * and certificate) for a listener, {@code truststore} (PKCS12, the certificate only) for its clients.
 */
public record TestCertificates(Path keystore, Path truststore, String password) {

    public static TestCertificates create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String password = "test-store-pass-" + Long.toHexString(System.nanoTime());
        Path keystore = dir.resolve("server.p12");
        Path certificate = dir.resolve("server.crt");
        Path truststore = dir.resolve("trust.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password);
        run(keytool, "-exportcert", "-alias", "server", "-keystore", keystore.toString(), "-storepass", password, "-rfc",
                "-file", certificate.toString());
        run(keytool, "-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", password);
        return new TestCertificates(keystore, truststore, password);
    }

    /** A client context that trusts this certificate and nothing else. */
    public SSLContext clientContext() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(truststore)) {
            trusted.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command[1]) + " failed: " + output);
        }
    }
}
