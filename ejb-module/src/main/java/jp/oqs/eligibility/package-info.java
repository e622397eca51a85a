/**
 * Eligibility checks: what a clinic is told about a qualification as of a visit date, by card numbers or by My
 * Number card certificate, one at a time or in bulk; each answer is audited in the transaction that decides it.
 */
package jp.oqs.eligibility;
