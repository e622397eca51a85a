package jp.oqs.devtools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * For crash tests of the embedded default: puts an HSQLDB file database's files, after its process was killed, into
 * the state a kill at a rarer moment leaves them in, one that a test's random kills seldom hit (each seen on CI or in
 * an engine-level torture run; ADR 0001, "Files a kill leaves torn").
 */
public final class KilledWrites {

    /** A backup record: an {@code int} length, a {@code long} position, a 16 KB page of the data file. */
    public static final int BACKUP_RECORD = Integer.BYTES + Long.BYTES + 16 * 1024;

    private KilledWrites() {
    }

    /**
     * As a kill while HSQLDB appended the last record of the data file's backup leaves the files: that record cut off
     * half way, and its page of the data file not yet overwritten (HSQLDB syncs each record before it writes the page
     * the record keeps), so the page is put back from the record. {@code database} is the path of the database
     * without extension, as in its URL. Returns false, changing nothing, when there is no backup record.
     */
    public static boolean cutLastBackupRecord(Path database) throws IOException {
        Path backup = sibling(database, ".backup");
        if (!Files.isRegularFile(backup) || Files.size(backup) < BACKUP_RECORD) {
            return false;
        }
        long last = Files.size(backup) - BACKUP_RECORD;
        ByteBuffer record = ByteBuffer.allocate(BACKUP_RECORD);
        try (FileChannel records = FileChannel.open(backup, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileChannel data = FileChannel.open(sibling(database, ".data"), StandardOpenOption.WRITE)) {
            while (record.hasRemaining()) {
                records.read(record, last + record.position());
            }
            long page = record.getLong(Integer.BYTES);
            data.write(record.position(Integer.BYTES + Long.BYTES), page);
            records.truncate(last + BACKUP_RECORD / 2);
        }
        return true;
    }

    /** As a kill between HSQLDB's deleting {@code .properties} and writing it anew leaves it: empty. */
    public static void emptyProperties(Path database) throws IOException {
        Files.write(sibling(database, ".properties"), new byte[0]);
    }

    private static Path sibling(Path database, String extension) {
        return database.resolveSibling(database.getFileName() + extension);
    }
}
