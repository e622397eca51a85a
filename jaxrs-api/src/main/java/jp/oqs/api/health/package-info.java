/**
 * 特定健診 results and dispensed medications (薬剤情報), owned by the person across insurers: sent by insurers' sync
 * jobs, read by the person with the My Number card, and by a clinic only with the person's consent of that category.
 */
package jp.oqs.api.health;
