package io.settlehub.filedrop.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platforms whose reports arrive as files: where each platform's folder is ({@code root}/{@code name}), and how a
 * report of that platform reads — see {@link Platform}. {@code uploadToken} guards the HTTP upload (from the
 * environment only).
 */
@ConfigurationProperties("hub.file-drop")
public record FileDropProperties(Path root, String uploadToken, List<Platform> platforms) {

    public FileDropProperties {
        root = root == null ? Path.of("./.hub/file-drop") : root;
        platforms = platforms == null ? List.of() : platforms;
    }

    public Platform platform(String name) {
        return platforms.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no file-drop platform '" + name + "' is configured"));
    }

    public Path folder(Platform platform) {
        return root.resolve(platform.name());
    }

    @Override
    public String toString() {
        return "FileDropProperties[root=" + root + ", uploadToken=****, platforms=" + platforms + "]";
    }

    /** A value of the operation column and what it means. */
    public record Operation(String value, String means) {
    }

    /**
     * One platform: its name (the events' {@code source}), the client whose reports these are, the report's currency
     * and time zone, how dates and decimals are written, the CSV delimiter and charset, which column holds what
     * ({@code columns}: row-id, operation, occurred-at, order-id, sku, quantity, amount, fee, payout-id) and what each
     * value of the operation column means ({@code operations}: {@code value} → {@code means} SALE, RETURN, PAYOUT or
     * CHARGE:&lt;kind&gt;; a list, because report values are rarely valid property names).
     */
    public record Platform(String name, String clientId, String currency, ZoneId zone, String dateFormat, boolean decimalComma,
                           String delimiter, String charset, Map<String, String> columns, List<Operation> operations) {

        public Platform {
            zone = zone == null ? ZoneId.of("Europe/Moscow") : zone;
            currency = currency == null ? "RUB" : currency;
            dateFormat = dateFormat == null ? "yyyy-MM-dd" : dateFormat;
            delimiter = delimiter == null ? "," : delimiter;
            charset = charset == null ? "UTF-8" : charset;
            columns = columns == null ? Map.of() : columns;
            operations = operations == null ? List.of() : operations;
        }

        /** What a value of the operation column means, or null when the mapping does not know it. */
        public String meaning(String operation) {
            return operations.stream().filter(o -> o.value().equals(operation)).map(Operation::means).findFirst().orElse(null);
        }

        public List<String> operationValues() {
            return operations.stream().map(Operation::value).toList();
        }

        /** The header of the column that holds {@code field}, if the mapping names one. */
        public String column(String field) {
            return columns.get(field);
        }
    }
}
