package io.settlehub.filedrop.api;

import io.settlehub.contract.Texts;
import io.settlehub.filedrop.config.FileDropProperties;
import io.settlehub.filedrop.config.FileDropProperties.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/file-drop/{platform}?name=report.csv} with the report as the body and
 * {@code Authorization: Bearer <HUB_FILEDROP_UPLOAD_TOKEN>}: the report is written into the platform's folder as a
 * {@code .part} file and renamed when complete, so the folder's route only ever sees whole reports. 202: it will be
 * read; 400: a name or platform that cannot be, or an empty body (nothing is stored); any Content-Type (curl's
 * default form type included) is taken as the file itself; 401: no or a wrong token; 413: larger than {@code hub.http.max-body-bytes}.
 */
@RestController
class UploadController {

    private final FileDropProperties properties;

    UploadController(FileDropProperties properties) {
        this.properties = properties;
    }

    @PostMapping("/api/file-drop/{platform}")
    ResponseEntity<Map<String, String>> upload(@PathVariable String platform, jakarta.servlet.http.HttpServletRequest request,
                                               @RequestHeader(name = "Authorization", required = false) String authorization,
                                               InputStream body) throws IOException {
        // the name from the query string alone: asking the servlet for a parameter would read a body sent as a form
        // (curl --data-binary without a Content-Type sends application/x-www-form-urlencoded) and store it empty
        String name;
        try {
            name = queryParameter(request.getQueryString(), "name");
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "name: not URL-encoded (" + e.getMessage() + ")", "field", "name"));
        }
        if (name == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "name: the report's file name is required (?name=report.csv)", "field", "name"));
        }
        if (!authorized(authorization)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "a valid upload token is required"));
        }
        Platform target;
        try {
            target = properties.platform(platform);
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
        }
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,119}\\.(csv|xlsx)")) {
            return ResponseEntity.badRequest().body(Map.of("error", "name must start with a letter or digit, then up to 119 letters,"
                    + " digits, '.', '_' or '-', and end in .csv or .xlsx, was '" + Texts.abbreviated(name, 60) + "'"));
        }
        Path folder = properties.folder(target);
        Files.createDirectories(folder);
        Path part = folder.resolve(name + ".part");
        try {
            Files.copy(body, part, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) { // cut off (too large, or the client went away): nothing half-written stays behind
            Files.deleteIfExists(part);
            throw e;
        }
        if (Files.size(part) == 0) {
            Files.delete(part);
            return ResponseEntity.badRequest().body(Map.of("error", "the report is empty (0 bytes): send the file itself as the request"
                    + " body, e.g. curl --data-binary @" + name + " -H 'Content-Type: application/octet-stream'"));
        }
        Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return ResponseEntity.accepted().body(Map.of("platform", target.name(), "file", name, "status", "queued"));
    }

    private static String queryParameter(String query, String parameter) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = java.net.URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (key.equals(parameter)) {
                return equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private boolean authorized(String authorization) {
        String token = properties.uploadToken();
        if (token == null || token.isBlank() || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), authorization.substring(7).getBytes(StandardCharsets.UTF_8));
    }
}
