/**
 * Console staff accounts: who may sign in to the admin console, with which role, under a salted PBKDF2 hash;
 * the first administrator of each organisation from configuration.
 */
package jp.oqs.staff;
