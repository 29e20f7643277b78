package io.settlehub.core.api.web;

import io.settlehub.contract.BusinessCalendar;
import io.settlehub.core.alerts.AlertRepository;
import io.settlehub.core.text.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An alert as its reader's language says it ({@code alert.text.<kind>} with the alert's figures, amounts and dates
 * written as that language writes them); the English message for an alert raised before its figures were kept.
 */
@Component("alertWording")
public class AlertWording {

    private static final Pattern MONEY = Pattern.compile("(-?\\d+(?:\\.\\d+)?) ([A-Z]{3})");
    private static final Pattern PERCENT = Pattern.compile("(-?\\d+\\.\\d+) %");

    private final MessageSource messages;

    AlertWording(MessageSource messages) {
        this.messages = messages;
    }

    public String text(AlertRepository.Raised alert, Locale locale) {
        if (alert.args().isEmpty()) {
            return alert.message();
        }
        Readable fmt = new Readable(locale, BusinessCalendar.ZONE);
        Object[] shown = alert.args().stream().map(arg -> shown(arg, fmt)).toArray();
        return messages.getMessage("alert.text." + alert.kind(), shown, alert.message(), fmt.locale());
    }

    static String shown(String arg, Readable fmt) {
        Matcher money = MONEY.matcher(arg);
        if (money.matches()) {
            return fmt.money(new BigDecimal(money.group(1)), money.group(2));
        }
        Matcher percent = PERCENT.matcher(arg);
        if (percent.matches()) {
            return fmt.number(new BigDecimal(percent.group(1))) + "\u00a0%";
        }
        try {
            return fmt.date(LocalDate.parse(arg));
        } catch (java.time.format.DateTimeParseException notADate) {
            try {
                return fmt.dateTime(Instant.parse(arg));
            } catch (java.time.format.DateTimeParseException notAMoment) {
                return arg;
            }
        }
    }
}
