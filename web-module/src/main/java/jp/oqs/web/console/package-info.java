/**
 * The admin console (Jakarta Faces) for 支払基金 and 国保中央会 staff: small view-scoped backing beans that call
 * the same session beans as the admin REST API, every string from the {@code messages} bundles (Japanese by
 * default, English on request).
 */
package jp.oqs.web.console;
