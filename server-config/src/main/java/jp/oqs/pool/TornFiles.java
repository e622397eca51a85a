package jp.oqs.pool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What a process killed at the wrong moment leaves half written in an HSQLDB 2.7 file database, where the engine
 * then refuses to open it at all. Two files are written in a way a kill can cut short and that the engine does not
 * expect to find cut short:
 * <ul>
 *   <li>{@code .backup}, the incremental backup: before HSQLDB overwrites a 16 KB page of the data file it appends
 *       the page's old contents as one record (an {@code int} length, a {@code long} position, the bytes) and
 *       syncs it. A kill during that append leaves a last record cut off. Opening after a crash restores every
 *       record, reads past the end of the file, and fails with "error in script file ... EOFException" (found by
 *       {@code TortureIT} on CI). The page of the cut-off record was not yet overwritten (the record is synced
 *       before), so dropping the record restores exactly what the engine would have.</li>
 *   <li>{@code .properties}: HSQLDB deletes it and writes it anew at every checkpoint and every open. A kill between
 *       the two leaves no file, which HSQLDB handles (it replays the script and the redo log), or an empty one, which
 *       it takes for a new database whose files are not yet written: the database opens without its schema and its
 *       users, and every connection is refused. Removing the empty file makes the open the recovery of a crash.</li>
 * </ul>
 * Called only while holding the database's lock file, so no live engine is writing these files.
 */
final class TornFiles {

    /** The length and position in front of each backup record. */
    private static final int RECORD_HEADER = Integer.BYTES + Long.BYTES;

    private TornFiles() {
    }

    /**
     * Repairs the files of the database at {@code database} (its path without extension, as in its URL); returns
     * what it changed, one sentence each, empty when nothing was torn.
     */
    static List<String> repair(Path database) throws IOException {
        List<String> repaired = new ArrayList<>();
        Path backup = sibling(database, ".backup");
        if (Files.isRegularFile(backup)) {
            try (FileChannel file = FileChannel.open(backup, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long length = file.size();
                long complete = completeRecords(file, length);
                if (complete < length) {
                    file.truncate(complete);
                    file.force(true);
                    repaired.add(String.format("%s ended in a record cut off by a kill: its last %d bytes were"
                            + " dropped (the page they were copying had not been overwritten)", backup,
                            length - complete));
                }
            }
        }
        Path properties = sibling(database, ".properties");
        if (Files.isRegularFile(properties) && Files.size(properties) == 0) {
            Files.delete(properties);
            repaired.add(properties + " was empty (a kill while HSQLDB rewrote it): removed, so that the open"
                    + " recovers from the script and the redo log instead of taking the database for a new one");
        }
        return repaired;
    }

    /** The length of the backup's complete records: its whole length unless the last record was cut off. */
    private static long completeRecords(FileChannel file, long length) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER);
        long position = 0;
        while (position < length) {
            if (length - position < RECORD_HEADER) {
                return position;
            }
            header.clear();
            while (header.hasRemaining() && file.read(header, position + header.position()) >= 0) {
                // a positional read may return fewer bytes than asked
            }
            int size = header.getInt(0);
            if (size < 0) {
                return length; // not a cut-off record but a damaged one: left for the engine to report
            }
            long next = position + RECORD_HEADER + size;
            if (next > length) {
                return position;
            }
            position = next;
        }
        return length;
    }

    private static Path sibling(Path database, String extension) {
        return database.resolveSibling(database.getFileName() + extension);
    }
}
