package jp.oqs.api.health;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 特定健診 standard items this service knows (the code is the standard's 17-character code: JLAC10 for the
 * laboratory items, the codes set after it for measurements and the questionnaire). Each has its unit and the range a
 * value must lie in to be accepted (a value outside it is a typing or unit error, and the record is rejected), and
 * where the standard has one, the reference range (保健指導判定値: a value outside it is flagged). Questionnaire and
 * urine items are coded answers. An item with a code not listed here is kept as sent, without checks or flag.
 */
public enum CheckupItem {
    /** 身長. */
    HEIGHT("9N001000000000001", "身長", "cm", "100", "250", null, null, null),
    /** 体重. */
    WEIGHT("9N006000000000001", "体重", "kg", "20", "250", null, null, null),
    /** BMI. */
    BMI("9N011000000000001", "BMI", "kg/m2", "10", "70", "18.5", "24.9", null),
    /** 腹囲（実測）; the reference is below 85 cm for men, 90 cm for women. */
    WAIST("9N016160100000001", "腹囲（実測）", "cm", "40", "250", null, "84.9", null),
    /** 収縮期血圧. */
    SYSTOLIC_BLOOD_PRESSURE("9A751000000000001", "収縮期血圧", "mmHg", "50", "300", null, "129", null),
    /** 拡張期血圧. */
    DIASTOLIC_BLOOD_PRESSURE("9A761000000000001", "拡張期血圧", "mmHg", "30", "200", null, "84", null),
    /** 空腹時血糖（電位差法）. */
    FASTING_BLOOD_SUGAR("3D010000001926101", "空腹時血糖", "mg/dL", "20", "800", null, "99", null),
    /** HbA1c（NGSP値, HPLC）. */
    HBA1C("3D046000001920402", "HbA1c（NGSP）", "%", "3", "20", null, "5.5", null),
    /** 中性脂肪（トリグリセリド, 可視吸光光度法）. */
    TRIGLYCERIDES("3F015000002327101", "中性脂肪", "mg/dL", "10", "3000", null, "149", null),
    /** HDLコレステロール（可視吸光光度法）. */
    HDL_CHOLESTEROL("3F070000002327101", "HDLコレステロール", "mg/dL", "10", "200", "40", null, null),
    /** LDLコレステロール（可視吸光光度法）. */
    LDL_CHOLESTEROL("3F077000002327101", "LDLコレステロール", "mg/dL", "20", "600", null, "119", null),
    /** AST（GOT, 紫外吸光光度法）. */
    AST("3B035000002327201", "AST（GOT）", "U/L", "1", "3000", null, "30", null),
    /** ALT（GPT, 紫外吸光光度法）. */
    ALT("3B045000002327201", "ALT（GPT）", "U/L", "1", "3000", null, "30", null),
    /** γ-GT（γ-GTP, 可視吸光光度法）. */
    GAMMA_GT("3B090000002327101", "γ-GT（γ-GTP）", "U/L", "1", "3000", null, "50", null),
    /** 尿糖（試験紙法・機械読み取り）: 1 −, 2 ±, 3 +, 4 ++, 5 +++; reference 1. */
    URINE_SUGAR("1A020000000190111", "尿糖", null, null, null, null, null, Answers.URINE),
    /** 尿蛋白（試験紙法・機械読み取り）: as {@link #URINE_SUGAR}. */
    URINE_PROTEIN("1A010000000190111", "尿蛋白", null, null, null, null, null, Answers.URINE),
    /** 質問票 服薬1（血圧を下げる薬）: 1 はい, 2 いいえ. */
    MEDICATION_BLOOD_PRESSURE("9N701000000000011", "服薬（血圧）", null, null, null, null, null, Answers.YES_NO),
    /** 質問票 服薬2（血糖を下げる薬又はインスリン注射）. */
    MEDICATION_BLOOD_SUGAR("9N706000000000011", "服薬（血糖）", null, null, null, null, null, Answers.YES_NO),
    /** 質問票 服薬3（コレステロールや中性脂肪を下げる薬）. */
    MEDICATION_LIPIDS("9N711000000000011", "服薬（脂質）", null, null, null, null, null, Answers.YES_NO),
    /** 質問票 喫煙（現在、たばこを習慣的に吸っている）. */
    SMOKING("9N736000000000011", "喫煙", null, null, null, null, null, Answers.YES_NO),
    /** 質問票 運動（1回30分以上の軽く汗をかく運動を週2日以上、1年以上）. */
    EXERCISE("9N746000000000011", "運動習慣", null, null, null, null, null, Answers.YES_NO),
    /** 質問票 身体活動（歩行又は同等の身体活動を1日1時間以上）. */
    PHYSICAL_ACTIVITY("9N751000000000011", "身体活動", null, null, null, null, null, Answers.YES_NO),
    /** 質問票 食べる速度: 1 速い, 2 ふつう, 3 遅い. */
    EATING_SPEED("9N766000000000011", "食べる速度", null, null, null, null, null, Answers.SPEED),
    /** 質問票 朝食を抜くことが週に3回以上ある. */
    SKIPPING_BREAKFAST("9N781000000000011", "朝食を抜く", null, null, null, null, null, Answers.YES_NO),
    /** 質問票 お酒を飲む頻度: 1 毎日, 2 時々, 3 ほとんど飲まない（飲めない）. */
    DRINKING("9N786000000000011", "飲酒の頻度", null, null, null, null, null, Answers.FREQUENCY);

