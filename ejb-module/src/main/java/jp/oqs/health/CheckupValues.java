package jp.oqs.health;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.health.CheckupItem;
import jp.oqs.api.health.CheckupValue;
import jp.oqs.qualification.RecordRejectedException;
import jp.oqs.sync.RecordFields;

/**
 * The checks of a check-up's items against the standard's table ({@link CheckupItem}): a measurement in its item's
 * unit, as a decimal, inside the range the item accepts (outside it is a typing or unit error: the record is
 * rejected, saying which item, value and range); a coded answer one of its item's answers on the day of the check-up
 * (the 2024 questionnaire changed some); each code once; the diastolic pressure below the systolic. Items with codes not in the table are kept as sent.
 */
final class CheckupValues {

    /** A measurement as the standard writes it: digits, at most three decimals. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,5}(\\.[0-9]{1,3})?");

    private CheckupValues() {
    }

    static List<CheckupEntry> checked(List<CheckupValue> items, LocalDate examinedOn) throws RecordRejectedException {
        RecordFields.required(items == null || items.isEmpty() ? null : items, "items");
        Map<String, CheckupValue> byCode = new HashMap<>();
        List<CheckupEntry> entries = new ArrayList<>(items.size());
        for (CheckupValue item : items) {
            if (byCode.put(item.code(), item) != null) {
                throw RecordFields.invalid("検査項目「" + item.code() + "」が重複しています。",
                        "items[].code " + item.code() + " appears more than once in the record");
            }
            Optional<CheckupItem> known = CheckupItem.ofCode(item.code());
            if (known.isPresent()) {
                check(known.get(), item, examinedOn);
            }
            entries.add(new CheckupEntry(item.code(), item.value(), blankToNull(item.unit())));
        }
        CheckupValue systolic = byCode.get(CheckupItem.SYSTOLIC_BLOOD_PRESSURE.code());
        CheckupValue diastolic = byCode.get(CheckupItem.DIASTOLIC_BLOOD_PRESSURE.code());
        if (systolic != null && diastolic != null
                && new BigDecimal(diastolic.value()).compareTo(new BigDecimal(systolic.value())) >= 0) {
            throw new RecordRejectedException(ErrorCodes.CHECKUP_VALUE_OUT_OF_RANGE,
                    "拡張期血圧（" + diastolic.value() + "）が収縮期血圧（" + systolic.value() + "）以上です。",
                    "the diastolic blood pressure must be below the systolic one");
        }
        return entries;
    }

    private static void check(CheckupItem item, CheckupValue sent, LocalDate examinedOn) throws RecordRejectedException {
        String name = "「" + item.label() + "」（" + item.code() + "）";
        if (item.coded()) {
            CheckupItem.Answers answers = item.answers(examinedOn);
            if (blankToNull(sent.unit()) != null || !answers.labels().containsKey(sent.value())) {
                throw new RecordRejectedException(ErrorCodes.CHECKUP_VALUE_INVALID,
                        "項目" + name + "の回答「" + sent.value() + "」は選択肢（" + String.join("・",
                                answers.labels().keySet().stream().sorted().toList()) + "）にありません。",
                        item.code() + " is a coded answer: one of " + answers.labels().keySet()
                                + ", without a unit");
            }
            return;
        }
        if (!item.unit().equals(sent.unit())) {
            throw new RecordRejectedException(ErrorCodes.CHECKUP_VALUE_INVALID,
                    "項目" + name + "の単位「" + (sent.unit() == null ? "" : sent.unit()) + "」が違います（"
                            + item.unit() + "で送ってください）。",
                    item.code() + " is measured in " + item.unit() + ", got " + sent.unit());
        }
        if (!DECIMAL.matcher(sent.value()).matches()) {
            throw new RecordRejectedException(ErrorCodes.CHECKUP_VALUE_INVALID,
                    "項目" + name + "の値「" + sent.value() + "」が数値ではありません。",
                    item.code() + " must be a decimal number such as 120 or 5.6, got " + sent.value());
        }
        BigDecimal value = new BigDecimal(sent.value());
        if (value.compareTo(item.validLow()) < 0 || value.compareTo(item.validHigh()) > 0) {
            throw new RecordRejectedException(ErrorCodes.CHECKUP_VALUE_OUT_OF_RANGE,
                    "項目" + name + "の値 " + sent.value() + " " + item.unit() + " が受付範囲（"
                            + item.validLow().toPlainString() + "〜" + item.validHigh().toPlainString() + " "
                            + item.unit() + "）の外です。",
                    item.code() + " must lie between " + item.validLow() + " and " + item.validHigh() + " "
                            + item.unit() + ", got " + sent.value());
        }
    }

    /** Whether a stored value is a measurement's decimal (an item stored before its code was in the table may not be). */
    static boolean isDecimal(String value) {
        return DECIMAL.matcher(value).matches();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
