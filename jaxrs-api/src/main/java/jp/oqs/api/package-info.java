/**
 * The published REST contract of the online qualification service: resource interfaces, request and response
 * records, the error body and the constants callers need. Vendors build against this jar; it holds no server code.
 */
package jp.oqs.api;
