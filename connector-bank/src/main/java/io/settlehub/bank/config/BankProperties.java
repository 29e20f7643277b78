package io.settlehub.bank.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bank profile: who pays (the hub's own account at the bank), how files reach the bank, and where this
 * connector keeps what it has sent. Credentials come from the environment only.
 */
@ConfigurationProperties("hub.bank")
public record BankProperties(Debtor debtor, Sftp sftp, String stateDir, java.util.List<CreditRule> creditRules,
                             java.util.List<BankProfile> banks, java.util.Set<String> rerouteReasons) {

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public BankProperties {
        creditRules = creditRules == null ? java.util.List.of() : creditRules;
        banks = banks == null ? java.util.List.of() : banks;
        // a bank refusing the currency or the corridor, where another bank may not: AG03 not supported, CURR, RR04 regulatory
        rerouteReasons = rerouteReasons == null ? java.util.Set.of("AG03", "CURR", "RR04") : rerouteReasons;
    }

    public BankProperties(Debtor debtor, Sftp sftp, String stateDir, java.util.List<CreditRule> creditRules) {
        this(debtor, sftp, stateDir, creditRules, java.util.List.of(), null);
    }

    /**
     * The file format a bank takes: ISO 20022 pain.001.001.09 (generic), pain.001.001.06 as Russian banks' host-to-host
     * channels take rouble payment orders, or 1C client-bank 1.03.
     */
    public enum Format { ISO20022, ISO20022_RU_H2H, CLIENT_BANK_1C }

    /**
     * One bank the hub pays through: the format it takes, how to reach it, the hub's account there, and what it pays
     * — currencies and payee countries (empty: any), up to an amount (null: any). The first eligible bank, in the
     * order listed, gets an instruction. {@code batchInterval}: how often its waiting instructions go as one file;
     * {@code cutOff} (Moscow): after it, a batch asks for execution on the next business day. Files are named
     * {@code <filePrefix><instruction or batch id>.xml|.txt} (default {@code pain001-} or {@code 1c_to_kl-}).
     */
    public record BankProfile(String name, Format format, Sftp sftp, Debtor debtor, java.util.Set<String> currencies,
                              java.util.Set<String> payeeCountries, java.math.BigDecimal maxAmount, java.time.Duration batchInterval,
                              java.time.LocalTime cutOff, String filePrefix) {

        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public BankProfile {
            format = format == null ? Format.ISO20022 : format;
            currencies = currencies == null ? java.util.Set.of() : currencies;
            payeeCountries = payeeCountries == null ? java.util.Set.of() : payeeCountries;
            filePrefix = filePrefix == null || filePrefix.isBlank() ? (format == Format.CLIENT_BANK_1C ? "1c_to_kl-" : "pain001-") : filePrefix;
            if (format == Format.ISO20022_RU_H2H) {
                try {
                    io.settlehub.bank.formats.iso20022.Pain001RussianWriter.requireComplete(debtor);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("hub.bank.banks[" + name + "]: " + e.getMessage(), e);
                }
            }
        }

        /** The bank's payment orders carry a number of their own (1C; host-to-host: up to 6 digits, unique per day). */
        public boolean numbersOrders() {
            return format != Format.ISO20022;
        }

        public BankProfile(String name, Format format, Sftp sftp, Debtor debtor, java.util.Set<String> currencies,
                           java.util.Set<String> payeeCountries, java.math.BigDecimal maxAmount) {
            this(name, format, sftp, debtor, currencies, payeeCountries, maxAmount, null, null, null);
        }

        /** Instructions wait and go in one file per {@code batchInterval}; without it, each goes in a file of its own at once. */
        public boolean batched() {
            return batchInterval != null && !batchInterval.isZero();
        }
    }

    /**
     * The configured banks; without any, the one bank of {@code hub.bank.sftp} and {@code hub.bank.debtor} (ISO 20022,
     * every currency and country) under the name {@code default}.
     */
    public java.util.List<BankProfile> profiles() {
        return banks.isEmpty() ? java.util.List.of(new BankProfile("default", Format.ISO20022, sftp, debtor, null, null, null)) : banks;
    }

    /** The bank whose statements are of this account, if one is configured. */
    public java.util.Optional<BankProfile> bankOfAccount(String account) {
        return profiles().stream().filter(b -> b.debtor() != null && b.debtor().account().equals(account)).findFirst();
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

    /** The hub's account a bank debits payments from; KPP, bank name and correspondent account for the 1C format. */
    public record Debtor(String name, String account, String bankId, String taxId, String kpp, String bankName,
                         String correspondentAccount) {

        @org.springframework.boot.context.properties.bind.ConstructorBinding
        public Debtor {
        }

        public Debtor(String name, String account, String bankId, String taxId) {
            this(name, account, bankId, taxId, null, null, null);
        }
    }

    /** The bank's SFTP server; {@code knownHosts} holds its host key, which is always verified. */
    public record Sftp(String host, int port, String user, String password, String privateKeyFile, String knownHosts,
                       String outbox, String inbox) {

        /** The Camel SFTP endpoint; Camel masks the password wherever it logs an endpoint. */
        public String uploadUri() {
            return uri(outbox, "&tempPrefix=.uploading-&fileExist=Ignore&disconnect=true&autoCreate=false");
        }

        /**
         * The bank's answers: statements and status reports in the inbox, read only once a file stopped growing, never
         * deleted; where a file moves once read is the route's {@code move} option, appended to this.
         */
        public String inboxUri(long delayMs, String workDirectory) {
            return uri(inbox, "&delay=" + delayMs + "&include=.*\\.(xml|XML|txt|TXT)&readLock=changed&readLockMinAge=2000&readLockCheckInterval=1000&readLockMinLength=0"
                    + "&localWorkDirectory=" + workDirectory + "&autoCreate=true&binary=true");
        }

        private String uri(String folder, String options) {
            if (knownHosts == null || knownHosts.isBlank()) {
                throw new IllegalArgumentException("the bank's SFTP server " + host + " has no known_hosts file "
                        + "(HUB_BANK_SFTP_KNOWN_HOSTS or known-hosts of the bank profile): its host key is always verified, "
                        + "so connecting without one is refused");
            }
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
