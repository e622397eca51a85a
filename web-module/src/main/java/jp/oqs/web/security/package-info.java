/**
 * Who the caller is: role checks on resource methods (401 without a valid token, 403 without the role), the
 * registry scope derived from the admin roles, and the claims each role must carry.
 */
package jp.oqs.web.security;
