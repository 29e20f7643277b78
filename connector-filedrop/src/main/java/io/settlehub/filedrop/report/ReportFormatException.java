package io.settlehub.filedrop.report;

/** A report that cannot be read as its platform's mapping says (a missing column, a broken file): nothing of it is published. */
public class ReportFormatException extends RuntimeException {
    public ReportFormatException(String message) {
        super(message);
    }

    public ReportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
