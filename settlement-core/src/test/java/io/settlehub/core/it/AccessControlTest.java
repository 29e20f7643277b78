package io.settlehub.core.it;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.contract.EventCodec;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may see what, over real HTTP on the real database: every API endpoint walked with another client's token,
 * tokens that expire and are revoked, dashboard logins with a session and CSRF, lockout after wrong passwords, limits,
 * the audit log, and no secret in the logs of the whole run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.operator-token=" + AccessControlTest.OPERATOR, "hub.security.logins-per-minute=30",
                "hub.http.max-body-bytes=65536"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("integration")
class AccessControlTest {

    static final String OPERATOR = "access-test-operator-token-4f9a1c";
    /** Every secret the run handles: none may appear in its logs. */
    static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    /** Endpoints that serve no client's data: shared reference data any signed-in caller may read, and the home page. */
    static final Set<String> SHARED = Set.of("GET /api/reference/vat-rates", "GET /api/reference/duty-rates",
            "GET /api/reference/bank-directory/{bik}", "GET /");
    /** Endpoints anyone may call: the sign-in form and the error page. */
    static final Set<String> PUBLIC = Set.of("GET /login", "GET /error", "POST /error", "PUT /error", "DELETE /error", "PATCH /error",
            "GET /v3/api-docs", "GET /v3/api-docs.yaml", "GET /v3/api-docs/swagger-config", "GET /swagger-ui.html",
            "GET /v3/api-docs/{group}", "GET /v3/api-docs.yaml/{group}");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        FreshPostgres.register(registry, "access");
    }

    Identities identities;

    @Autowired
    void broker(io.settlehub.testsupport.HubTestBroker broker) {
        identities = new Identities(broker);
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;


    HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        return ApiCalls.call(port, method, path, body, token);
    }

    String client() throws Exception {
        String client = "c" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> put = call("PUT", "/api/clients/" + client, SettlementCoreTestBase.agreementJson(), OPERATOR);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return client;
    }

    String tokenFor(String client, int days) throws Exception {
        HttpResponse<String> issued = call("POST", "/api/tokens",
                "{\"label\": \"test\", \"role\": \"CLIENT\", \"clientId\": \"" + client + "\", \"validDays\": " + days + "}", OPERATOR);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String token = EventCodec.mapper().readTree(issued.body()).get("token").asText();
        SECRETS.add(token);
        return token;
    }

    @Test
    @Order(1)
    void every_api_endpoint_refuses_another_clients_token_and_a_client_reaches_its_own_data() throws Exception {
        SECRETS.add(OPERATOR);
        String a = client();
        String b = client();
        String tokenA = tokenFor(a, 30);
        String tokenB = tokenFor(b, 30);
        call("POST", "/api/payouts/run", null, OPERATOR);

        List<String> walked = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                var methods = info.getMethodsCondition().getMethods().isEmpty()
                        ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET) : info.getMethodsCondition().getMethods();
                for (var method : methods) {
                    String endpoint = method.name() + " " + pattern;
                    if (PUBLIC.contains(endpoint)) {
                        continue;
                    }
                    String path = concrete(pattern, a);
                    String body = List.of("PUT", "POST").contains(method.name()) ? "{}" : null;
                    HttpResponse<String> asB = call(method.name(), path, body, tokenB);
                    if (SHARED.contains(endpoint)) {
                        assertThat(asB.statusCode()).as(endpoint).isIn(200, 302);
                    } else {
                        assertThat(asB.statusCode()).as("%s as another client: %s", endpoint, asB.body()).isIn(403, 404);
                        assertThat(asB.body()).as(endpoint).doesNotContain("amount").doesNotContain("available");
                    }
                    walked.add(endpoint);
                }
            }
        }
        assertThat(walked).as("the walk covers the API").hasSizeGreaterThan(20)
                .contains("GET /api/clients/{clientId}/balances", "GET /api/clients/{clientId}/orders/{orderId}",
                        "POST /api/payouts/run", "GET /api/accounting/documents", "POST /api/tokens", "GET /clients/{clientId}",
                        "GET /clients/{clientId}/orders/{orderId}", "GET /operator", "GET /api/clients/{clientId}/balances/stream");

        assertThat(call("GET", "/api/clients/" + a + "/balances", null, tokenA).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/clients/" + a + "/payments", null, tokenA).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/accounting/documents?clientId=" + a, null, tokenA).statusCode()).isEqualTo(200);
        assertThat(call("PUT", "/api/clients/" + a, SettlementCoreTestBase.agreementJson(), tokenA).statusCode())
                .as("a client cannot change its own agreement").isEqualTo(403);
        assertThat(call("GET", "/api/clients/" + a + "/balances", null, null).statusCode()).as("no token").isEqualTo(401);
    }

    /** The pattern with this client and plausible values; query parameters every endpoint might need. */
    static String concrete(String pattern, String client) {
        Matcher variables = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String value = switch (variables.group(1)) {
                case "clientId" -> client;
                case "documentId" -> "agent-report:" + client + ":2026-03:RUB";
                case "version" -> "1";
                case "bik" -> "044525225";
                default -> variables.group(1) + "-x";
            };
            variables.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        variables.appendTail(path);
        return path + "?clientId=" + client + "&period=2026-03&from=2026-03-01&to=2026-03-31";
    }

    @Test
    @Order(2)
    void a_token_stops_working_when_it_expires_or_is_revoked_and_its_secret_is_never_shown_again() throws Exception {
        String a = client();
        String token = tokenFor(a, 1);
        String tokenId = token.split("_")[1];
        assertThat(call("GET", "/api/clients/" + a + "/balances", null, token).statusCode()).isEqualTo(200);
        String listed = call("GET", "/api/tokens", null, OPERATOR).body();
        assertThat(listed).contains(tokenId).doesNotContain(token).doesNotContain(token.substring(20));

        new org.springframework.jdbc.core.JdbcTemplate(dataSource).update(
                "update api_token set expires_at = ? where token_id = ?", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)),
                tokenId);
        HttpResponse<String> expired = call("GET", "/api/clients/" + a + "/balances", null, token);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("expired");

        String other = tokenFor(a, 1);
        assertThat(call("DELETE", "/api/tokens/" + other.split("_")[1], null, OPERATOR).statusCode()).isEqualTo(204);
        HttpResponse<String> revoked = call("GET", "/api/clients/" + a + "/balances", null, other);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).contains("revoked");
        HttpResponse<String> unknown = call("GET", "/api/clients/" + a + "/balances", null, "sht_000000000000_forged");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("unknown bearer token").doesNotContain("forged");
        assertThat(call("POST", "/api/tokens", "{\"label\": \"x\", \"role\": \"CLIENT\", \"clientId\": \"" + a
                + "\", \"validDays\": 9999}", OPERATOR).body()).contains("validDays");
    }

    @Test
    @Order(2)
    void a_revoked_tokens_open_live_stream_is_closed() throws Exception {
        String a = client();
        String token = tokenFor(a, 1);
        var lines = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/clients/" + a
                + "/balances/stream")).header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofLines()).body();
        java.util.concurrent.CompletableFuture<String> ended = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return "ended after " + lines.count() + " lines";
            } catch (java.io.UncheckedIOException closed) {
                return "closed: " + closed.getMessage();
            }
        });
        org.awaitility.Awaitility.await("open while the token is valid").during(java.time.Duration.ofMillis(300))
                .atMost(java.time.Duration.ofSeconds(2))
                .until(() -> !ended.isDone());
        assertThat(call("DELETE", "/api/tokens/" + token.split("_")[1], null, OPERATOR).statusCode()).isEqualTo(204);
        assertThat(ended.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("the stream ended").isNotEmpty();
    }

    @Autowired
    javax.sql.DataSource dataSource;

    /** A browser: a cookie jar, no redirects followed. */
    final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** A page as a browser asks for it (Accept: text/html). */
        HttpResponse<String> page(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf() throws Exception {
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
            assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
            return token.group(1);
        }

        HttpResponse<String> login(String username, String password) throws Exception {
            return postForm("/login", Map.of("username", username, "password", password, "_csrf", csrf()));
        }
    }

    void user(String username, String password, String client) throws Exception {
        SECRETS.add(password);
        HttpResponse<String> put = call("PUT", "/api/users/" + username, "{\"password\": \"" + password
                + "\", \"role\": \"CLIENT\", \"clientId\": \"" + client + "\"}", OPERATOR);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).doesNotContain(password);
    }


    @Test
    @Order(3)
    void a_client_sees_its_own_dashboard_and_its_balances_change_live() throws Exception {
        String a = client();
        String b = client();
        user("dana-" + a, "dana's long password " + a, a);
        Browser browser = new Browser();
        browser.login("dana-" + a, "dana's long password " + a);
        assertThat(browser.get("/").headers().firstValue("Location").orElse("")).endsWith("/clients/" + a);
        assertThat(browser.get("/clients/" + a).body()).contains("Балансы").contains(a).contains("Пока ничего не рассчитано");
        assertThat(browser.get("/clients/" + b).statusCode()).isEqualTo(403);
        assertThat(browser.get("/operator").statusCode()).isEqualTo(403);
        // what a browser shows: the hub's own error pages, never raw JSON or Spring's Whitelabel page
        HttpResponse<String> other = browser.page("/clients/" + b);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("id=\"error-page\"").contains("Нет доступа").contains("/css/hub.css")
                .doesNotContain("{\"error\"").doesNotContain("Whitelabel");
        HttpResponse<String> unknownOrder = browser.page("/clients/" + a + "/orders/NO-SUCH-ORDER");
        assertThat(unknownOrder.statusCode()).isEqualTo(404);
        assertThat(unknownOrder.body()).contains("id=\"error-page\"").contains("Не найдено").doesNotContain("Whitelabel");

        var lines = browser.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/clients/" + a
                + "/balances/stream")).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines()).body();
        // the stream's first line says it is watching: from then on every change reaches it
        java.util.Iterator<String> stream = lines.iterator();
        assertThat(stream.next()).as("subscribed").contains("watching " + a);
        java.util.concurrent.CompletableFuture<String> update = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            while (stream.hasNext()) {
                String line = stream.next();
                if (line.startsWith("data:") && line.contains("BALANCE_CHANGED")) {
                    return line;
                }
            }
            return "";
        });
        SettlementCoreTestBase.workedExampleFor(a).forEach(identities::publish);
        String pushed;
        try {
            pushed = update.get(20, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            lines.close();   // the browser leaves the page
        }
        assertThat(pushed).contains("\"clientId\":\"" + a + "\"");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(browser.get("/clients/" + a).body()).contains("data-amount=\"1037.75\"").contains("1\u00a0037,75\u00a0₽")
                        .contains("259,44").contains("33920474-0032-1"));
        // Russian by default, English on request: the same figures as each language writes them
        assertThat(browser.get("/clients/" + a + "/orders/33920474-0032-1").body()).contains("3\u00a0921,50\u00a0₽")
                .contains("1\u00a0297,19\u00a0₽").contains("Доход клиента");
        assertThat(browser.get("/clients/" + a + "/orders/33920474-0032-1?lang=en").body()).contains("3,921.50\u00a0RUB")
                .contains("Client net");
    }

    @Test
    @Order(3)
    void a_client_signs_in_and_its_session_reaches_only_its_own_data_and_changes_need_the_csrf_token() throws Exception {
        String a = client();
        String b = client();
        user("alice-" + a, "correct horse battery " + a, a);
        Browser browser = new Browser();
        assertThat(browser.get("/api/clients/" + a + "/balances").statusCode()).as("not signed in").isEqualTo(401);
        assertThat(browser.get("/").statusCode()).as("a page sends to the login").isEqualTo(302);

        HttpResponse<String> login = browser.login("alice-" + a, "correct horse battery " + a);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(browser.get("/api/clients/" + a + "/balances").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/clients/" + b + "/balances").statusCode()).isEqualTo(403);
        assertThat(browser.get("/api/parked-events").statusCode()).as("operators only").isEqualTo(403);
        assertThat(browser.postForm("/logout", Map.of()).statusCode()).as("a change without the CSRF token").isEqualTo(403);

        Browser forger = new Browser();
        forger.client.cookieHandler().get().put(URI.create("http://127.0.0.1:" + port + "/"),
                Map.of("Set-Cookie", List.of("JSESSIONID=0F1E2D3C4B5A69788796A5B4C3D2E1F0; Path=/")));
        assertThat(forger.get("/api/clients/" + a + "/balances").statusCode()).as("a forged session").isEqualTo(401);
    }

    @Test
    @Order(4)
    void ten_wrong_passwords_lock_the_login_and_others_still_sign_in() throws Exception {
        String a = client();
        user("bob-" + a, "the right password " + a, a);
        user("carol-" + a, "carol's own password " + a, a);
        Browser browser = new Browser();
        for (int i = 0; i < 10; i++) {
            assertThat(browser.login("bob-" + a, "wrong password " + i).headers().firstValue("Location").orElse(""))
                    .contains("/login?error");
        }
        assertThat(browser.login("bob-" + a, "the right password " + a).headers().firstValue("Location").orElse(""))
                .as("locked now, even with the right password").contains("/login?error");
        assertThat(new Browser().login("carol-" + a, "carol's own password " + a).headers().firstValue("Location").orElse(""))
                .doesNotContain("error");
        JsonNode users = EventCodec.mapper().readTree(call("GET", "/api/users", null, OPERATOR).body());
        boolean locked = false;
        for (JsonNode user : users) {
            locked |= user.get("username").asText().equals("bob-" + a) && user.hasNonNull("lockedUntil");
        }
        assertThat(locked).as("the operator sees the lock").isTrue();
    }

    @Test
    @Order(5)
    void bad_requests_get_a_clear_4xx_and_operator_actions_are_audited() throws Exception {
        String a = client();
        assertThat(call("PUT", "/api/suppliers/s1", "{\"name\": \"" + "x".repeat(70_000) + "\"}", OPERATOR).statusCode())
                .as("oversized body").isEqualTo(413);
        byte[] chunked = ("{\"name\": \"" + "x".repeat(70_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/suppliers/s1")).header("Authorization", "Bearer " + OPERATOR)
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(chunked))).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("oversized body without a declared length").isEqualTo(413);
        assertThat(call("GET", "/api/clients/" + a + "/../other/balances", null, OPERATOR).statusCode()).as("../ in the path")
                .isEqualTo(400);
        assertThat(call("GET", "/api/clients/" + a + "/%2e%2e/other/balances", null, OPERATOR).statusCode()).as("encoded ../")
                .isEqualTo(400);
        assertThat(call("GET", "/api/clients/" + a + "/balances", null, OPERATOR).statusCode()).as("still serving").isEqualTo(200);

        assertThat(call("POST", "/api/tokens", "{\"label\": \"" + "l".repeat(201) + "\", \"role\": \"OPERATOR\"}", OPERATOR).body())
                .as("a label over 200 characters").contains("\"field\":\"label\"");
        HttpResponse<String> longPassword = call("PUT", "/api/users/erin-" + a, "{\"password\": \"" + "пароль".repeat(7)
                + "\", \"role\": \"CLIENT\", \"clientId\": \"" + a + "\"}", OPERATOR);
        assertThat(longPassword.statusCode()).as("a password over bcrypt's 72 bytes (42 characters, 84 bytes)").isEqualTo(400);
        assertThat(longPassword.body()).contains("\"field\":\"password\"").contains("72 bytes");

        String agreement = SettlementCoreTestBase.agreementJson();
        for (var nonsense : Map.of(
                "effectiveFrom", agreement.replace("{\"name\"", "{\"effectiveFrom\": \"+999999999-01-01\", \"name\""),
                "name", agreement.replace("Acme Import\"", "Acme\\u0000Import\""),
                "name ", agreement.replace("Acme Import\"", "x".repeat(1000) + "\""),
                "bankAccount.bankId", agreement.replace("044525225", "ZZ"),
                "bankAccount.taxId", agreement.replace("7701234567", "77-01"),
                "minimumPayot", agreement.replace("\"minimumPayout\"", "\"minimumPayot\""),
                "bankAccount.iban", agreement.replace("\"holder\"", "\"iban\": \"DE89370400440532013000\", \"holder\""),
                "bankAccount", agreement.replaceAll(",\\s*\"bankAccount\": \\{[^}]*}", "")).entrySet()) {
            HttpResponse<String> refused = call("PUT", "/api/clients/" + a, nonsense.getValue(), OPERATOR);
            assertThat(refused.statusCode()).as(nonsense.getKey()).isEqualTo(400);
            assertThat(refused.body()).as(nonsense.getKey()).contains("\"field\":\"" + nonsense.getKey().strip() + "\"");
        }
        HttpResponse<String> supplier = call("PUT", "/api/suppliers/odd-" + a, "{\"name\": \"Odd\", \"currency\": \"CNY\","
                + " \"bankAccount\": {\"account\": \"1\", \"bankId\": \"ZZ\", \"country\": \"ZZZ\"}}", OPERATOR);
        assertThat(supplier.statusCode()).isEqualTo(400);
        assertThat(supplier.body()).contains("\"field\":\"bankAccount.account\"");
        assertThat(call("PUT", "/api/suppliers/odd-" + a, "{\"name\": \"Odd\", \"currency\": \"CNY\", \"curency\": \"CNY\", \"bankAccount\":"
                + " {\"account\": \"44332211009988776655\", \"bankId\": \"BKCHCNBJ45A\"}}", OPERATOR).body())
                .contains("\"field\":\"curency\"").contains("is not a field here");
        assertThat(call("PUT", "/api/suppliers/odd-" + a, "{\"name\": \"Odd\", \"currency\": \"CNY\", \"bankAccount\":"
                + " {\"account\": \"44332211009988776655\", \"bankId\": \"BKCHCNBJ45A\", \"country\": \"ZZ\"}}", OPERATOR).body())
                .contains("\"field\":\"bankAccount.country\"");

        call("POST", "/api/payouts/run", null, OPERATOR);
        String log = call("GET", "/api/audit-log?limit=50", null, OPERATOR).body();
        assertThat(log).contains("\"action\":\"AGREEMENT_SAVED\"").contains("\"target\":\"" + a + "\"")
                .contains("\"action\":\"PAYOUT_RUN\"").contains("\"action\":\"TOKEN_ISSUED\"").contains("\"actor\":\"operator-token\"");
    }

    @Test
    @Order(6)
    void logins_from_one_address_are_limited() throws Exception {
        Browser browser = new Browser();
        String csrf = browser.csrf();
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> attempt = browser.postForm("/login", Map.of("username", "nobody", "password", "x", "_csrf", csrf));
            refused += attempt.statusCode() == 429 ? 1 : 0;
        }
        assertThat(refused).as("beyond 30 a minute").isPositive();
    }

    @Test
    @Order(8)
    void the_api_is_described_in_openapi_with_a_browsable_ui() throws Exception {
        HttpResponse<String> docs = call("GET", "/v3/api-docs", null, null);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode api = EventCodec.mapper().readTree(docs.body());
        JsonNode paths = api.get("paths");
        assertThat(api.at("/info/title").asText()).isEqualTo("Settlehub settlement-core API");
        assertThat(api.at("/info/version").asText()).isNotEqualTo("v0");
        assertThat(api.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(api.at("/security/0").has("bearer")).as("every call carries the bearer token").isTrue();
        assertThat(paths.at("/~1api~1clients~1{clientId}/put/responses/400/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Error");
        assertThat(paths.at("/~1api~1clients~1{clientId}/put/requestBody/content/application~1json/schema/$ref").asText())
                .as("the agreement's body is typed, not a string").isEqualTo("#/components/schemas/Agreement");
        assertThat(api.at("/components/schemas/Agreement/properties/bankAccount/$ref").asText())
                .isEqualTo("#/components/schemas/ClientBankAccount");
        for (String body : List.of("Supplier", "TokenRequest", "User", "DutyRate")) {
            assertThat(api.at("/components/schemas/" + body).isObject()).as(body).isTrue();
        }
        assertThat(paths.has("/api/clients/{clientId}/balances")).isTrue();
        assertThat(paths.has("/api/clients/{clientId}/reports/statement")).isTrue();
        assertThat(paths.has("/api/accounting/close")).isTrue();
        HttpResponse<String> ui = call("GET", "/swagger-ui/index.html", null, null);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(call("GET", "/swagger-ui/swagger-ui-bundle.js", null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/css/hub.css", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(10)
    void guessing_tokens_is_limited_per_address_and_then_no_token_is_looked_at() throws Exception {
        String a = client();
        String valid = tokenFor(a, 1);
        int refused = 0;
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> guess = call("GET", "/api/clients/" + a + "/balances", null, "sht_guess" + i + "_" + UUID.randomUUID());
            assertThat(guess.statusCode()).isIn(401, 429);
            refused += guess.statusCode() == 429 ? 1 : 0;
        }
        assertThat(refused).as("beyond 20 wrong tokens a minute").isGreaterThanOrEqualTo(40);
        HttpResponse<String> meanwhile = call("GET", "/api/clients/" + a + "/balances", null, valid);
        assertThat(meanwhile.statusCode()).as("a right token from the guessing address waits too").isEqualTo(429);
        assertThat(meanwhile.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    @Order(9)
    void no_secret_of_the_run_appears_in_its_logs(CapturedOutput output) {
        assertThat(SECRETS).hasSizeGreaterThan(5);
        for (String secret : SECRETS) {
            assertThat(output.getAll()).as("the logs contain a secret").doesNotContain(secret);
        }
    }
}
