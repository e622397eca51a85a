/** REST boundary of the intermediate-server synchronisation: {@code /api/v1/sync}. */
package jp.oqs.web.sync;
