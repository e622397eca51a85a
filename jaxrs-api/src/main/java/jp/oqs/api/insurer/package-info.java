/**
 * Insurer registry contract: onboarding, lifecycle and each insurer's effective-dated numbering rule,
 * used by 支払基金 and 国保中央会 staff.
 */
package jp.oqs.api.insurer;
