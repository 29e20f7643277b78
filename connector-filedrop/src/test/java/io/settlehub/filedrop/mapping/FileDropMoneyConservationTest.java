package io.settlehub.filedrop.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.settlehub.connector.support.UnmappedRecord;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.MarketplaceCharge;
import io.settlehub.contract.EventPayload.MarketplacePayout;
import io.settlehub.contract.EventPayload.Return;
import io.settlehub.contract.EventPayload.Sale;
import io.settlehub.contract.EventPayload.SaleLine;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Money conservation of a dropped report: the amounts of its money columns ({@code amount}, {@code fee}) over all its
 * rows equal what the events carry (a sale's price and fee, a return's refund and fees given back, a charge's or payout's
 * amount) plus what went to unmapped records — naming the fee column, or the whole row with its cells.
 */
class FileDropMoneyConservationTest {

    static BigDecimal cell(String text) {
        return text == null || text.isBlank() ? BigDecimal.ZERO : new BigDecimal(text.replace("\u00a0", "").replace(" ", "").replace(',', '.')).abs();
    }

    @Test
    void every_amount_of_the_report_ends_in_an_event_or_an_unmapped_record() throws Exception {
        String report = new String(ReportRowMapperTest.fixture("report-2026-03.csv").readAllBytes(), StandardCharsets.UTF_8)
                + "7;11.03.2026 12:00;Выплата;MM-500013;;;1 000,00;15,00;PAY-7782\n";
        ReportMapping.Mapped mapped = ReportRowMapperTest.MAPPING.map("megamarket", "report.csv",
                new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)));

        BigDecimal inFile = BigDecimal.ZERO;
        List<String> lines = report.lines().skip(1).toList();
        for (String line : lines) {
            String[] cells = line.split(";", -1);
            inFile = inFile.add(cell(cells[6])).add(cell(cells[7]));
        }
        BigDecimal carried = BigDecimal.ZERO;
        for (CanonicalEvent event : mapped.events()) {
            if (event.payload() instanceof Sale sale) {
                SaleLine line = sale.lines().get(0);
                carried = carried.add(line.unitPrice().amount().multiply(BigDecimal.valueOf(line.quantity())).subtract(line.discount().amount()))
                        .add(line.marketplaceFees().stream().map(f -> f.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
            } else if (event.payload() instanceof Return ret) {
                carried = carried.add(ret.refund().amount()).add(ret.marketplaceFeesReversed().amount());
            } else if (event.payload() instanceof MarketplaceCharge charge) {
                carried = carried.add(charge.amount().amount().abs());
            } else {
                carried = carried.add(((MarketplacePayout) event.payload()).amount().amount().abs());
            }
        }
        List<UnmappedRecord> fields = new ArrayList<>();
        BigDecimal left = BigDecimal.ZERO;
        for (UnmappedRecord record : mapped.unmapped()) {
            if (record.field() != null) {
                fields.add(record);
                left = left.add(new BigDecimal(record.amount()).abs());
            } else {
                var cells = io.settlehub.contract.EventCodec.mapper().readTree(record.json());
                left = left.add(cell(cells.path("Сумма, руб.").asText(null))).add(cell(cells.path("Вознаграждение, руб.").asText(null)));
            }
        }
        assertThat(fields).extracting(UnmappedRecord::recordId, UnmappedRecord::field, UnmappedRecord::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("megamarket:acme:7:Вознаграждение, руб.", "Вознаграждение, руб.", "15.00"));
        assertThat(carried.add(left)).as("events " + carried + " + unmapped " + left).isEqualByComparingTo(inFile);
    }
}
