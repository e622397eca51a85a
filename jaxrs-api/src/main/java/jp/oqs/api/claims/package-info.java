/**
 * レセプト振替・分割: claims checked against the central qualification history before billing, for 支払基金 and
 * 国保中央会 operators; what each claim should carry (disposition, reason, segments by date).
 */
package jp.oqs.api.claims;
