/**
 * Cross-cutting pieces every component uses: the business-failure base type, the service clock (Asia/Tokyo)
 * and the schema migration that runs at start.
 */
package jp.oqs.platform;
