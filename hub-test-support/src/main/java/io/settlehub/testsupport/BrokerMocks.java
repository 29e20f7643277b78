package io.settlehub.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.Endpoint;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The broker as mock endpoints in a route test: registered as the {@code jms} component, every {@code jms:queue:…}
 * endpoint a route sends to is a mock, whatever options the hub's endpoint URIs carry (a plain mock refuses them).
 */
public final class BrokerMocks extends MockComponent {

    /**
     * A started Camel context for a route test: the broker as mocks, {@code properties} for the placeholders the routes'
     * URIs name, the routes, and — when {@code routeId} is given — that route's consumer replaced by {@code from}
     * ({@code direct:tick} for a timer, {@code direct:inbox} for a folder).
     */
    public static DefaultCamelContext started(RoutesBuilder routes, Map<String, String> properties, String routeId, String from) throws Exception {
        return started(List.of(routes), properties, routeId, from);
    }

    /** As {@link #started(RoutesBuilder, Map, String, String)}, with several builders (route configurations among them). */
    public static DefaultCamelContext started(List<RoutesBuilder> routes, Map<String, String> properties, String routeId, String from)
            throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.addComponent("jms", new BrokerMocks());
        Properties initial = new Properties();
        initial.putAll(properties);
        camel.getPropertiesComponent().setInitialProperties(initial);
        for (RoutesBuilder builder : routes) {
            camel.addRoutes(builder);
        }
        if (routeId != null) {
            AdviceWith.adviceWith(camel, routeId, route -> route.replaceFromWith(from));
        }
        camel.start();
        return camel;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        parameters.clear();
        return super.createEndpoint(uri, remaining, parameters);
    }
}
