/** Role names and token claims of the API's callers. */
package jp.oqs.api.security;
