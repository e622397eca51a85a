/**
 * Intermediate-server synchronisation: batches applied exactly once with their per-record results, overlap
 * notices (資格喪失の注意喚起) and each insurer's changes feed.
 */
package jp.oqs.sync;
