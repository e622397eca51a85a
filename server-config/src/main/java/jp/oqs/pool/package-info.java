/**
 * The embedded default's connection pool class: HSQLDB's data source, which first finishes the crash recovery that
 * HSQLDB 2.7 leaves undone. Built into its own jar ({@code oqs-embedded-pool.jar}) and loaded beside
 * {@code hsqldb.jar} by Payara (Payara Micro's {@code --addlibs}, Payara Server's common libraries), never inside the
 * application.
 */
package jp.oqs.pool;
