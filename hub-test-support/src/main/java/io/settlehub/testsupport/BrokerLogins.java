package io.settlehub.testsupport;

import java.util.Locale;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Broker logins of the hub's identities from the environment, as the demo and deploy/broker/provision.py name them:
 * the password of {@code connector-bank} is {@code HUB_BROKER_PASSWORD_CONNECTOR_BANK}.
 */
public final class BrokerLogins {

    private BrokerLogins() {
    }

    public static String passwordVariable(String identity) {
        return "HUB_BROKER_PASSWORD_" + identity.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** A connection factory logging in as {@code identity} with the password its variable holds; empty if unset. */
    public static ActiveMQConnectionFactory fromEnvironment(String url, String identity) {
        String password = System.getenv(passwordVariable(identity));
        return new ActiveMQConnectionFactory(url, identity, password == null ? "" : password);
    }
}
