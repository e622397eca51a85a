/**
 * Health records (issue 12): 特定健診 results and dispensed medications, owned by the person across insurers.
 * Written by insurers' sync batches (exactly once, corrections keep what they replace), read by the person with the
 * card and by a clinic under the person's consent; every write and read is on the audit trail.
 */
package jp.oqs.health;
