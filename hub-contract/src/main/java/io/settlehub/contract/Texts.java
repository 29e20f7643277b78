package io.settlehub.contract;

/** Text as the hub quotes it back in errors and reasons: never more of an untrusted value than a person needs to see. */
public final class Texts {

    private Texts() {
    }

    /** The text, cut to {@code max} characters with an ellipsis when longer; empty for null. */
    public static String abbreviated(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
