/**
 * What one clinic may do against the harvesting of people's data by guessing: per-clinic limits on lookups per
 * minute and bulk entries per day, and the alert when a clinic's share of not-found answers spikes.
 */
package jp.oqs.clinic;
