/**
 * The audit trail: every check is recorded in the transaction that decides its answer, in 16 hash chains that
 * make a changed, removed or inserted entry detectable. The application only ever inserts entries.
 */
package jp.oqs.audit;
