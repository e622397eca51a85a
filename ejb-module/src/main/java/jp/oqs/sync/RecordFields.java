package jp.oqs.sync;

import java.time.LocalDate;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.identifier.CheckDigits;
import jp.oqs.identifier.MyNumbers;
import jp.oqs.qualification.RecordRejectedException;

/** Field rules of sync records (of every kind of batch); each failure names the field and the rule. */
public final class RecordFields {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final int MAX_TEXT = 100;
    private static final int MAX_KEY = 64;
    private static final int MAX_HOUSEHOLD_PART = 40;

    private RecordFields() {
    }

    public static <T> T required(T value, String field) throws RecordRejectedException {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw invalid("必須項目「" + field + "」がありません。", field + " is required for this operation");
        }
        return value;
    }

    public static String text(String value, String field, int max) throws RecordRejectedException {
        required(value, field);
        if (value.length() > max) {
            throw invalid("項目「" + field + "」が長すぎます（最大" + max + "文字）。",
                    field + " has at most " + max + " characters, got " + value.length());
        }
        return value;
    }

    static String name(String value, String field) throws RecordRejectedException {
        return text(value, field, MAX_TEXT);
    }

    static String householdPart(String value, String field, boolean mandatory) throws RecordRejectedException {
        if (value == null || value.isEmpty()) {
            if (mandatory) {
                required(value, field);
            }
            return null;
        }
        return text(value, field, MAX_HOUSEHOLD_PART);
    }

    /** The link key: opaque, at most 64 characters, and never a My Number (12 digits). */
    static String linkKey(String value) throws RecordRejectedException {
        return linkKey(value, "person.linkKey");
    }

    /** The link key in the field {@code field}, as {@link #linkKey(String)}. */
    public static String linkKey(String value, String field) throws RecordRejectedException {
        text(value, field, MAX_KEY);
        if (MyNumbers.looksLikeMyNumber(value)) {
            throw new RecordRejectedException(ErrorCodes.MY_NUMBER_NOT_ACCEPTED,
                    "個人番号（マイナンバー）は受け付けられません。中間サーバーの連携用符号を送ってください。",
                    field + " looks like a 12-digit My Number, which this service never accepts; send the "
                            + "intermediate server's opaque person link key");
        }
        return value;
    }

    /** A date between 1900-01-01 and {@code latest}. */
    public static LocalDate date(LocalDate value, String field, LocalDate latest) throws RecordRejectedException {
        required(value, field);
        if (value.isBefore(EARLIEST) || value.isAfter(latest)) {
            throw new RecordRejectedException(ErrorCodes.DATE_OUT_OF_RANGE,
                    "項目「" + field + "」の日付（" + value + "）が範囲外です。",
                    field + " must be between " + EARLIEST + " and " + latest + ", got " + value);
        }
        return value;
    }

    static LocalDate optionalDate(LocalDate value, String field, LocalDate latest) throws RecordRejectedException {
        return value == null ? null : date(value, field, latest);
    }

    static int copayRatio(Integer value) throws RecordRejectedException {
        required(value, "qualification.copayRatio");
        if (value != 10 && value != 20 && value != 30) {
            throw invalid("負担割合は10・20・30のいずれかです。",
                    "qualification.copayRatio must be 10, 20 or 30 (percent), got " + value);
        }
        return value;
    }

    /** The answer to a well-formed record whose person cannot be accepted, whatever the reason. */
    static final String REFUSED_MESSAGE = "レコードの内容を受け付けられません。";
    static final String REFUSED_HINT = "the record cannot be accepted for this person";

    public static RecordRejectedException invalid(String message, String hint) {
        return new RecordRejectedException(ErrorCodes.RECORD_INVALID, message, hint);
    }
}
