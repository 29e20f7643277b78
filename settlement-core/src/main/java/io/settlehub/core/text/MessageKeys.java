package io.settlehub.core.text;

import java.util.Locale;

/** Message keys for codes that come from partners ("storage fee", "OperationMarketplaceServiceStorage"). */
public final class MessageKeys {

    private MessageKeys() {
    }

    /** {@code prefix} and the code in lower case, anything but letters and digits as {@code _}. */
    public static String of(String prefix, String code) {
        return prefix + code.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_");
    }
}
