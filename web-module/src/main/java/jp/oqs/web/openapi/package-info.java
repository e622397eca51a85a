/** The OpenAPI document at {@code /openapi}, built from the published contract's interfaces and records. */
package jp.oqs.web.openapi;
