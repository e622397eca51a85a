package jp.oqs.platform;

/** Fired once the schema is migrated at start (or on a later retry): the database can be written. */
public record SchemaMigrated(String version) {
}
