package io.settlehub.connector.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartnerHttpTest {

    private HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/big", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: the size is not declared up front
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] block = new byte[8192];
                for (int i = 0; i < 64; i++) {
                    out.write(block);
                }
            } catch (java.io.IOException clientWentAway) {
                // the connector stopped reading, as it should
            }
        });
        server.createContext("/cp1251", exchange -> {
            byte[] body = "{\"name\":\"Лампа\"}".getBytes(Charset.forName("windows-1251"));
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=windows-1251");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void an_answer_beyond_the_limit_is_refused_as_a_format_error_not_retried_as_an_outage() {
        HttpRequest request = HttpRequest.newBuilder(uri("/big")).build();

        assertThatThrownBy(() -> PartnerHttp.send(http, request, PartnerHttp.text(100_000), "partner /big", Duration.ofSeconds(5)))
                .isInstanceOf(PartnerFormatException.class)
                .hasMessage("partner /big answered more than 100000 bytes; not read");
    }

    @Test
    void an_answer_within_the_limit_is_read_whole_in_the_charset_it_declares() {
        assertThat(PartnerHttp.send(http, HttpRequest.newBuilder(uri("/big")).build(), PartnerHttp.bytes(), "partner /big",
                Duration.ofSeconds(5)).body()).hasSize(64 * 8192);
        assertThat(PartnerHttp.send(http, HttpRequest.newBuilder(uri("/cp1251")).build(), PartnerHttp.text(), "partner /cp1251",
                Duration.ofSeconds(5)).body()).isEqualTo("{\"name\":\"Лампа\"}");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
