/** REST boundary of the insurer registry: {@code /api/v1/admin/insurers}. */
package jp.oqs.web.insurer;
