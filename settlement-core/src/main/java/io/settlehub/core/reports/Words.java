package io.settlehub.core.reports;

import io.settlehub.core.text.Readable;

/**
 * The reader's language for a report: its words by message key (the dashboard's messages) and how it writes amounts and
 * dates. Figures stay numbers: only text cells are translated.
 */
public interface Words {

    String of(String key, Object... args);

    Readable fmt();

    /** The translation of {@code key}, or {@code code} itself when the messages have none. */
    default String named(String key, String code) {
        String found = ofOrNull(key);
        return found == null ? code : found;
    }

    String ofOrNull(String key);
}
