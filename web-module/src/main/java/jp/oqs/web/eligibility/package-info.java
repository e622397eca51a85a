/** REST boundary of the clinics' eligibility checks: {@code /api/v1/eligibility}. */
package jp.oqs.web.eligibility;