    /** The answers of a coded item, each with its label, and the one within the reference (or none). */
    public enum Answers {
        /** 1 −, 2 ±, 3 +, 4 ++, 5 +++; the reference is 1 (−). */
        URINE(Map.of("1", "−", "2", "±", "3", "+", "4", "++", "5", "+++"), "1"),
        /** 1 はい, 2 いいえ; no reference. */
        YES_NO(Map.of("1", "はい", "2", "いいえ"), null),
        /** 1 速い, 2 ふつう, 3 遅い; no reference. */
        SPEED(Map.of("1", "速い", "2", "ふつう", "3", "遅い"), null),
        /** 1 毎日, 2 時々, 3 ほとんど飲まない（飲めない）; no reference. */
        FREQUENCY(Map.of("1", "毎日", "2", "時々", "3", "ほとんど飲まない（飲めない）"), null);

        private final Map<String, String> labels;
        private final String reference;

        Answers(Map<String, String> labels, String reference) {
            this.labels = labels;
            this.reference = reference;
        }

        /** The answer codes and their labels. */
        public Map<String, String> labels() {
            return labels;
        }

        /** The answer within the reference, if there is one. */
        public Optional<String> reference() {
            return Optional.ofNullable(reference);
        }
    }

    private static final Map<String, CheckupItem> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(CheckupItem::code, Function.identity()));

    private final String code;
    private final String label;
    private final String unit;
    private final BigDecimal validLow;
    private final BigDecimal validHigh;
    private final BigDecimal referenceLow;
    private final BigDecimal referenceHigh;
    private final Answers answers;

    CheckupItem(String code, String label, String unit, String validLow, String validHigh, String referenceLow,
                String referenceHigh, Answers answers) {
        this.code = code;
        this.label = label;
        this.unit = unit;
        this.validLow = validLow == null ? null : new BigDecimal(validLow);
        this.validHigh = validHigh == null ? null : new BigDecimal(validHigh);
        this.referenceLow = referenceLow == null ? null : new BigDecimal(referenceLow);
        this.referenceHigh = referenceHigh == null ? null : new BigDecimal(referenceHigh);
        this.answers = answers;
    }

    /** The item of a standard code, if this service knows it. */
    public static Optional<CheckupItem> ofCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The standard's 17-character code. */
    public String code() {
        return code;
    }

    /** The item's Japanese name. */
    public String label() {
        return label;
    }

    /** The unit a measured value must be sent in; null for a coded answer. */
    public String unit() {
        return unit;
    }

    /** Whether the value is a coded answer ({@link #answers()}) rather than a measurement. */
    public boolean coded() {
        return answers != null;
    }

    public Answers answers() {
        return answers;
    }

    /** The lowest value accepted (measurements). */
    public BigDecimal validLow() {
        return validLow;
    }

    /** The highest value accepted (measurements). */
    public BigDecimal validHigh() {
        return validHigh;
    }

    /** The reference range's lower end (inclusive), null when open; for women's waist see {@link #referenceHigh(boolean)}. */
    public BigDecimal referenceLow() {
        return referenceLow;
    }

    /** The reference range's upper end (inclusive), null when open: for a woman's waist 89.9 cm. */
    public BigDecimal referenceHigh(boolean female) {
        return this == WAIST && female ? new BigDecimal("89.9") : referenceHigh;
    }

    /** The items the printable view charts over the years. */
    public static List<CheckupItem> charted() {
        return List.of(SYSTOLIC_BLOOD_PRESSURE, DIASTOLIC_BLOOD_PRESSURE, WEIGHT, HBA1C, LDL_CHOLESTEROL);
    }
}
