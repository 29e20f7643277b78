package io.settlehub.testsupport;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.component.mock.MockComponent;

/**
 * The broker as mock endpoints in a route test: registered as the {@code jms} component, every {@code jms:queue:…}
 * endpoint a route sends to is a mock, whatever options the hub's endpoint URIs carry (a plain mock refuses them).
 */
public final class BrokerMocks extends MockComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        parameters.clear();
        return super.createEndpoint(uri, remaining, parameters);
    }
}
