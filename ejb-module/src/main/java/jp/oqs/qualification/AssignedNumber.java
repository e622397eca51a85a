package jp.oqs.qualification;

import jp.oqs.api.insurer.NumberingRuleKind;

/**
 * The individual-unit number a qualification gets from its insurer's rule: an individual number, or (for
 * HOUSEHOLD_BRANCH) the 記号・番号 with a 2-digit 枝番.
 */
public record AssignedNumber(NumberingRuleKind rule, String individualNumber, String branchNumber) {
}
