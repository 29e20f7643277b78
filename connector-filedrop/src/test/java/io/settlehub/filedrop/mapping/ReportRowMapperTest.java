package io.settlehub.filedrop.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.settlehub.connector.support.FeedMetrics;
import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import io.settlehub.contract.EventPayload.Return;
import io.settlehub.contract.EventPayload.Sale;
import io.settlehub.contract.EventPayload.SaleLine;
import io.settlehub.contract.EventType;
import io.settlehub.contract.Money;
import io.settlehub.filedrop.config.FileDropProperties;
import io.settlehub.filedrop.report.ReportFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The sandbox platform's report, CSV and XLSX, through the column mapping. */
class ReportRowMapperTest {

    static final FileDropProperties.Platform MEGAMARKET = new FileDropProperties.Platform("megamarket", "acme", "RUB",
            ZoneId.of("Europe/Moscow"), "dd.MM.yyyy HH:mm", true, ";", "UTF-8",
            Map.of("row-id", "№", "occurred-at", "Дата операции", "operation", "Тип операции", "order-id", "Номер заказа",
                    "sku", "Артикул", "quantity", "Кол-во", "amount", "Сумма, руб.", "fee", "Вознаграждение, руб.", "payout-id", "Номер выплаты"),
            List.of(new FileDropProperties.Operation("Продажа", "SALE"), new FileDropProperties.Operation("Возврат", "RETURN"),
                    new FileDropProperties.Operation("Хранение", "CHARGE:storage"), new FileDropProperties.Operation("Выплата", "PAYOUT")));
    static final ReportMapping MAPPING = new ReportMapping(new FileDropProperties(Path.of("target/file-drop"), null, List.of(MEGAMARKET)),
            new FeedMetrics(new SimpleMeterRegistry(), Clock.systemUTC()));

    static InputStream fixture(String name) {
        return ReportRowMapperTest.class.getResourceAsStream("/megamarket/" + name);
    }

    static Money rub(String amount) {
        return Money.of(amount, "RUB");
    }

    @Test
    void every_kind_of_row_becomes_its_event_and_what_does_not_fit_names_its_line_and_field() {
        ReportMapping.Mapped mapped = MAPPING.map("megamarket", "report-2026-03.csv", fixture("report-2026-03.csv"));
        List<CanonicalEvent> events = mapped.events();
        assertThat(events).extracting(CanonicalEvent::eventId, CanonicalEvent::type).containsExactly(
                tuple("megamarket:acme:1", EventType.SALE), tuple("megamarket:acme:2", EventType.RETURN),
                tuple("megamarket:acme:3", EventType.MARKETPLACE_CHARGE), tuple("megamarket:acme:4", EventType.MARKETPLACE_PAYOUT));
        assertThat(events.get(0).occurredAt()).isEqualTo(Instant.parse("2026-03-05T11:10:00Z"));
        SaleLine line = ((Sale) events.get(0).payload()).lines().get(0);
        assertThat(List.of(line.sku(), line.quantity(), line.unitPrice(), line.discount(), line.marketplaceFees().get(0).amount()))
                .containsExactly("LAMP-01", 2, rub("2490.00"), rub("0.00"), rub("597.60"));
        Return ret = (Return) events.get(1).payload();
        assertThat(List.of(ret.orderId(), ret.quantity(), ret.refund(), ret.marketplaceFeesReversed()))
                .containsExactly("MM-500012", 1, rub("2490.00"), rub("298.80"));
        assertThat(((MarketplaceCharge) events.get(2).payload()).amount()).isEqualTo(rub("125.50"));
        MarketplacePayout payout = (MarketplacePayout) events.get(3).payload();
        assertThat(List.of(payout.payoutId(), payout.amount(), payout.orders().get(0).orderId())).containsExactly("PAY-7781", rub("2093.70"),
                "MM-500012");

        assertThat(mapped.unmapped()).extracting(UnmappedRecord::reason).containsExactly(
                "report-2026-03.csv line 6: unknown operation 'Бонусы продавцу' (column 'Тип операции'; the mapping knows "
                        + MEGAMARKET.operationValues() + ")",
                "report-2026-03.csv line 7: amount (column 'Сумма, руб.') is empty");
    }

    @Test
    void a_header_without_a_column_the_mapping_needs_rejects_the_whole_report_naming_the_column() {
        assertThatThrownBy(() -> MAPPING.map("megamarket", "report-without-amount-column.csv", fixture("report-without-amount-column.csv")))
                .isInstanceOf(ReportFormatException.class).hasMessageContaining("no column 'Сумма, руб.'");
    }

    @Test
    void the_same_report_as_xlsx_gives_the_very_same_events() throws Exception {
        ReportMapping.Mapped csv = MAPPING.map("megamarket", "report-2026-03.csv", fixture("report-2026-03.csv"));
        ReportMapping.Mapped xlsx = MAPPING.map("megamarket", "report-2026-03.xlsx", new ByteArrayInputStream(asXlsx("report-2026-03.csv")));
        assertThat(xlsx.events()).isEqualTo(csv.events());
        assertThat(xlsx.unmapped()).hasSize(2);
    }

    @Test
    void without_a_row_id_column_the_event_id_is_a_hash_of_the_row_so_a_second_drop_repeats_it() {
        FileDropProperties.Platform noRowId = new FileDropProperties.Platform("megamarket", "acme", "RUB", ZoneId.of("Europe/Moscow"),
                "dd.MM.yyyy HH:mm", true, ";", "UTF-8", MEGAMARKET.columns().entrySet().stream().filter(e -> !e.getKey().equals("row-id"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), MEGAMARKET.operations());
        ReportMapping mapping = new ReportMapping(new FileDropProperties(Path.of("target/file-drop"), null, List.of(noRowId)),
                new FeedMetrics(new SimpleMeterRegistry(), Clock.systemUTC()));
        List<String> first = mapping.map("megamarket", "a.csv", fixture("report-2026-03.csv")).events().stream().map(CanonicalEvent::eventId).toList();
        List<String> again = mapping.map("megamarket", "b.csv", fixture("report-2026-03.csv")).events().stream().map(CanonicalEvent::eventId).toList();
        assertThat(first).hasSize(4).allMatch(id -> id.startsWith("megamarket:acme:row-")).isEqualTo(again);
    }

    /** The fixture's cells in an XLSX workbook, amounts as numbers the way a spreadsheet keeps them. */
    static byte[] asXlsx(String csvFixture) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream();
             InputStreamReader reader = new InputStreamReader(fixture(csvFixture), StandardCharsets.UTF_8)) {
            Sheet sheet = workbook.createSheet("Отчёт");
            int r = 0;
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(reader)) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < record.size(); c++) {
                    row.createCell(c).setCellValue(record.get(c).replace("\ufeff", ""));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
