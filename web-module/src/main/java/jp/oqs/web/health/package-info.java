/** MicroProfile Health: {@code /health/ready} is UP only when the database answers and is migrated. */
package jp.oqs.web.health;
