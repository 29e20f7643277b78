package io.settlehub.contract;

/** A message that breaks the contract; the message names the field and what is wrong with it. */
public class InvalidMessageException extends RuntimeException {

    private final String field;

    public InvalidMessageException(String field, String problem) {
        super(field == null || field.isEmpty() ? problem : field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
