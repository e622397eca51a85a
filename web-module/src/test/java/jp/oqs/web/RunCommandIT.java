package jp.oqs.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, {@code bin/oqs run}, started as an operator starts it: from the root directory prepared
 * for this build, with its class-data-sharing archive, and with the JDK's flight recorder on from the start (what an
 * operator adds to watch a server in production). A dynamic archive of the same start made such a JVM crash while
 * Payara deployed the application (the class file load hook that the recorder installs met a class Payara had
 * generated into the archive); this test failed with it. And the archive outlives a build of the same sources: every
 * Maven build writes Payara Micro's jar and the drivers again, and a start after it compares their contents before it
 * spends a minute preparing a new one.
 */
class RunCommandIT {

    @TempDir
    Path dataDir;

    @Test
    void startsFromItsClassDataArchiveWithTheFlightRecorderOn() throws Exception {
        Path classes = dataDir.resolve("classes.log");
        String options = "-Xms256m -Xmx1g -XX:StartFlightRecording:settings=profile,filename="
                + dataDir.resolve("start.jfr") + " -Xlog:class+load=info:file=" + classes
                + " -XX:ErrorFile=" + dataDir.resolve("hs_err_pid%p.log");
        try (MicroServer server = MicroServer.runCommand(dataDir, "run.log", options)) {
            HttpResponse<String> me = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.api().resolve("callers/me")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, me.statusCode(), "the application answers; without a token: 401");

            List<String> loaded = Files.readAllLines(classes, StandardCharsets.ISO_8859_1);
            long fromArchive = loaded.stream()
                    .filter(line -> line.contains("com.sun.ejb.") && line.contains("source: shared objects file"))
                    .count();
            assertTrue(fromArchive > 100, "the EJB container's classes come from the prepared archive ("
                    + fromArchive + " of them; is another server of this checkout running? "
                    + "bin/oqs run then starts from payara-micro.jar): " + dataDir.resolve("run.log"));
        }
    }

    @Test
    void keepsTheArchiveWhenABuildWroteTheSameJarsAgain() throws Exception {
        Path target = MicroServer.checkout().resolve("web-module/target");
        Path archive = target.resolve("micro-cds.jsa");
        assertEquals(0, prepare(dataDir.resolve("prepare.log")), "bin/oqs prepare: " + dataDir.resolve("prepare.log"));
        assertTrue(Files.exists(archive), "an archive prepared: " + dataDir.resolve("prepare.log"));
        BasicFileAttributes prepared = Files.readAttributes(archive, BasicFileAttributes.class);

        // what a rebuild of unchanged sources leaves: the same bytes, written later
        List<Path> jars = List.of(target.resolve("payara-micro.jar"), target.resolve("drivers/hsqldb.jar"),
                target.resolve("drivers/oqs-embedded-pool.jar"), target.resolve("drivers/ojdbc11.jar"));
        for (Path jar : jars) {
            Instant later = Files.getLastModifiedTime(jar).toInstant().plusSeconds(2);
            Instant now = Instant.now();
            Files.setLastModifiedTime(jar, FileTime.from(later.isAfter(now) ? later : now));
        }
        Path again = dataDir.resolve("prepare-again.log");
        assertEquals(0, prepare(again), "bin/oqs prepare after the rebuild: " + again);

        String output = Files.readString(again);
        assertFalse(output.contains("preparing"), "the same jars: no new archive, but: " + output);
        BasicFileAttributes kept = Files.readAttributes(archive, BasicFileAttributes.class);
        assertEquals(prepared.fileKey(), kept.fileKey(), "the archive prepared before the rebuild");
        assertEquals(prepared.lastModifiedTime(), kept.lastModifiedTime(), "the archive prepared before the rebuild");
        String stamp = Files.readString(target.resolve("micro-launcher/oqs-stamp"));
        long seconds = Files.getLastModifiedTime(jars.get(0)).to(TimeUnit.SECONDS);
        assertTrue(stamp.contains("payara-micro.jar " + Files.size(jars.get(0)) + " " + seconds),
                "the new times recorded, so the next start compares no contents: " + stamp);
    }

    /**
     * What makes the contents the same after a rebuild: the jars the archive depends on carry the build's fixed entry
     * times (runtime-libs.timestamp), not the times of a build. Within a day of it, whatever the time zone (a zip
     * entry's time is local).
     */
    @Test
    void theJarsTheArchiveDependsOnCarryTheFixedEntryTimes() throws Exception {
        Instant fixed = Instant.parse(System.getProperty("oqs.it.runtime-libs.timestamp"));
        Path target = MicroServer.checkout().resolve("web-module/target");
        List<String> otherTimes = new ArrayList<>();
        for (Path jar : List.of(target.resolve("payara-micro.jar"), target.resolve("drivers/oqs-embedded-pool.jar"))) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.stream().filter(entry -> !near(entry, fixed)).limit(3)
                        .forEach(entry -> otherTimes.add(jar.getFileName() + "!" + entry.getName()));
                ZipEntry guard = zip.getEntry("MICRO-INF/lib/oqs-http-guard.jar");
                if (guard != null) {
                    try (ZipInputStream inner = new ZipInputStream(zip.getInputStream(guard))) {
                        for (ZipEntry entry = inner.getNextEntry(); entry != null; entry = inner.getNextEntry()) {
                            if (!near(entry, fixed)) {
                                otherTimes.add("oqs-http-guard.jar!" + entry.getName());
                            }
                        }
                    }
                } else {
                    assertFalse(jar.endsWith("payara-micro.jar"), "the HTTP guard is in " + jar);
                }
            }
        }
        assertEquals(List.of(), otherTimes, "entries not at " + fixed + " (a build's time: every build would write "
                + "other bytes, and bin/oqs would prepare the archive again)");
    }

    private static boolean near(ZipEntry entry, Instant fixed) {
        Duration off = Duration.between(fixed, entry.getLastModifiedTime().toInstant()).abs();
        return off.compareTo(Duration.ofDays(1)) <= 0;
    }

    private static int prepare(Path log) throws Exception {
        Process prepare = MicroServer.oqs(log, "prepare", "--no-build").start();
        if (!prepare.waitFor(5, TimeUnit.MINUTES)) {
            prepare.destroyForcibly();
            return -1;
        }
        return prepare.exitValue();
    }
}
