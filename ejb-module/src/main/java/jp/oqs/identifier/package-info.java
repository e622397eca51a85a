/**
 * Identifiers of the domain (保険者番号, 医療機関コード) as value objects, and the check-digit schemes they use.
 * Every rejection names the rule that failed.
 */
package jp.oqs.identifier;
