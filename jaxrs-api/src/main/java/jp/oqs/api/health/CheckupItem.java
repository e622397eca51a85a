package jp.oqs.api.health;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The 特定健診 standard items this service knows (the code is the standard's 17-character code from the XML 健診項目コード
 * 表: JLAC10 for the laboratory items, the 9N/9A codes set after it for measurements and the questionnaire). Each has
 * its unit and the range a value must lie in to be accepted (a value outside it is a typing or unit error, and the
 * record is rejected; these ranges are this service's plausibility limits, not the standard's), and where the standard
 * has one, the judgement value that flags it: 標準的な健診・保健指導プログラム（令和6年度版）別紙5's 保健指導判定値, or for
 * waist and BMI the 内臓脂肪蓄積のリスク判定 of its 階層化 step 1. The standard writes these as 「以上」 (the value itself
 * is flagged: systolic 130 is flagged, 129.9 is not) and HDL as 「40未満」, so the reference is the half-open range
 * [{@link #referenceLow()}, {@link #referenceBelow(boolean)}). Questionnaire and urine items are coded answers; the
 * 2024 questionnaire (第4期, check-ups from {@link #QUESTIONNAIRE_2024}) changed the answers of 喫煙 and 飲酒 under the
 * same codes, so their answers depend on the day of the check-up ({@link #answers(LocalDate)}). An item with a code
 * not listed here (another method's code, the second blood pressure reading, 随時 values) is kept as sent, without
 * checks or flag.
 */
public enum CheckupItem {
    /** 身長. */
    HEIGHT("9N001000000000001", "身長", "cm", "100", "250", null, null, null, null),
    /** 体重. */
    WEIGHT("9N006000000000001", "体重", "kg", "20", "250", null, null, null, null),
    /** BMI; flagged at 25 and above (階層化 step 1; the standard sets no lower judgement value). */
    BMI("9N011000000000001", "BMI", "kg/m2", "10", "70", null, "25", null, null),
    /** 腹囲（実測）; flagged at 85 cm and above for men, 90 cm and above for women (階層化 step 1). */
    WAIST("9N016160100000001", "腹囲（実測）", "cm", "40", "250", null, "85", null, null),
    /** 収縮期血圧（1回目）; 保健指導判定値 130 and above (the 2回目 9A752…, その他 9A755… codes are not checked). */
    SYSTOLIC_BLOOD_PRESSURE("9A751000000000001", "収縮期血圧", "mmHg", "50", "300", null, "130", null, null),
    /** 拡張期血圧（1回目）; 保健指導判定値 85 and above (2回目 9A762…, その他 9A765… are not checked). */
    DIASTOLIC_BLOOD_PRESSURE("9A761000000000001", "拡張期血圧", "mmHg", "30", "200", null, "85", null, null),
    /** 空腹時血糖（電位差法: ブドウ糖酸化酵素電極法）; 保健指導判定値 100 and above. */
    FASTING_BLOOD_SUGAR("3D010000001926101", "空腹時血糖", "mg/dL", "20", "800", null, "100", null, null),
    /** HbA1c（NGSP値, HPLC; 3D045… is the former JDS value); 保健指導判定値 5.6 and above. */
    HBA1C("3D046000001920402", "HbA1c（NGSP）", "%", "3", "20", null, "5.6", null, null),
    /** 空腹時中性脂肪（トリグリセリド, 可視吸光光度法）; 保健指導判定値 150 and above (随時 3F015129… is not checked). */
    TRIGLYCERIDES("3F015000002327101", "中性脂肪", "mg/dL", "10", "3000", null, "150", null, null),
    /** HDLコレステロール（可視吸光光度法, 直接法）; 保健指導判定値 below 40. */
    HDL_CHOLESTEROL("3F070000002327101", "HDLコレステロール", "mg/dL", "10", "200", "40", null, null, null),
    /** LDLコレステロール（可視吸光光度法, 直接法）; 保健指導判定値 120 and above. */
    LDL_CHOLESTEROL("3F077000002327101", "LDLコレステロール", "mg/dL", "20", "600", null, "120", null, null),
    /** AST（GOT, 紫外吸光光度法 JSCC標準化対応法）; 保健指導判定値 31 and above. */
    AST("3B035000002327201", "AST（GOT）", "U/L", "1", "3000", null, "31", null, null),
    /** ALT（GPT, 紫外吸光光度法 JSCC標準化対応法）; 保健指導判定値 31 and above. */
    ALT("3B045000002327201", "ALT（GPT）", "U/L", "1", "3000", null, "31", null, null),
    /** γ-GT（γ-GTP, 可視吸光光度法 JSCC標準化対応法）; 保健指導判定値 51 and above. */
    GAMMA_GT("3B090000002327101", "γ-GT（γ-GTP）", "U/L", "1", "3000", null, "51", null, null),
    /** 尿糖（試験紙法・目視法; 機械読み取り is 1A020000000191111）: 1 −, 2 ±, 3 +, 4 ++, 5 +++; reference 1. */
    URINE_SUGAR("1A020000000190111", "尿糖", null, null, null, null, null, Answers.URINE, null),
    /** 尿蛋白（試験紙法・目視法; 機械読み取り is 1A010000000191111）: as {@link #URINE_SUGAR}. */
    URINE_PROTEIN("1A010000000190111", "尿蛋白", null, null, null, null, null, Answers.URINE, null),
    /** 質問票 1 服薬1（血圧を下げる薬）: 1 はい, 2 いいえ. */
    MEDICATION_BLOOD_PRESSURE("9N701000000000011", "服薬（血圧）", null, null, null, null, null, Answers.YES_NO, null),
    /** 質問票 2 服薬2（血糖を下げる薬又はインスリン注射）. */
    MEDICATION_BLOOD_SUGAR("9N706000000000011", "服薬（血糖）", null, null, null, null, null, Answers.YES_NO, null),
    /** 質問票 3 服薬3（コレステロールや中性脂肪を下げる薬）. */
    MEDICATION_LIPIDS("9N711000000000011", "服薬（脂質）", null, null, null, null, null, Answers.YES_NO, null),
    /**
     * 質問票 8 喫煙（現在、たばこを習慣的に吸っていますか）: from 2024 1 はい, 2 以前は吸っていたが最近1ヶ月間は吸っていない,
     * 3 いいえ; before, 1 はい, 2 いいえ.
     */
    SMOKING("9N736000000000011", "喫煙", null, null, null, null, null, Answers.SMOKING, Answers.YES_NO),
    /** 質問票 10 運動（1回30分以上の軽く汗をかく運動を週2日以上、1年以上）. */
    EXERCISE("9N746000000000011", "運動習慣", null, null, null, null, null, Answers.YES_NO, null),
    /** 質問票 11 身体活動（歩行又は同等の身体活動を1日1時間以上）. */
    PHYSICAL_ACTIVITY("9N751000000000011", "身体活動", null, null, null, null, null, Answers.YES_NO, null),
    /** 質問票 14 食べる速度（人と比較して）: 1 速い, 2 ふつう, 3 遅い. */
    EATING_SPEED("9N766000000000011", "食べる速度", null, null, null, null, null, Answers.SPEED, null),
    /** 質問票 17 朝食を抜くことが週に3回以上ある. */
    SKIPPING_BREAKFAST("9N781000000000011", "朝食を抜く", null, null, null, null, null, Answers.YES_NO, null),
    /**
     * 質問票 18 お酒を飲む頻度: from 2024 1 毎日 … 8 飲まない（飲めない） ({@link Answers#DRINKING}); before, 1 毎日, 2 時々,
     * 3 ほとんど飲まない（飲めない）.
     */
    DRINKING("9N786000000000011", "飲酒の頻度", null, null, null, null, null, Answers.DRINKING,
            Answers.DRINKING_BEFORE_2024);

    /**
     * The first day of the 2024 standard questionnaire (第4期, fiscal 2024): a check-up on or after it answers 喫煙 and 飲酒
     * with the 2024 answers.
     */
    public static final LocalDate QUESTIONNAIRE_2024 = LocalDate.of(2024, 4, 1);

    /** The answers of a coded item, each with its label, and the one within the reference (or none). */
    public enum Answers {
        /** 健診定性検査結果コード (1.2.392.200119.6.2102): 1 −, 2 ±, 3 +, 4 ++, 5 +++; the reference is 1 (−). */
        URINE(Map.of("1", "−", "2", "±", "3", "+", "4", "++", "5", "+++"), "1"),
        /** 問診結果コード (1.2.392.200119.6.2003): 1 はい, 2 いいえ; no reference. */
        YES_NO(Map.of("1", "はい", "2", "いいえ"), null),
        /** 食事の速さコード (1.2.392.200119.6.2004): 1 速い, 2 ふつう, 3 遅い; no reference. */
        SPEED(Map.of("1", "速い", "2", "ふつう", "3", "遅い"), null),
        /** 喫煙 from 2024 (1.2.392.200119.6.24060); no reference. */
        SMOKING(Map.of("1", "はい", "2", "以前は吸っていたが最近1ヶ月間は吸っていない", "3", "いいえ"), null),
        /** 飲酒頻度 from 2024 (1.2.392.200119.6.24040); no reference. */
        DRINKING(Map.of("1", "毎日", "2", "週5〜6日", "3", "週3〜4日", "4", "週1〜2日", "5", "月に1〜3日",
                "6", "月に1日未満", "7", "やめた", "8", "飲まない（飲めない）"), null),
        /** 飲酒頻度 before 2024 (1.2.392.200119.6.2005): 1 毎日, 2 時々, 3 ほとんど飲まない（飲めない）; no reference. */
        DRINKING_BEFORE_2024(Map.of("1", "毎日", "2", "時々", "3", "ほとんど飲まない（飲めない）"), null);

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
    private final BigDecimal referenceBelow;
    private final Answers answers;
    private final Answers answersBefore2024;

    CheckupItem(String code, String label, String unit, String validLow, String validHigh, String referenceLow,
                String referenceBelow, Answers answers, Answers answersBefore2024) {
        this.code = code;
        this.label = label;
        this.unit = unit;
        this.validLow = validLow == null ? null : new BigDecimal(validLow);
        this.validHigh = validHigh == null ? null : new BigDecimal(validHigh);
        this.referenceLow = referenceLow == null ? null : new BigDecimal(referenceLow);
        this.referenceBelow = referenceBelow == null ? null : new BigDecimal(referenceBelow);
        this.answers = answers;
        this.answersBefore2024 = answersBefore2024 == null ? answers : answersBefore2024;
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

    /** The answers of the current (2024) questionnaire; null for a measurement. */
    public Answers answers() {
        return answers;
    }

    /** The answers of a check-up on that day: before {@link #QUESTIONNAIRE_2024}, those of the former questionnaire. */
    public Answers answers(LocalDate examinedOn) {
        return examinedOn.isBefore(QUESTIONNAIRE_2024) ? answersBefore2024 : answers;
    }

    /** The lowest value accepted (measurements). */
    public BigDecimal validLow() {
        return validLow;
    }

    /** The highest value accepted (measurements). */
    public BigDecimal validHigh() {
        return validHigh;
    }

    /** The reference range's lower end (inclusive: a value below it is flagged; HDL 40), null when open. */
    public BigDecimal referenceLow() {
        return referenceLow;
    }

    /**
     * The reference range's upper end, exclusive: the judgement value itself, at or above which a value is flagged
     * (systolic 130); null when open. For a woman's waist 90 cm.
     */
    public BigDecimal referenceBelow(boolean female) {
        return this == WAIST && female ? new BigDecimal("90") : referenceBelow;
    }

    /** The items the printable view charts over the years. */
    public static List<CheckupItem> charted() {
        return List.of(SYSTOLIC_BLOOD_PRESSURE, DIASTOLIC_BLOOD_PRESSURE, WEIGHT, HBA1C, LDL_CHOLESTEROL);
    }
}
