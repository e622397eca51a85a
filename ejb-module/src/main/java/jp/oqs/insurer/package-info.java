/**
 * Insurer registry: the insurer aggregate with its lifecycle, and each insurer's effective-dated numbering-rule
 * history. {@link jp.oqs.insurer.InsurerService} owns the transactions; REST and the console both call it.
 */
package jp.oqs.insurer;
