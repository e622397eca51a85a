/**
 * What operators see of the service's work: application metrics through MicroProfile Metrics, which Payara serves
 * at {@code /metrics} in Prometheus text. Counts only, tagged with enums: never a person, a number or a token.
 */
package jp.oqs.metrics;
