package rapport.cli;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;
import rapport.FreshDatabase;
import rapport.TestDatabase;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jar's command line: help, version, usage mistakes, and imports that fail with one clear line. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandLineTest implements FreshDatabase {

    @Inject
    EmbeddedServer server;

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static Run run(String... args) {
        ServeCommand serve = new ServeCommand();
        CommandLine cli = RapportCommand.commandLine(serve);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        assertFalse(serve.running(), "no server may start for " + String.join(" ", args));
        return new Run(code, out.toString(), err.toString());
    }

    private String url() {
        return server.getURL().toString();
    }

    /** The last line of the error output, after checking that no stack trace came with it. */
    private static String failure(Run run) {
        assertEquals(1, run.code(), run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.err());
        List<String> lines = run.errLines();
        return lines.get(lines.size() - 1);
    }

    @Test
    void helpListsTheCommandsAndStartsNothing() {
        Run help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("serve") && help.out().contains("import"), help.out());
        Run importHelp = run("import", "--help");
        assertEquals(0, importHelp.code());
        assertTrue(importHelp.out().contains("--format"), importHelp.out());
    }

    @Test
    void versionNamesRapport() {
        Run version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("Rapport "), version.out());
    }

    @Test
    void anUnknownCommandPrintsTheUsageAndExitsWithTwo() {
        Run typo = run("serv");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("Unmatched argument") && typo.err().contains("Usage: rapport"), typo.err());
        assertEquals(2, run("import", "--format", "messages").code(), "FILE is required");
    }

    @Test
    void anUnreachableServerIsOneLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run run = run("import", "--format", "messages", "docs/samples/messages.csv",
                "--server", "http://localhost:" + closedPort, "--token", TestDatabase.ADMIN_TOKEN);
        assertEquals("rapport: cannot reach the server at http://localhost:" + closedPort + " (is it running? see --server)", failure(run));
    }

    @Test
    void aWrongTokenIsOneLine() {
        Run run = run("import", "--format", "messages", "docs/samples/messages.csv", "--server", url(),
                "--token", "rpt_not-a-token-of-this-server-0000");
        assertEquals("rapport: the server did not accept the token (401): it is wrong or revoked", failure(run));
    }

    @Test
    void aRefusedFileIsOneLineWithTheServersReason() {
        Run run = run("import", "--format", "followers", "docs/samples/messages.csv", "--server", url(),
                "--token", TestDatabase.ADMIN_TOKEN);
        String line = failure(run);
        assertTrue(line.startsWith("rapport: the server refused the file: ") && line.contains("day"), line);
    }

    @Test
    void aMissingFileIsOneLine() {
        Run run = run("import", "--format", "messages", "no-such-file.csv", "--server", url(), "--token", TestDatabase.ADMIN_TOKEN);
        assertEquals("rapport: no such file: no-such-file.csv", failure(run));
    }

    @Test
    void aFileImportsAndTheSummarySaysWhatHappened() throws Exception {
        Path file = Files.createTempFile("surveys", ".csv");
        Files.writeString(file, "network,author_id,day,score\nx,cli1,2026-01-08,9\nx,cli2,2026-01-08,eleven\n");
        Run run = run("import", "--format", "surveys", file.toString(), "--server", url(), "--token", TestDatabase.ADMIN_TOKEN);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith(file.getFileName() + ": 2 rows read, 1 new, 0 updated, 0 unchanged, 1 rejected"), run.out());
        assertTrue(run.out().contains("line 3, score:"), run.out());
    }
}
