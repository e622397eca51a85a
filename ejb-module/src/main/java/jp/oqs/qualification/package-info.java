/**
 * One qualification history per person across all insurers: persons (by the intermediate server's link key,
 * never a My Number), qualifications and their effective-dated versions, which are never rewritten.
 */
package jp.oqs.qualification;
