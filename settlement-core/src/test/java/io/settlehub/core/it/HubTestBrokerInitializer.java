package io.settlehub.core.it;

import io.settlehub.testsupport.HubTestBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a broker of its own under the hub's real broker configuration
 * ({@link HubTestBroker}): contexts the test framework keeps alive side by side never take each other's events.
 * {@code hub.test.broker}: {@code in-vm} (the default), {@code tcp} (also STOMP and AMQP, on a free port), or {@code none}
 * (the test names its own {@code spring.artemis.broker-url}). The broker is a bean of the context, so tests log in to it
 * as any service; it stops with the context. Registered for every test context in src/test/resources/META-INF/spring.factories.
 */
public class HubTestBrokerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger IDS = new AtomicInteger(100);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String kind = context.getEnvironment().getProperty("hub.test.broker", "in-vm");
        if (kind.equals("none")) {
            return;
        }
        HubTestBroker broker = kind.equals("tcp") ? HubTestBroker.startOnTcp(freePort()) : HubTestBroker.startInVm(IDS.getAndIncrement());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("hub-test-broker",
                Map.of("spring.artemis.broker-url", broker.url())));
        context.getBeanFactory().registerSingleton("hubTestBroker", broker);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                broker.close();
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
