package jp.oqs.api.health;

/**
 * One item of a check-up as answered.
 *
 * @param item           the standard item, null for a code this service does not know (kept as sent)
 * @param label          the item's Japanese name (the code for an unknown item)
 * @param value          as sent; for a coded answer, the answer code
 * @param display        the value for people: a measurement as sent, a coded answer with its label (e.g. {@code ±})
 * @param referenceRange the reference range in words (e.g. {@code 40以上}, {@code 130未満}, {@code −}), null when none
 * @param outOfRange     whether the value is outside the reference range; null when the item has none
 */
public record CheckupItemView(CheckupItem item, String code, String label, String value, String unit, String display,
                              String referenceRange, Boolean outOfRange) {
}
