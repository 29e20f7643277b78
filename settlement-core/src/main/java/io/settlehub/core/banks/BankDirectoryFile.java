package io.settlehub.core.banks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Loads the ED807 file named by {@code hub.reference.bank-directory-file} (the ZIP or XML the central bank publishes)
 * when the service starts (before it serves), if it is newer than the directory in force: how a deployment that fetches the file daily,
 * and the demo, keep it current. Without the property nothing is loaded here (operators upload it instead).
 */
@Component
public class BankDirectoryFile {

    private static final Logger log = LoggerFactory.getLogger(BankDirectoryFile.class);

    private final BankDirectoryRepository directory;
    private final String file;

    public BankDirectoryFile(BankDirectoryRepository directory, @Value("${hub.reference.bank-directory-file:}") String file) {
        this.directory = directory;
        this.file = file;
    }

    /** A file, or {@code classpath:} a resource (the tests' directory). */
    private static byte[] bytes(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            try (var in = BankDirectoryFile.class.getResourceAsStream("/" + location.substring("classpath:".length()))) {
                if (in == null) {
                    throw new IOException("no such resource");
                }
                return in.readNBytes((int) Ed807Reader.MAX_BYTES);
            }
        }
        Path path = Path.of(location);
        if (Files.size(path) > Ed807Reader.MAX_BYTES) {
            throw new Ed807Reader.InvalidDirectoryException(path + " is larger than " + Ed807Reader.MAX_BYTES + " bytes");
        }
        return Files.readAllBytes(path);
    }

    /** Before the service takes requests: an agreement saved right after start is checked against this directory. */
    @jakarta.annotation.PostConstruct
    public void load() {
        if (file == null || file.isBlank()) {
            return;
        }
        String path = file.trim();
        try {
            BankDirectory read = Ed807Reader.read(bytes(path));
            if (directory.businessDay().filter(day -> !read.businessDay().isAfter(day)).isPresent()) {
                log.info("BIK directory {} ({}) is not newer than the one in force ({}); kept", path, read.businessDay(),
                        directory.businessDay().orElseThrow());
                return;
            }
            BankDirectoryRepository.Loaded loaded = directory.replace(read);
            log.info("BIK directory of {} loaded from {}: {} BIKs, {} closed", loaded.businessDay(), path, loaded.entries(), loaded.closed());
        } catch (DataIntegrityViolationException e) {
            log.info("BIK directory {}: another instance loaded it at the same time", path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the BIK directory " + path + " (hub.reference.bank-directory-file)", e);
        }
    }
}
