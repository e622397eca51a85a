/**
 * The audit trail of every check (role {@code auditor}; admins see checks of their own insurers' people), its
 * chain verification, and a person's own access history (by My Number card certificate).
 */
package jp.oqs.api.audit;
