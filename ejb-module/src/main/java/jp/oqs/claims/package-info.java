/**
 * レセプト振替・分割: claims of a month checked against each person's qualification history across insurers, in
 * background jobs of up to 100,000 claims, with the clinics' 資格確認結果連絡書. The routing rule is pure
 * ({@link jp.oqs.claims.ClaimRouting}); the jobs reuse the chunked-job runner of the bulk checks.
 */
package jp.oqs.claims;
