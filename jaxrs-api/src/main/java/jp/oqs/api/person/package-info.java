/**
 * What a person does with the My Number card, without a bearer token (the card's signature over a challenge is the
 * credential): 健康保険証利用登録 (linking the card to the person's qualification) and its withdrawal, and the
 * withdrawal of a consent given at a clinic's reader. Challenges come from {@code GET persons/access-history/challenge}.
 */
package jp.oqs.api.person;
