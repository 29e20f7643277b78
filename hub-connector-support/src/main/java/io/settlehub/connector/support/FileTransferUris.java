package io.settlehub.connector.support;

import java.util.Locale;

/**
 * A file-transfer endpoint configured by an operator must not talk to an unverified or unencrypted server: Camel's
 * SFTP endpoint accepts any host key unless told otherwise, and plain FTP sends the password in clear. Checked at
 * start-up, so a wrong configuration stops the connector with the reason instead of sending files to whoever answers.
 */
public final class FileTransferUris {

    private FileTransferUris() {
    }

    /** {@code setting} names the configuration key in the message. */
    public static String requireSecure(String setting, String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("ftp:")) {
            throw new IllegalArgumentException(setting + ": plain ftp sends credentials and files unencrypted; use sftp: (or ftps:)");
        }
        if (lower.startsWith("sftp:") || lower.startsWith("scp:")) {
            if (!lower.contains("stricthostkeychecking=yes")) {
                throw new IllegalArgumentException(setting + ": an sftp endpoint must verify the server's host key: add "
                        + "strictHostKeyChecking=yes and knownHostsFile=<file with the server's key>");
            }
            if (!lower.contains("knownhostsfile=") && !lower.contains("knownhostsuri=") && !lower.contains("knownhosts=")) {
                throw new IllegalArgumentException(setting + ": strictHostKeyChecking=yes needs knownHostsFile=<file with the server's key>");
            }
        }
        return uri;
    }
}
