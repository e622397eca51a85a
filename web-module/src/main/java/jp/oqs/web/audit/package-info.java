/** REST boundary of the audit trail and of a person's own access history. */
package jp.oqs.web.audit;
