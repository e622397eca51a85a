package jp.oqs.identifier;

import jp.oqs.api.error.ErrorCodes;

/**
 * 医療機関コード: 都道府県(2) + 点数表(1: 1 医科, 3 歯科, 4 調剤) + 郡市区(2) + 番号(4) + 検証番号(1), the check
 * digit being Luhn over the first 9 digits.
 */
public record MedicalInstitutionCode(String value) {

    /** 点数表番号 (digit 3). */
    public enum PointTable {
        MEDICAL('1'), DENTAL('3'), PHARMACY('4');

        private final char digit;

        PointTable(char digit) {
            this.digit = digit;
        }

        static PointTable of(char digit) {
            for (PointTable table : values()) {
                if (table.digit == digit) {
                    return table;
                }
            }
            return null;
        }
    }

    public MedicalInstitutionCode {
        if (value == null || value.length() != 10 || !CheckDigits.allDigits(value)) {
            throw new IllegalArgumentException("a MedicalInstitutionCode holds 10 digits; use parse() for input");
        }
    }

    /** @throws InvalidIdentifierException naming the rule that failed */
    public static MedicalInstitutionCode parse(String raw) throws InvalidIdentifierException {
        if (raw == null || raw.length() != 10 || !CheckDigits.allDigits(raw)) {
            throw invalid("医療機関コードは半角数字10桁です。",
                    "medicalInstitutionCode format: 10 ASCII digits");
        }
        String prefecture = raw.substring(0, 2);
        if (!Prefectures.isValid(prefecture)) {
            throw invalid("医療機関コードの都道府県番号「" + prefecture + "」が正しくありません。",
                    "medicalInstitutionCode rule 都道府県: digits 1-2 must be 01-47; got " + prefecture);
        }
        if (PointTable.of(raw.charAt(2)) == null) {
            throw invalid("医療機関コードの点数表番号「" + raw.charAt(2) + "」が正しくありません。",
                    "medicalInstitutionCode rule 点数表: digit 3 must be 1 (医科), 3 (歯科) or 4 (調剤); got "
                            + raw.charAt(2));
        }
        int expected = CheckDigits.luhn(raw.substring(0, 9));
        if (raw.charAt(9) - '0' != expected) {
            throw invalid("医療機関コードの検証番号が正しくありません。",
                    "medicalInstitutionCode rule 検証番号: Luhn over the first 9 digits; expected " + expected
                            + ", got " + raw.charAt(9));
        }
        return new MedicalInstitutionCode(raw);
    }

    public PointTable pointTable() {
        return PointTable.of(value.charAt(2));
    }

    @Override
    public String toString() {
        return value;
    }

    private static InvalidIdentifierException invalid(String message, String hint) {
        return new InvalidIdentifierException(ErrorCodes.INVALID_MEDICAL_INSTITUTION_CODE, message, hint);
    }
}
