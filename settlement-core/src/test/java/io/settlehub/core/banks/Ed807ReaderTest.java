package io.settlehub.core.banks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class Ed807ReaderTest {

    static byte[] testDirectory() throws IOException {
        try (var in = Ed807ReaderTest.class.getResourceAsStream("/cbr/ED807-test.xml")) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsNamesAndCorrespondentAccountsFromAWindows1251File() throws IOException {
        BankDirectory directory = Ed807Reader.read(testDirectory());

        assertThat(directory.businessDay()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(directory.entries()).hasSize(5);
        BankDirectory.Entry sber = directory.find("044525225").orElseThrow();
        assertThat(sber.name()).isEqualTo("ПАО Сбербанк");
        assertThat(sber.correspondentAccount()).isEqualTo("30101810400000000225");
        assertThat(sber.open()).isTrue();
        // the deleted account is skipped for the active one; a restriction other than a revoked licence keeps it open
        BankDirectory.Entry alfa = directory.find("044525593").orElseThrow();
        assertThat(alfa.name()).isEqualTo("АО \"АЛЬФА-БАНК\"");
        assertThat(alfa.correspondentAccount()).isEqualTo("30101810200000000593");
        assertThat(alfa.open()).isTrue();
        // the central bank's own branch has no correspondent account
        assertThat(directory.find("044525000").orElseThrow().correspondentAccount()).isNull();
    }

    @Test
    void aBankThatLeftOrLostItsLicenceIsClosedSayingWhy() throws IOException {
        BankDirectory directory = Ed807Reader.read(testDirectory());

        BankDirectory.Entry left = directory.find("044525999").orElseThrow();
        assertThat(left.open()).isFalse();
        assertThat(left.closedOn()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(left.closedBecause()).contains("left the payment system on 2026-06-01");
        assertThat(left.correspondentAccount()).isNull();
        BankDirectory.Entry revoked = directory.find("044525111").orElseThrow();
        assertThat(revoked.open()).isFalse();
        assertThat(revoked.closedBecause()).isEqualTo("licence revoked (LWRS) on 2026-11-20");
        assertThat(directory.closedCount()).isEqualTo(2);
    }

    @Test
    void readsTheZipTheCentralBankPublishes() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("20261127_ED807_full.xml"));
            out.write(testDirectory());
            out.closeEntry();
        }

        assertThat(Ed807Reader.read(zip.toByteArray()).entries()).hasSize(5);
    }

    @Test
    void refusesWhatIsNotADirectoryNamingTheEntryAndAttribute() {
        assertThatThrownBy(() -> read("<ED807 xmlns=\"urn:cbr-ru:ed:v2.0\" BusinessDay=\"2026-11-27\"><BICDirectoryEntry BIC=\"04452\">"
                + "<ParticipantInfo NameP=\"X\"/></BICDirectoryEntry></ED807>"))
                .hasMessage("ED807: BICDirectoryEntry BIC '04452' is not 9 digits");
        assertThatThrownBy(() -> read("<ED807 xmlns=\"urn:cbr-ru:ed:v2.0\" BusinessDay=\"2026-11-27\"><BICDirectoryEntry BIC=\"044525225\">"
                + "<ParticipantInfo NameP=\"X\"/><Accounts Account=\"301\" RegulationAccountType=\"CRSA\" AccountStatus=\"ACAC\"/>"
                + "</BICDirectoryEntry></ED807>"))
                .hasMessage("ED807: Accounts of BIC 044525225 Account '301' is not 20 digits");
        assertThatThrownBy(() -> read("<ED807 xmlns=\"urn:cbr-ru:ed:v2.0\" BusinessDay=\"27.11.2026\"/>"))
                .hasMessage("ED807: ED807 BusinessDay '27.11.2026' is not a date (YYYY-MM-DD)");
        assertThatThrownBy(() -> read("<ED807 xmlns=\"urn:cbr-ru:ed:v2.0\" BusinessDay=\"2026-11-27\"/>"))
                .hasMessage("ED807: ED807 of 2026-11-27 lists no BICDirectoryEntry");
        assertThatThrownBy(() -> read("<ED806 xmlns=\"urn:cbr-ru:ed:v2.0\"/>")).hasMessage("ED807: the root element is ED806, not ED807");
        assertThatThrownBy(() -> read("<ED807 BusinessDay=\"2026-11-27\"/>")).hasMessageContaining("not urn:cbr-ru:ed:v2.0");
        assertThatThrownBy(() -> read("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<ED807 xmlns=\"urn:cbr-ru:ed:v2.0\" BusinessDay=\"2026-11-27\">&e;</ED807>"))
                .hasMessageStartingWith("ED807: ED807 is not well-formed XML");
    }

    private static BankDirectory read(String xml) {
        return Ed807Reader.read(xml.getBytes(StandardCharsets.UTF_8));
    }
}
