/** The error body {@code {code, message, hint}} every endpoint answers with, and its stable codes. */
package jp.oqs.api.error;
