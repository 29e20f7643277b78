package io.settlehub.bank.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bank profile: who pays (the hub's own account at the bank), how files reach the bank, and where this
 * connector keeps what it has sent. Credentials come from the environment only.
 */
@ConfigurationProperties("hub.bank")
public record BankProperties(Debtor debtor, Sftp sftp, String stateDir) {

    /** The hub's account that every payment is debited from. */
    public record Debtor(String name, String account, String bankId, String taxId) {
    }

    /** The bank's SFTP server; {@code knownHosts} holds its host key, which is always verified. */
    public record Sftp(String host, int port, String user, String password, String privateKeyFile, String knownHosts,
                       String outbox) {

        /** The Camel SFTP endpoint; Camel masks the password wherever it logs an endpoint. */
        public String uploadUri() {
            StringBuilder uri = new StringBuilder("sftp://").append(host).append(':').append(port).append('/').append(outbox)
                    .append("?username=").append(user)
                    .append("&knownHostsFile=").append(knownHosts)
                    .append("&strictHostKeyChecking=yes&useUserKnownHostsFile=false")
                    .append("&tempPrefix=.uploading-&fileExist=Ignore&disconnect=true&connectTimeout=10000")
                    .append("&serverAliveInterval=0&jschLoggingLevel=WARN&autoCreate=false");
            if (privateKeyFile != null && !privateKeyFile.isBlank()) {
                uri.append("&privateKeyFile=").append(privateKeyFile);
            } else {
                uri.append("&password=RAW(").append(password == null ? "" : password).append(')');
            }
            return uri.toString();
        }
    }
}
