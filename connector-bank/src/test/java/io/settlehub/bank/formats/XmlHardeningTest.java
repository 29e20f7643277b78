package io.settlehub.bank.formats;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlehub.bank.partner.cbr.DailyRates;
import io.settlehub.bank.formats.iso20022.Camt053Reader.InvalidStatementException;
import io.settlehub.bank.formats.iso20022.Pain002Reader;
import io.settlehub.connector.support.PartnerFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every XML the bank connector reads refuses a document type: no entity expansion (billion laughs), no external entities. */
class XmlHardeningTest {

    private static final String LAUGHS = "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY e SYSTEM \"file:///etc/passwd\">]>";

    @TempDir
    Path dir;

    @Test
    void central_bank_rates_with_a_doctype_are_refused() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + LAUGHS + "<ValCurs Date=\"26.11.2026\">&c;&e;</ValCurs>";
        assertThatThrownBy(() -> DailyRates.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PartnerFormatException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void a_status_report_with_a_doctype_is_refused() throws Exception {
        Path file = dir.resolve("pain002-bomb.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?>" + LAUGHS
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\">&c;&e;</Document>");
        assertThatThrownBy(() -> Pain002Reader.read(file))
                .isInstanceOf(InvalidStatementException.class).hasMessageContaining("DOCTYPE");
    }
}
