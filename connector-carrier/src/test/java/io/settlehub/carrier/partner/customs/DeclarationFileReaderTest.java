package io.settlehub.carrier.partner.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.settlehub.carrier.mapping.CustomsDeclarationMapper;
import io.settlehub.connector.support.PartnerFormatException;
import io.settlehub.contract.CanonicalEvent;
import io.settlehub.contract.EventPayload.CustomsAssessed;
import io.settlehub.contract.EventPayload.CustomsLine;
import io.settlehub.contract.Money;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The customs broker's files, CSV and XML, to CUSTOMS_ASSESSED. */
class DeclarationFileReaderTest {

    static InputStream fixture(String name) {
        return DeclarationFileReaderTest.class.getResourceAsStream("/customs/" + name);
    }

    static Money rub(String amount) {
        return Money.of(amount, "RUB");
    }

    @Test
    void a_csv_file_holds_declarations_line_by_line_grouped_by_number() {
        List<Declaration> declarations = DeclarationFileReader.read("declarations-2026-10.csv", fixture("declarations-2026-10.csv"));
        assertThat(declarations).extracting(Declaration::number, Declaration::receiptId, d -> d.lines().size()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("10702010/151026/0034567", "R-2026-0917", 1),
                org.assertj.core.groups.Tuple.tuple("10702010/161026/0034601", "GX-0441", 2));
        CanonicalEvent event = CustomsDeclarationMapper.map("acme", declarations.get(0));
        assertThat(event.eventId()).isEqualTo("customs:acme:10702010/151026/0034567:r0");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-10-14T21:00:00Z"));
        CustomsLine line = ((CustomsAssessed) event.payload()).lines().get(0);
        assertThat(List.of(line.sku(), line.quantity(), line.customsValue(), line.duty(), line.vat(), line.fees()))
                .containsExactly("LAMP-01", 100, rub("62500.00"), rub("6250.00"), rub("15125.00"), rub("1231.00"));
    }

    @Test
    void a_corrected_declaration_in_xml_is_the_next_revision_of_the_same_declaration() {
        Declaration corrected = DeclarationFileReader.read("declaration-corrected.xml", fixture("declaration-corrected.xml")).get(0);
        CanonicalEvent event = CustomsDeclarationMapper.map("acme", corrected);
        CustomsAssessed payload = (CustomsAssessed) event.payload();
        assertThat(List.of(event.eventId(), payload.declarationId(), payload.revision(), payload.lines().get(0).fees()))
                .containsExactly("customs:acme:10702010/151026/0034567:r1", "10702010/151026/0034567", 1, rub("1431.00"));
    }

    @Test
    void a_missing_amount_fails_the_whole_file_naming_the_line_and_field() {
        assertThatThrownBy(() -> DeclarationFileReader.read("declaration-missing-duty.csv", fixture("declaration-missing-duty.csv")))
                .isInstanceOf(PartnerFormatException.class).hasMessage("declaration-missing-duty.csv line 2: duty is empty");
    }

    @Test
    void a_header_without_a_column_and_an_xml_with_a_doctype_are_refused() {
        String noVat = "declaration_number;date;receipt_id;revision;currency;sku;quantity;customs_value;duty;fees\n";
        assertThatThrownBy(() -> DeclarationFileReader.read("x.csv", new ByteArrayInputStream(noVat.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(PartnerFormatException.class).hasMessageContaining("no column [vat]");
        String entity = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><CustomsDeclaration number=\"&x;\"/>";
        assertThatThrownBy(() -> DeclarationFileReader.read("x.xml", new ByteArrayInputStream(entity.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(PartnerFormatException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void a_file_beyond_the_size_limit_is_refused_unread() {
        byte[] large = new byte[DeclarationFileReader.MAX_FILE_BYTES + 1];
        assertThatThrownBy(() -> DeclarationFileReader.read("huge.csv", new ByteArrayInputStream(large)))
                .isInstanceOf(PartnerFormatException.class).hasMessage("huge.csv is larger than 16777216 bytes; not read");
    }
}
