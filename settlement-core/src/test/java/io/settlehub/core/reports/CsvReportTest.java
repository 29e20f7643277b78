package io.settlehub.core.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.contract.Money;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReportTest {

    static String csv(String orderId) {
        Report report = new Report("Agent's report of acme, 2026-11", List.of(),
                List.of(new Report.Table("Orders RUB", List.of("Order", "Client net"),
                        List.of(List.of(orderId, Money.of("-133.40", "RUB"))), null)));
        return new String(CsvReport.write(report), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"open\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\tX", "\rX"})
    void text_a_spreadsheet_would_run_as_a_formula_is_written_as_text(String orderId) {
        assertThat(csv(orderId)).as("an apostrophe in front, quoted; the amount stays a number")
                .contains("\r\n\"'" + orderId.replace("\"", "\"\"") + "\",-133.40\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"33920474-0032-1", "wb1d0c9e8f7a6b5c4d3e2f1a0b9c8d7e"})
    void ordinary_text_is_written_as_it_is(String orderId) {
        assertThat(csv(orderId)).contains("\r\n" + orderId + ",-133.40\r\n");
    }
}
