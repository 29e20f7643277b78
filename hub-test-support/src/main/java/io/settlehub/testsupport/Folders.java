package io.settlehub.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What a test sees of a folder a route reads from or moves files to. */
public final class Folders {

    private Folders() {
    }

    /** How many entries the folder holds; 0 when it does not exist (yet). */
    public static long count(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
