package io.settlehub.bench;

import io.settlehub.testsupport.BrokerLogins;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The benchmark's standalone broker (./hub bench starts it with the hub's broker.xml and identities), logged in to as each
 * service: events are published as their connectors, settlement-core consumes as itself. Passwords come from the
 * environment ({@code HUB_BROKER_PASSWORD_<USER>}).
 */
record BenchBroker(String url) {

    static BenchBroker fromEnvironment() {
        return new BenchBroker(Jvm.env("HUB_BROKER_URL", "tcp://127.0.0.1:61646"));
    }

    ActiveMQConnectionFactory factory(String identity) {
        return BrokerLogins.fromEnvironment(url, identity);
    }

    /** The same, with sends confirmed asynchronously (the offered rate does not wait for one round trip per message). */
    ActiveMQConnectionFactory asyncFactory(String identity) {
        ActiveMQConnectionFactory factory = factory(identity);
        factory.setBlockOnDurableSend(false);
        return factory;
    }

    String password(String identity) {
        return factory(identity).getPassword();
    }
}
