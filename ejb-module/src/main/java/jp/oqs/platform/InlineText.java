package jp.oqs.platform;

import java.nio.charset.StandardCharsets;

/**
 * Text kept in an inline {@code VARCHAR2(4000)} column when it fits, else in a CLOB beside it: a LOB costs a
 * locator and a write of its own per row on Oracle, and about ten times a row's write on the embedded engine (V7).
 */
public final class InlineText {

    /** The inline column's size, in bytes on Oracle. */
    public static final int BYTES = 4000;

    private InlineText() {
    }

    /** Whether {@code text} fits the inline column (at most three UTF-8 bytes a character, else counted). */
    public static boolean fits(String text) {
        return text.length() * 3 <= BYTES || text.getBytes(StandardCharsets.UTF_8).length <= BYTES;
    }
}
