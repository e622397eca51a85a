/**
 * Installed into Payara's HTTP listener, not deployed with the application: answers a request whose path Payara
 * cannot decode with 400 and the service's error body, before Payara's request handling sees it. See
 * {@link jp.oqs.httpguard.MalformedPathFilter}.
 */
package jp.oqs.httpguard;
