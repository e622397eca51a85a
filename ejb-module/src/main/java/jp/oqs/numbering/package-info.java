/**
 * Individual-unit numbers: each insurer's rule in force on the acquisition day makes the number (central
 * generation, the insurer's registered format, 後期 zero-padding, or 記号・番号 + 枝番). Numbers are never reused.
 */
package jp.oqs.numbering;
