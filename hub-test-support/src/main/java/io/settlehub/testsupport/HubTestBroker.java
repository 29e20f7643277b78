package io.settlehub.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * An embedded broker under the hub's own broker configuration ({@code deploy/broker/broker.xml}: its addresses, who may
 * send and consume what, validated-user stamping) with the users of {@code deploy/broker/identities.properties}, each
 * with the password {@link #password(String)}. Only the acceptor (in-VM, and TCP when asked) and persistence (in memory)
 * differ from the real broker, so a test that passes here passes under the real rules.
 */
public final class HubTestBroker implements AutoCloseable {

    private static final Map<String, List<String>> IDENTITIES = identities();

    private final EmbeddedActiveMQ server;
    private final String url;

    private HubTestBroker(EmbeddedActiveMQ server, String url) {
        this.server = server;
        this.url = url;
    }

    /** A broker reachable in this JVM at {@code vm://<id>} (one id per broker running in the JVM). */
    public static HubTestBroker startInVm(int id) {
        return start("vm://" + id, "vm://" + id);
    }

    /** A broker reachable over TCP on 127.0.0.1 (CORE, AMQP, STOMP). */
    public static HubTestBroker startOnTcp(int port) {
        return start("tcp://127.0.0.1:" + port + "?protocols=CORE,AMQP,STOMP", "tcp://127.0.0.1:" + port);
    }

    private static HubTestBroker start(String acceptor, String url) {
        try {
            FileConfiguration configuration = new FileConfiguration();
            FileDeploymentManager deployment = new FileDeploymentManager("broker/broker.xml");
            deployment.addDeployable(configuration);
            deployment.readConfiguration();
            configuration.setPersistenceEnabled(false);
            configuration.clearAcceptorConfigurations();
            configuration.addAcceptorConfiguration("hub", acceptor);
            SecurityConfiguration users = new SecurityConfiguration();
            IDENTITIES.forEach((user, roles) -> {
                users.addUser(user, password(user));
                roles.forEach(role -> users.addRole(user, role));
            });
            EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(configuration)
                    .setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
            server.start();
            return new HubTestBroker(server, url);
        } catch (Exception e) {
            throw new IllegalStateException("the embedded hub broker did not start", e);
        }
    }

    /** The password of a broker user in tests. */
    public static String password(String identity) {
        return identity + "-test-password";
    }

    /** The broker users of the hub and their roles, as deploy/broker/identities.properties has them. */
    public static Map<String, List<String>> identities() {
        Properties properties = new Properties();
        try (InputStream in = HubTestBroker.class.getResourceAsStream("/broker/identities.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> identities = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(user ->
                identities.put(user, List.of(properties.getProperty(user).split("\\s*,\\s*"))));
        return identities;
    }

    /** A connection factory that logs in as {@code identity}. */
    public ActiveMQConnectionFactory connectionFactory(String identity) {
        return new ActiveMQConnectionFactory(url, identity, password(identity));
    }

    public String url() {
        return url;
    }

    /** The TCP port of a broker started with {@link #startOnTcp}. */
    public int port() {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the embedded hub broker did not stop", e);
        }
    }
}
