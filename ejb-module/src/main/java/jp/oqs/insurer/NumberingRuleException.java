package jp.oqs.insurer;

import jp.oqs.api.error.ErrorCodes;

/** A numbering rule that is malformed, misplaced in time, or missing where one is needed. */
public class NumberingRuleException extends InsurerException {

    private static final long serialVersionUID = 1L;

    private NumberingRuleException(Kind kind, String code, String message, String hint) {
        super(kind, code, message, hint);
    }

    static NumberingRuleException invalid(String message, String hint) {
        return new NumberingRuleException(Kind.INVALID, ErrorCodes.INVALID_NUMBERING_RULE, message, hint);
    }

    static NumberingRuleException notInFuture(java.time.LocalDate effectiveFrom, java.time.LocalDate today) {
        return new NumberingRuleException(Kind.INVALID, ErrorCodes.NUMBERING_RULE_DATE_NOT_IN_FUTURE,
                "採番ルールの変更は翌日以降の日付から指定してください。",
                "effectiveFrom " + effectiveFrom + " must be after today (" + today + ", Asia/Tokyo): "
                        + "a change applies to numbers assigned from then on and never rewrites history");
    }

    static NumberingRuleException notAfterLatest(java.time.LocalDate effectiveFrom, java.time.LocalDate latest) {
        return new NumberingRuleException(Kind.INVALID, ErrorCodes.NUMBERING_RULE_DATE_NOT_AFTER_LATEST,
                "採番ルールの適用開始日は、登録済みの最新ルールの適用開始日（" + latest + "）より後にしてください。",
                "effectiveFrom " + effectiveFrom + " must be after the latest registered rule's effectiveFrom "
                        + latest);
    }

    static NumberingRuleException required(String insurerNumber) {
        return new NumberingRuleException(Kind.CONFLICT, ErrorCodes.NUMBERING_RULE_REQUIRED,
                "採番ルールが登録されていないため、保険者を有効化できません。",
                "insurer " + insurerNumber + " has no numbering rule; POST one to "
                        + "/api/v1/admin/insurers/" + insurerNumber + "/numbering-rules before activation");
    }
}
