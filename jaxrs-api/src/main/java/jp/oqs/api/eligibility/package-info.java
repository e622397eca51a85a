/**
 * Eligibility checks for clinics and pharmacies (role {@code clinic}): qualification as of a visit date by card
 * numbers and birth date, by My Number card certificate, and in bulk (一括照会). The clinic's 医療機関コード comes
 * from its token; identifying numbers travel in bodies, never in URLs.
 */
package jp.oqs.api.eligibility;
