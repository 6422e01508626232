package io.switchboard.api.common;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTextTest {

    @Test
    @DisplayName("Plain text: letters, emoji, tab, line feed and carriage return; not U+0000, other C0 or C1 controls, DEL or unpaired surrogates")
    void whatIsPlain() {
        assertThat(PlainText.isPlain("Front desk \u00e9 \ud83d\udcde\t\r\n")).isTrue();
        assertThat(PlainText.isPlain("")).isTrue();
        assertThat(PlainText.isPlain(null)).isTrue();
        for (String text : new String[] {"\u0000", "a\u0001", "\u001b[31m", "\u007f", "\u0085", "\u009f", "\ud800",
                "x\udc00", "\udc00\ud800"}) {
            assertThat(PlainText.isPlain(text)).as("%s", text.codePoints().boxed().toList()).isFalse();
        }
    }

    @Test
    @DisplayName("What was refused is shown with U+FFFD in place of each forbidden character, and plain text as it is")
    void shown() {
        assertThat(PlainText.shown("+1\u0000202\ud800")).isEqualTo("+1\uFFFD202\uFFFD");
        assertThat(PlainText.shown("Front\tdesk \ud83d\udcde")).isEqualTo("Front\tdesk \ud83d\udcde");
        assertThat(PlainText.shown(null)).isNull();
    }
}
