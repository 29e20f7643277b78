package io.settlehub.connector.support.state;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.settlehub.connector.support.json.PartnerJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * One small file of a connector's own state (a watermark, renewed tokens, what was sent), in its state directory:
 * replaced atomically (a crash leaves the old content or the new, never half), readable by the service's user only
 * (tokens live here), at most {@value #MAX_BYTES} bytes. A file that cannot be read is an error that names the file
 * and says what to do, never silently a fresh start.
 */
public final class StateFile {

    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private final Path path;

    private StateFile(Path path) {
        this.path = path;
    }

    /** {@code name} (made safe as a file name) in {@code directory}. */
    public static StateFile in(Path directory, String name) {
        return new StateFile(directory.resolve(FileNames.safe(name)));
    }

    /** {@code name} in the sub-folder {@code folder} of {@code directory} (both made safe). */
    public static StateFile in(Path directory, String folder, String name) {
        return new StateFile(directory.resolve(FileNames.safe(folder)).resolve(FileNames.safe(name)));
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.exists(path);
    }

    /** The file's text, if it exists. */
    public Optional<String> readText() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw unreadable("it holds " + Files.size(path) + " bytes, more than a state file may (" + MAX_BYTES + ")", null);
            }
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreadable(e.getMessage(), e);
        }
    }

    public Optional<JsonNode> readJson() {
        return readText().map(text -> parse(text, json -> PartnerJson.mapper().readTree(json)));
    }

    public <T> Optional<T> readJson(Class<T> type) {
        return readText().map(text -> parse(text, json -> PartnerJson.mapper().readValue(json, type)));
    }

    public <T> Optional<T> readJson(TypeReference<T> type) {
        return readText().map(text -> parse(text, json -> PartnerJson.mapper().readValue(json, type)));
    }

    public void writeJson(Object value) {
        writeText(PartnerJson.write(value));
    }

    /** Replaces the content: a temporary file beside it, owner-only, then an atomic move over it. */
    public void writeText(String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("state file " + path + " would hold " + bytes.length + " bytes, more than " + MAX_BYTES);
        }
        try {
            Path directory = path.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, ".state", ".tmp");
            try {
                ownerOnly(temp);
                Files.write(temp, bytes);
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves an unreadable file aside (to {@code <name>.unreadable-<millis>}) for a person to look at, so that the
     * connector can start that part over; answers where it went.
     */
    public Path setAside() {
        Path aside = path.resolveSibling(path.getFileName() + ".unreadable-" + System.currentTimeMillis());
        try {
            Files.move(path, aside, StandardCopyOption.ATOMIC_MOVE);
            return aside;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the state file " + path + " aside: " + e.getMessage(), e);
        }
    }

    private interface Parse<T> {
        T from(String json) throws IOException;
    }

    private <T> T parse(String text, Parse<T> parse) {
        try {
            return parse.from(text);
        } catch (IOException e) {
            throw unreadable("it is not the JSON expected (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    private UnreadableStateException unreadable(String why, Exception cause) {
        return new UnreadableStateException("the state file " + path + " cannot be read: " + why
                + "; move it aside (or restore it from a backup) and the connector starts that part over", cause);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: the state directory's own protection applies
        }
    }

    /** A state file that exists but cannot be read; its message says which and what to do. */
    public static final class UnreadableStateException extends IllegalStateException {
        UnreadableStateException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
