package io.settlehub.connector.support.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    @TempDir
    Path dir;

    record Tracked(BigDecimal published, int revision) {
    }

    @Test
    void a_state_file_is_replaced_whole_readable_by_its_owner_only_and_read_back_exactly() throws Exception {
        StateFile file = StateFile.in(dir, "cdek-orders-acme.json");
        assertThat(file.readJson()).isEmpty();
        file.writeJson(Map.of("a", new Tracked(new BigDecimal("2500.10"), 2)));
        file.writeJson(Map.of("a", new Tracked(new BigDecimal("2500.00"), 3)));

        var read = file.readJson(new com.fasterxml.jackson.core.type.TypeReference<Map<String, Tracked>>() { }).orElseThrow();
        assertThat(read.get("a").published()).isEqualByComparingTo("2500.00").hasToString("2500.00");
        assertThat(read.get("a").revision()).isEqualTo(3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temporary file is left behind").containsExactly(file.path());
        }
    }

    @Test
    void a_file_that_cannot_be_read_is_named_with_what_to_do_and_can_be_set_aside() throws Exception {
        StateFile file = StateFile.in(dir, "watermark-acme.json");
        Files.writeString(file.path(), "{\"accrualDate\": ");

        assertThatThrownBy(file::readJson).isInstanceOf(StateFile.UnreadableStateException.class)
                .hasMessageContaining(file.path().toString()).hasMessageContaining("move it aside");
        Path aside = file.setAside();
        assertThat(aside.getFileName().toString()).startsWith("watermark-acme.json.unreadable-");
        assertThat(file.readJson()).as("the connector starts that part over").isEmpty();
    }

    @Test
    void a_file_larger_than_a_state_file_may_be_is_refused_unread() throws Exception {
        StateFile file = StateFile.in(dir, "big.txt");
        Files.write(file.path(), new byte[StateFile.MAX_BYTES + 1]);
        assertThatThrownBy(file::readText).isInstanceOf(StateFile.UnreadableStateException.class).hasMessageContaining("more than");
    }

    @Test
    void names_from_partner_ids_stay_inside_the_state_directory() {
        assertThat(FileNames.safe("../../etc/passwd")).doesNotContain("/").isEqualTo(".._.._etc_passwd");
        assertThat(FileNames.safe("..")).doesNotContain("/").isNotEqualTo("..");
        assertThat(FileNames.safe("")).isNotEmpty();
        assertThat(FileNames.safe("ozon:acme:op 1")).isEqualTo("ozon_acme_op_1");
        assertThat(StateFile.in(dir, "../x", "../../y").path().normalize().startsWith(dir)).isTrue();
    }
}
