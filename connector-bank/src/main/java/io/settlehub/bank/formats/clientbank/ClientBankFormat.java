package io.settlehub.bank.formats.clientbank;

import io.settlehub.bank.formats.iso20022.Camt053Reader.InvalidStatementException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes (version 1.03) and reads (1.01, 1.02 and 1.03, which name the fields the hub reads alike) the 1C client-bank
 * exchange format: {@code Key=Value} lines with CRLF, first line {@code 1CClientBankExchange}, last {@code КонецФайла};
 * encoding as {@code Кодировка} says, in any letter case — {@code Windows} (Windows-1251, what the hub writes) or
 * {@code DOS} (CP866). Dates {@code dd.MM.yyyy}, amounts with a point. A document section may name its kind
 * ({@code СекцияДокумент=Платежное поручение}) or not; a blank {@code Очередность} is an ordinary payment's 5.
 * A file whose bytes are neither encoding as it declares it, of another version, or with a line that is not
 * {@code Key=Value}, fails naming it.
 */
public final class ClientBankFormat {

    public static final Charset WINDOWS = Charset.forName("windows-1251");
    public static final Charset DOS = Charset.forName("IBM866");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final List<String> VERSIONS = List.of("1.01", "1.02", "1.03");
    private static final java.util.regex.Pattern ENCODING =
            java.util.regex.Pattern.compile("(?m)^\\s*Кодировка\\s*=\\s*(\\S+)\\s*$");

    private ClientBankFormat() {
    }

