/**
 * Development tools for the embedded default: a signing key generated into the data directory at first use, and
 * bearer tokens signed with it for trying the API and for tests. Production trusts only the issuer and key its
 * configuration names, never this key.
 */
package jp.oqs.devtools;
