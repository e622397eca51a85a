package jp.oqs.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, {@code bin/oqs run}, started as an operator starts it: from the root directory prepared
 * for this build, with its class-data-sharing archive, and with the JDK's flight recorder on from the start (what an
 * operator adds to watch a server in production). A dynamic archive of the same start made such a JVM crash while
 * Payara deployed the application (the class file load hook that the recorder installs met a class Payara had
 * generated into the archive); this test failed with it.
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
}
