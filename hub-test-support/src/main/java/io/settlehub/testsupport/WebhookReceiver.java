package io.settlehub.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.settlehub.contract.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** A CRM's webhook endpoint on loopback: keeps every delivery with its signature headers. */
public final class WebhookReceiver implements AutoCloseable {

    public record Delivery(String timestamp, String signature, String body) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger toFail = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hooks/settlehub", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (receiver.toFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    receiver.failed.incrementAndGet();
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                    return;
                }
                receiver.deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Settlehub-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Settlehub-Signature"), body));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next {@code n} deliveries are answered 503, as a receiver that is down. */
    public void failNext(int n) {
        toFail.set(n);
    }

    public int failedDeliveries() {
        return failed.get();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/settlehub";
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The first notification delivered that matches. */
    public JsonNode await(Predicate<JsonNode> matching) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (Delivery delivery : deliveries) {
                JsonNode node = EventCodec.mapper().readTree(delivery.body());
                if (matching.test(node)) {
                    found.set(node);
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
