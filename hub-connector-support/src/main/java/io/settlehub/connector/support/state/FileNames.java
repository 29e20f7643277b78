package io.settlehub.connector.support.state;

/** Names of files made from partner or client ids: anything but letters, digits, '.', '_' and '-' becomes '_'. */
public final class FileNames {

    private FileNames() {
    }

    /** {@code name} safe as one file name: no separator, no {@code ..} of its own, never empty. */
    public static String safe(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) {
            return safe.replace('.', '_') + "_";
        }
        return safe;
    }
}
