package io.settlehub.bank.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bank profile: who pays (the hub's own account at the bank), how files reach the bank, and where this
 * connector keeps what it has sent. Credentials come from the environment only.
 */
@ConfigurationProperties("hub.bank")
public record BankProperties(Debtor debtor, Sftp sftp, String stateDir, java.util.List<CreditRule> creditRules) {

    public BankProperties {
        creditRules = creditRules == null ? java.util.List.of() : creditRules;
    }

    /**
     * Which client a credit to the hub's account belongs to: the payer's tax id, and when one payer pays several
     * clients (a marketplace), a text its payment purpose contains (the seller contract).
     */
    public record CreditRule(String payerTaxId, String purposeContains, String clientId) {
    }

    /** The client of the first rule the payer and purpose match, or null. */
    public String clientOfCredit(String payerTaxId, String purpose) {
        for (CreditRule rule : creditRules) {
            boolean payer = rule.payerTaxId() != null && rule.payerTaxId().equals(payerTaxId);
            boolean text = rule.purposeContains() == null || rule.purposeContains().isBlank()
                    || purpose != null && purpose.contains(rule.purposeContains());
            if (payer && text) {
                return rule.clientId();
            }
        }
        return null;
    }

    /** The hub's account that every payment is debited from. */
    public record Debtor(String name, String account, String bankId, String taxId) {
    }

    /** The bank's SFTP server; {@code knownHosts} holds its host key, which is always verified. */
    public record Sftp(String host, int port, String user, String password, String privateKeyFile, String knownHosts,
                       String outbox, String inbox) {

        /** The Camel SFTP endpoint; Camel masks the password wherever it logs an endpoint. */
        public String uploadUri() {
            return uri(outbox, "&tempPrefix=.uploading-&fileExist=Ignore&disconnect=true&autoCreate=false");
        }

        /**
         * The bank's answers: statements and status reports in the inbox, each moved to {@code processed/} once read
         * (or {@code error/} if it cannot be), never deleted; a file is read only once it stopped growing.
         */
        public String inboxUri(long delayMs, String workDirectory) {
            return uri(inbox, "&delay=" + delayMs + "&include=.*\\.(xml|XML)&readLock=changed&readLockMinAge=2000&readLockCheckInterval=1000"
                    + "&move=processed/${date:now:yyyyMMdd-HHmmss}-${file:name}&moveFailed=error/${date:now:yyyyMMdd-HHmmss}-${file:name}"
                    + "&localWorkDirectory=" + workDirectory + "&autoCreate=true&binary=true");
        }

        private String uri(String folder, String options) {
            StringBuilder uri = new StringBuilder("sftp://").append(host).append(':').append(port).append('/').append(folder)
                    .append("?username=").append(user)
                    .append("&knownHostsFile=").append(knownHosts)
                    .append("&strictHostKeyChecking=yes&useUserKnownHostsFile=false")
                    .append("&connectTimeout=10000&serverAliveInterval=0&jschLoggingLevel=WARN").append(options);
            if (privateKeyFile != null && !privateKeyFile.isBlank()) {
                uri.append("&privateKeyFile=").append(privateKeyFile);
            } else {
                uri.append("&password=RAW(").append(password == null ? "" : password).append(')');
            }
            return uri.toString();
        }
    }
}
