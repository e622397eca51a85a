package jp.oqs.identifier;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Screens identifiers for a 12-digit My Number (個人番号), which this service never accepts. The value is
 * normalised (NFKC: full-width digits become ASCII) and separators are dropped (white space of any width and
 * hyphens and dashes of any width, including the katakana prolonged sound mark typed for a hyphen) before the test.
 */
public final class MyNumbers {

    private static final Pattern SEPARATORS =
            Pattern.compile("[\\s\\p{Z}\\u002D\\u2010-\\u2015\\u2212\\u2043\\uFE58\\uFE63\\uFF0D\\u30FC\\uFF70_・]");

    private MyNumbers() {
    }

    /** Whether the value, normalised and without separators, is exactly 12 digits. */
    public static boolean looksLikeMyNumber(String value) {
        if (value == null) {
            return false;
        }
        String compact = SEPARATORS.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC)).replaceAll("");
        return compact.length() == 12 && CheckDigits.allDigits(compact);
    }
}
