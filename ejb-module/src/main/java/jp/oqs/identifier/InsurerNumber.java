package jp.oqs.identifier;

import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.InsurerCategory;
import jp.oqs.api.insurer.ManagingOrganisation;

/**
 * 保険者番号: 法別番号(2) + 都道府県番号(2) + 保険者別番号(3) + 検証番号(1). 市町村国保 and 国保組合 have 6 digits
 * (no 法別) and are zero-padded on the left to 8; {@link #value()} is always the 8-digit form.
 */
public record InsurerNumber(String value) {

    public InsurerNumber {
        if (value == null || value.length() != 8 || !CheckDigits.allDigits(value)) {
            throw new IllegalArgumentException("an InsurerNumber holds 8 digits; use parse() for input");
        }
    }

    /**
     * Validates input: 8 digits, or 6 digits for 国保; known 法別; prefecture 01–47; Luhn check digit.
     *
     * @throws InvalidIdentifierException naming the rule that failed
     */
    public static InsurerNumber parse(String raw) throws InvalidIdentifierException {
        if (raw == null || raw.isBlank()) {
            throw invalid("保険者番号を入力してください。", "insurerNumber is required: 8 digits, or 6 digits for 国保");
        }
        if (!CheckDigits.allDigits(raw) || (raw.length() != 8 && raw.length() != 6)) {
            throw invalid("保険者番号は半角数字8桁（国保は6桁）で入力してください。",
                    "insurerNumber format: 8 ASCII digits, or 6 for 市町村国保/国保組合; got " + raw.length()
                            + " characters" + (CheckDigits.allDigits(raw) ? "" : " including non-digits"));
        }
        String eight = raw.length() == 6 ? "00" + raw : raw;
        String houbetsu = eight.substring(0, 2);
        if (categoryOf(eight) == null) {
            throw invalid("保険者番号の法別番号「" + houbetsu + "」は取り扱っていません。",
                    "insurerNumber rule 法別番号: digits 1-2 must be 01, 02, 06, 07, 31-34, 39, 63, 67, 72-75 "
                            + "(or a 6-digit 国保 number); got " + houbetsu);
        }
        String prefecture = eight.substring(2, 4);
        if (!Prefectures.isValid(prefecture)) {
            throw invalid("保険者番号の都道府県番号「" + prefecture + "」が正しくありません。",
                    "insurerNumber rule 都道府県番号: digits 3-4 of the 8-digit form must be 01-47; got " + prefecture);
        }
        int expected = CheckDigits.luhn(eight.substring(0, 7));
        if (eight.charAt(7) - '0' != expected) {
            throw invalid("保険者番号の検証番号が正しくありません。番号をご確認ください。",
                    "insurerNumber rule 検証番号: the last digit is a Luhn check digit over the first 7 digits "
                            + "(weights 2,1,2,... from the right); expected " + expected + ", got " + eight.charAt(7));
        }
        return new InsurerNumber(eight);
    }

    /** 法別番号; "00" for 国保. */
    public String houbetsu() {
        return value.substring(0, 2);
    }

    public String prefectureCode() {
        return value.substring(2, 4);
    }

    public InsurerCategory category() {
        return categoryOf(value);
    }

    public ManagingOrganisation managingOrganisation() {
        return category().managingOrganisation();
    }

    /** Whether the insurer is a 国保 (6-digit) insurer. */
    public boolean isKokuho() {
        return "00".equals(houbetsu());
    }

    /** The form printed on cards: 6 digits for 国保, 8 otherwise. */
    public String printed() {
        return isKokuho() ? value.substring(2) : value;
    }

    @Override
    public String toString() {
        return value;
    }

    private static InsurerCategory categoryOf(String eight) {
        int houbetsu = Integer.parseInt(eight.substring(0, 2));
        return switch (houbetsu) {
            case 0 -> eight.charAt(4) == '3' ? InsurerCategory.NHI_ASSOCIATION : InsurerCategory.MUNICIPAL_NHI;
            case 1 -> InsurerCategory.KYOKAI_KENPO;
            case 2 -> InsurerCategory.SEAMEN;
            case 6 -> InsurerCategory.HEALTH_INSURANCE_SOCIETY;
            case 7 -> InsurerCategory.SELF_DEFENSE_FORCES;
            case 31, 32, 33, 34 -> InsurerCategory.MUTUAL_AID;
            case 39 -> InsurerCategory.LATE_ELDERLY;
            case 63, 72, 73, 74, 75 -> InsurerCategory.SPECIAL_RETIREE;
            case 67 -> InsurerCategory.RETIREE_MEDICAL;
            default -> null;
        };
    }

    private static InvalidIdentifierException invalid(String message, String hint) {
        return new InvalidIdentifierException(ErrorCodes.INVALID_INSURER_NUMBER, message, hint);
    }
}
