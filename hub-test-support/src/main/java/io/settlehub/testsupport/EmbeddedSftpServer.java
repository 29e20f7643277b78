package io.settlehub.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) on a free localhost port, serving one directory to one user with a
 * password or a public key. Its host key is generated once per key file and can be written as a known_hosts line, so clients
 * verify it as they would a bank's.
 */
public final class EmbeddedSftpServer implements AutoCloseable {

    private final SshServer server;
    private final Path root;

    private EmbeddedSftpServer(SshServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    public static EmbeddedSftpServer start(Path root, Path hostKeyFile, int port, String user, String password) throws IOException {
        return start(root, hostKeyFile, port, user, password, null);
    }

    /**
     * The same, also letting the user in with the private key of {@code authorizedKey} (public-key authentication, as
     * banks require); {@code password} may then be null, which refuses every password.
     */
    public static EmbeddedSftpServer start(Path root, Path hostKeyFile, int port, String user, String password, PublicKey authorizedKey)
            throws IOException {
        Files.createDirectories(root);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
        keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        server.setKeyPairProvider(keys);
        server.setPasswordAuthenticator((u, p, session) -> password != null && user.equals(u) && password.equals(p));
        if (authorizedKey != null) {
            server.setPublickeyAuthenticator((u, key, session) -> user.equals(u) && KeyUtils.compareKeys(authorizedKey, key));
        }
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root.toAbsolutePath()));
        server.start();
        return new EmbeddedSftpServer(server, root);
    }

    public int port() {
        return server.getPort();
    }

    public Path root() {
        return root;
    }

    /** The server's host key as a known_hosts line for 127.0.0.1 on its port. */
    public String knownHostsLine() throws IOException, java.security.GeneralSecurityException {
        PublicKey key = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
        String entry = PublicKeyEntry.toString(key);
        return "[127.0.0.1]:" + port() + " " + entry;
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }


    /** A fresh RSA key pair, its private key written to {@code file} in the OpenSSH format clients read (owner-only). */
    public static java.security.KeyPair writeClientKey(Path file) throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        java.security.KeyPair pair = generator.generateKeyPair();
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "settlehub-test", null, out);
        }
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        return pair;
    }
}
