package jp.oqs.api.claims;

/** How many claims a job holds, how many are resolved, and how many got each disposition. */
public record ClaimCounts(int total, int resolved, int keep, int reroute, int split, int relationshipCorrected,
                          int lostKeep, int notFound) {
}
