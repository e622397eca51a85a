/**
 * The benchmark harness's tools ({@code bin/oqs bench}): loading persons through the sync API, the bulk check, an
 * open-model (constant arrival rate) lookup generator and the chart of {@code docs/performance.md}. Not part of the
 * deployed application or of the tests.
 */
package jp.oqs.devtools.bench;
