package jp.oqs.api.health;

/** The forms of the health records' fields (the common ones are in {@link jp.oqs.api.Formats}). */
public final class HealthFormats {

    /** A 特定健診 item code: the standard's codes are 17 letters and digits. */
    public static final String ITEM_CODE = "[0-9A-Z]{1,17}";
    public static final String ITEM_CODE_MESSAGE = "must be an item code of the 特定健診 standard: 1-17 capital letters or digits";
    /** The longest value of an item (a measurement or a coded answer, or an unknown item's text). */
    public static final int ITEM_VALUE = 40;
    /** The longest unit. */
    public static final int UNIT = 20;
    /** Items of one check-up at most. */
    public static final int ITEMS = 200;
    /** A drug code: YJ (12 letters and digits) or the receipt code (9 digits). */
    public static final String DRUG_CODE = "[0-9A-Z]{9,12}";
    public static final String DRUG_CODE_MESSAGE = "must be a YJ code (12 capital letters or digits) or a receipt code (9 digits)";
    public static final int DRUG_CODE_LENGTH = 12;
    /** A drug's name as dispensed. */
    public static final int DRUG_NAME = 200;
    /** A dispensed quantity: up to seven digits and three decimals. */
    public static final String QUANTITY = "[0-9]{1,7}(\\.[0-9]{1,3})?";
    public static final String QUANTITY_MESSAGE = "must be a decimal number such as 14 or 1.5 (at most 7 digits and 3 decimals)";
    public static final int QUANTITY_LENGTH = 11;

    private HealthFormats() {
    }
}