    /** Payment orders to send, from the payer's account, as the bank's client program imports them. */
    public static byte[] writePaymentOrders(String sender, String receiver, LocalDateTime created, String account, List<PaymentOrder> orders) {
        List<String> lines = new ArrayList<>();
        lines.add("1CClientBankExchange");
        lines.add("ВерсияФормата=1.03");
        lines.add("Кодировка=Windows");
        lines.add("Отправитель=" + sender);
        lines.add("Получатель=" + receiver);
        lines.add("ДатаСоздания=" + DATE.format(created));
        lines.add("ВремяСоздания=" + TIME.format(created));
        LocalDate first = orders.stream().map(PaymentOrder::date).min(LocalDate::compareTo).orElse(created.toLocalDate());
        LocalDate last = orders.stream().map(PaymentOrder::date).max(LocalDate::compareTo).orElse(created.toLocalDate());
        lines.add("ДатаНачала=" + DATE.format(first));
        lines.add("ДатаКонца=" + DATE.format(last));
        lines.add("РасчСчет=" + account);
        lines.add("Документ=Платежное поручение");
        for (PaymentOrder order : orders) {
            lines.add("СекцияДокумент=Платежное поручение");
            lines.add("Номер=" + order.number());
            lines.add("Дата=" + DATE.format(order.date()));
            lines.add("Сумма=" + order.amount().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString());
            party(lines, "Плательщик", order.payer());
            party(lines, "Получатель", order.payee());
            lines.add("ВидПлатежа=" + (order.paymentKind() == null ? "" : order.paymentKind()));
            lines.add("ВидОплаты=01");
            lines.add("Очередность=" + order.priority());
            lines.add("НазначениеПлатежа=" + oneLine(order.purpose()));
            lines.add("КонецДокумента");
        }
        lines.add("КонецФайла");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : lines) {
            byte[] bytes = (line + "\r\n").getBytes(WINDOWS);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private static void party(List<String> lines, String role, PaymentOrder.Party party) {
        lines.add(role + "Счет=" + party.account());
        lines.add(role + "=" + oneLine(party.name()));
        lines.add(role + "ИНН=" + nullToEmpty(party.taxId()));
        lines.add(role + "КПП=" + nullToEmpty(party.kpp()));
        lines.add(role + "1=" + oneLine(party.name()));
        lines.add(role + "РасчСчет=" + party.account());
        lines.add(role + "Банк1=" + oneLine(nullToEmpty(party.bankName())));
        lines.add(role + "БИК=" + nullToEmpty(party.bik()));
        lines.add(role + "Корсчет=" + nullToEmpty(party.correspondentAccount()));
    }

    public static ClientBankFile read(String fileName, byte[] bytes) {
        String text = decode(fileName, bytes);
        String[] lines = text.split("\r\n|\n");
        if (lines.length == 0 || !lines[0].strip().equals("1CClientBankExchange")) {
            throw new InvalidStatementException(fileName + ": the first line is not 1CClientBankExchange");
        }
        Map<String, String> header = new LinkedHashMap<>();
        List<ClientBankFile.AccountSection> accounts = new ArrayList<>();
        List<PaymentOrder> documents = new ArrayList<>();
        Map<String, String> section = null;
        Map<String, Integer> sectionLines = new LinkedHashMap<>();
        String sectionKind = null;
        boolean ended = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = fileName + " line " + (i + 1);
            if (line.equals("КонецФайла")) {
                ended = true;
                break;
            }
            if (line.equals("КонецДокумента") || line.equals("КонецРасчСчет")) {
                if (section == null) {
                    throw new InvalidStatementException(where + ": " + line + " without its section");
                }
                Where at = new Where(fileName, Map.copyOf(sectionLines), i + 1);
                if ("document".equals(sectionKind)) {
                    documents.add(document(section, at));
                } else {
                    accounts.add(account(section, at));
                }
                sectionLines.clear();
                section = null;
                continue;
            }
            if (line.equals("СекцияДокумент")) {
                section = new LinkedHashMap<>();
                section.put("Вид", "");
                sectionKind = "document";
                continue;
            }
            if (line.equals("СекцияРасчСчет")) {
                section = new LinkedHashMap<>();
                sectionKind = "account";
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidStatementException(where + ": not Key=Value: '" + line + "'");
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            if (key.equals("СекцияДокумент")) {
                section = new LinkedHashMap<>();
                section.put("Вид", value);
                sectionKind = "document";
            } else if (section != null) {
                section.put(key, value);
                sectionLines.put(key, i + 1);
            } else {
                header.merge(key, value, (a, b) -> a + "," + b);
            }
        }
        if (!ended) {
            throw new InvalidStatementException(fileName + ": the file ends without КонецФайла (cut in the middle?)");
        }
        String version = header.get("ВерсияФормата");
        if (version == null || version.isBlank()) {
            throw new InvalidStatementException(fileName + ": the header has no ВерсияФормата");
        }
        if (!VERSIONS.contains(version.strip())) {
            throw new InvalidStatementException(fileName + ": ВерсияФормата " + version + " is not a version this reader knows ("
                    + String.join(", ", VERSIONS) + ")");
        }
        return new ClientBankFile(header, accounts, documents);
    }

    /** Windows-1251 unless the file says DOS; a file that says neither in its own bytes is not this format as declared. */
    private static String decode(String fileName, byte[] bytes) {
        String windows = new String(bytes, WINDOWS);
        if (declares(windows, "windows")) {
            return windows;
        }
        String dos = new String(bytes, DOS);
        if (declares(dos, "dos")) {
            return dos;
        }
        throw new InvalidStatementException(fileName + ": no 'Кодировка=Windows' (Windows-1251) or 'Кодировка=DOS' (CP866) line in "
                + "the encoding it names; the file is in another encoding than it declares");
    }

    private static boolean declares(String text, String encoding) {
        java.util.regex.Matcher declared = ENCODING.matcher(text);
        return declared.find() && declared.group(1).equalsIgnoreCase(encoding);
    }

    /** Where a section's field was in the file: its own line, or the section's last when the field is absent. */
    private record Where(String fileName, Map<String, Integer> lines, int end) {

        String of(String key) {
            return fileName + " line " + lines.getOrDefault(key, end);
        }
    }

    private static PaymentOrder document(Map<String, String> s, Where where) {
        return new PaymentOrder(required(s, "Номер", where), date(s, "Дата", where), amount(s, "Сумма", where),
                party(s, "Плательщик"), party(s, "Получатель"), purpose(s), priority(s, where), s.get("ВидПлатежа"),
                optionalDate(s, "ДатаСписано", where), optionalDate(s, "ДатаПоступило", where));
    }

    /** {@code Очередность}: 5 (an ordinary payment) when blank or absent, as statements often leave it. */
    private static int priority(Map<String, String> s, Where where) {
        String value = s.get("Очередность");
        if (value == null || value.isBlank()) {
            return 5;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidStatementException(where.of("Очередность") + ": Очередность is not a number: '" + value + "'");
        }
    }

    private static ClientBankFile.AccountSection account(Map<String, String> s, Where where) {
        return new ClientBankFile.AccountSection(required(s, "РасчСчет", where), date(s, "ДатаНачала", where), date(s, "ДатаКонца", where),
                amount(s, "НачальныйОстаток", where), amount(s, "ВсегоПоступило", where), amount(s, "ВсегоСписано", where),
                amount(s, "КонечныйОстаток", where));
    }

    private static PaymentOrder.Party party(Map<String, String> s, String role) {
        String account = s.getOrDefault(role + "РасчСчет", s.get(role + "Счет"));
        String name = s.getOrDefault(role + "1", s.get(role));
        return new PaymentOrder.Party(name, account, s.get(role + "ИНН"), s.get(role + "КПП"), s.get(role + "Банк1"), s.get(role + "БИК"),
                s.get(role + "Корсчет"));
    }

    private static String purpose(Map<String, String> s) {
        String purpose = s.get("НазначениеПлатежа");
        if (purpose != null && !purpose.isBlank()) {
            return purpose;
        }
        StringBuilder parts = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            String part = s.get("НазначениеПлатежа" + i);
            if (part != null && !part.isBlank()) {
                parts.append(parts.length() == 0 ? "" : " ").append(part);
            }
        }
        return parts.toString();
    }

    private static String required(Map<String, String> s, String key, Where where) {
        String value = s.get(key);
        if (value == null || value.isBlank()) {
            throw new InvalidStatementException(where.of(key) + ": the section has no " + key);
        }
        return value;
    }

    private static LocalDate date(Map<String, String> s, String key, Where where) {
        LocalDate date = optionalDate(s, key, where);
        if (date == null) {
            throw new InvalidStatementException(where.of(key) + ": the section has no " + key);
        }
        return date;
    }

    private static LocalDate optionalDate(Map<String, String> s, String key, Where where) {
        String value = s.get(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidStatementException(where.of(key) + ": " + key + " is not dd.MM.yyyy: '" + value + "'");
        }
    }

    private static BigDecimal amount(Map<String, String> s, String key, Where where) {
        String value = required(s, key, where);
        try {
            BigDecimal amount = new BigDecimal(value.replace(',', '.'));
            if (amount.stripTrailingZeros().scale() > 2) {
                throw new InvalidStatementException(where.of(key) + ": " + key + " has more than two decimals: '" + value + "'");
            }
            return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
        } catch (NumberFormatException e) {
            throw new InvalidStatementException(where.of(key) + ": " + key + " is not an amount: '" + value + "'");
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace("\r", " ").replace("\n", " ");
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
