package io.settlehub.core.settlement;

import java.util.List;
import java.util.Map;

/** An order that exists (a sale of it applied): its currency and the lot units each of its applied sales took. */
public record StoredOrder(String orderId, String currency, Map<String, List<List<PortionRef>>> takes) {
}
