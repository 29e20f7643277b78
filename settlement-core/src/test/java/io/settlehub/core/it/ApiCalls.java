package io.settlehub.core.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A JSON call to the service under test, with a bearer token or none; redirects are not followed. */
final class ApiCalls {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private ApiCalls() {
    }

    static HttpResponse<String> call(int port, String method, String path, String body, String token) throws Exception {
        return call(port, method, path, body, token, "application/json");
    }

    static HttpResponse<String> call(int port, String method, String path, String body, String token, String contentType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
