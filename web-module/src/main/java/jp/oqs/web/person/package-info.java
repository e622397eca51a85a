/**
 * A person's own card actions, without a bearer token (the card's signature over a challenge authenticates):
 * 健康保険証利用登録 and its withdrawal, and withdrawing a consent given at a clinic's reader.
 */
package jp.oqs.web.person;
