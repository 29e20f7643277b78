package io.settlehub.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JsonFieldsCheckTest {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final char[] ALPHABET = {'0', '1', '9', '-', '.', 'e', 'E', '+', ' ', '\u0661', 'a', '\n', '\t', '\u0000', '\u001f',
            '\u007f', '\u0080', 'ж'};

    @Test
    void decimals_are_what_the_contract_pattern_accepts() {
        for (String text : new String[] {"0", "-0", "12.50", "-3.1", "1.", ".5", "-", "", "1e5", "1.2.3", "--1", "+1", " 1", "1 ", "١"}) {
            assertThat(JsonFields.isPlainDecimal(text)).as(text).isEqualTo(DECIMAL.matcher(text).matches());
        }
        Random random = new Random(20261202);
        for (int n = 0; n < 200_000; n++) {
            String text = randomText(random);
            assertThat(JsonFields.isPlainDecimal(text)).as(text).isEqualTo(DECIMAL.matcher(text).matches());
        }
    }

    @Test
    void control_characters_are_those_below_a_space_but_line_feed_and_tab_and_delete() {
        assertThat(JsonFields.hasControlCharacter("Кружка 330 мл\nсиняя\t2 шт")).isFalse();
        Random random = new Random(20261203);
        for (int n = 0; n < 200_000; n++) {
            String text = randomText(random);
            boolean expected = text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f);
            assertThat(JsonFields.hasControlCharacter(text)).as(text).isEqualTo(expected);
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(7);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }
}
