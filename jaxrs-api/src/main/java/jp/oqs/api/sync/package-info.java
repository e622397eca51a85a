/**
 * Intermediate-server (中間サーバー) synchronisation contract: exactly-once record batches, overlap notices
 * (資格喪失の注意喚起) and the changes feed. Role {@code insurer-sync}, only for the insurers in the token's
 * {@code insurerNumbers} claim.
 */
package jp.oqs.api.sync;
