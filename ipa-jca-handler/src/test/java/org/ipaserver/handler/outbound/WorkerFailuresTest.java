package org.ipaserver.handler.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.ConnectionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ipaserver.handler.HandlerException;
import org.ipaserver.handler.HandlerTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers that time out, exit or break the protocol: the call fails with a HandlerException that
 * says what happened (never what the worker wrote), the worker is killed, the pool hears of a
 * connection error and the next call gets a fresh worker.
 */
class WorkerFailuresTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final long GRACE_MILLIS = 2_000;

    @TempDir
    Path root;

    private WorkerFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new WorkerFixture(root);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void aWorkerPastItsTimeoutIsKilledAndReplaced() throws Exception {
        fixture.programs.write("slow", """
                echo $$ > "%s"
                while IFS= read -r line; do
                  case "$line" in
                    *'"mode":"slow"'*) sleep 30 & echo $! > "%s"; wait $! ;;
                  esac
                  printf '{"exit":"success","outputs":{"pid":"%%s"}}\\n' "$$"
                done
                """.formatted(root.resolve("slow.pid"), root.resolve("sleep.pid")));
        long start = System.nanoTime();

        var e = assertThrows(HandlerTimeoutException.class, () -> fixture.run("slow", Map.of("mode", "slow"), TIMEOUT));

        long waited = elapsedMillis(start);
        assertTrue(waited >= TIMEOUT.toMillis() && waited < TIMEOUT.toMillis() + 1_500, "waited " + waited + " ms");
        assertEquals("slow", e.handlerName());
        assertEquals(TIMEOUT, e.timeout());
        var killed = pid("slow.pid");
        assertDead(killed);
        assertDead(pid("sleep.pid"));
        assertOneConnectionError(e);
        var next = fixture.run("slow", Map.of("mode", "quick"), TIMEOUT).outputs().get("pid");
        assertNotEquals(Long.toString(killed), next, "the killed worker was asked again");
    }

    @Test
    void aWorkerIgnoringSigtermDiesAfterTheGracePeriod() throws Exception {
        fixture.programs.write("stubborn", """
                trap '' TERM
                echo $$ > "%s"
                while IFS= read -r line; do
                  sleep 30 & echo $! > "%s"; wait $!
                done
                """.formatted(root.resolve("stubborn.pid"), root.resolve("sleep.pid")));
        long start = System.nanoTime();

        var e = assertThrows(HandlerTimeoutException.class, () -> fixture.run("stubborn", Map.of(), TIMEOUT));

        long waited = elapsedMillis(start);
        assertTrue(waited >= TIMEOUT.toMillis() + GRACE_MILLIS - 100, "killed before the grace period: " + waited + " ms");
        assertTrue(waited < TIMEOUT.toMillis() + GRACE_MILLIS + 1_500, "waited " + waited + " ms");
        assertDead(pid("stubborn.pid"));
        assertDead(pid("sleep.pid"));
        assertOneConnectionError(e);
    }

    @Test
    void aWorkerThatDoesNotReadCannotHoldALargeRequestPastItsTimeout() throws Exception {
        fixture.programs.write("deaf", """
                echo $$ > "%s"
                exec sleep 30
                """.formatted(root.resolve("deaf.pid")));
        long start = System.nanoTime();

        assertThrows(HandlerTimeoutException.class,
                () -> fixture.run("deaf", Map.of("Document", "x".repeat(500_000)), TIMEOUT));

        long waited = elapsedMillis(start);
        assertTrue(waited < TIMEOUT.toMillis() + 1_500, "waited " + waited + " ms");
        assertDead(pid("deaf.pid"));
        assertEquals(1, fixture.pool.errors.size());
    }

    @Test
    void garbageIsAProtocolErrorThatDoesNotRepeatTheGarbage() throws Exception {
        fixture.programs.write("garbage", """
                while IFS= read -r line; do echo "secret-4711 is not JSON"; done
                """);

        var e = assertThrows(HandlerException.class, () -> fixture.run("garbage"));

        assertTrue(e.getMessage().contains("broke the protocol: the answer is not one JSON object"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertOneConnectionError(e);
    }

    @Test
    void anAnswerWithoutExitIsAProtocolError() throws Exception {
        fixture.programs.write("no-exit", """
                while IFS= read -r line; do echo '{"outputs":{"Account":"secret-4711"}}'; done
                """);

        var e = assertThrows(HandlerException.class, () -> fixture.run("no-exit"));

        assertTrue(e.getMessage().contains("the answer has no exit"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertOneConnectionError(e);
    }

    @Test
    void anAnswerOverTheSizeLimitIsAProtocolError() throws Exception {
        fixture.programs.write("flood", """
                while IFS= read -r line; do head -c 3000000 /dev/zero | tr '\\000' 'a'; echo; done
                """);

        var e = assertThrows(HandlerException.class, () -> fixture.run("flood"));

        assertTrue(e.getMessage().contains("its answer is longer than 1048576 bytes"), e.getMessage());
        assertOneConnectionError(e);
    }

    @Test
    void aWorkerExitingMidCallFailsTheCallWithItsStatus() throws Exception {
        fixture.programs.write("quitter", """
                IFS= read -r line
                exit 3
                """);

        var e = assertThrows(HandlerException.class, () -> fixture.run("quitter"));

        assertTrue(e.getMessage().matches("Handler 'quitter' \\(worker pid \\d+\\) exited with status 3 before answering;.*"),
                e.getMessage());
        assertOneConnectionError(e);
    }

    @Test
    void aWorkerKilledMidCallFailsTheCall() throws Exception {
        fixture.programs.write("victim", """
                while IFS= read -r line; do kill -9 $$; done
                """);

        var e = assertThrows(HandlerException.class, () -> fixture.run("victim"));

        assertTrue(e.getMessage().contains("exited with status 137 before answering"), e.getMessage());
        assertOneConnectionError(e);
    }

    @Test
    void afterAnErrorTheNextCallGetsAFreshWorker() throws Exception {
        fixture.programs.write("flaky", """
                while IFS= read -r line; do
                  case "$line" in
                    *'"mode":"break"'*) echo 'not json' ;;
                    *) printf '{"exit":"success","outputs":{"pid":"%s"}}\\n' "$$" ;;
                  esac
                done
                """);
        var before = fixture.run("flaky").outputs().get("pid");

        assertThrows(HandlerException.class, () -> fixture.run("flaky", Map.of("mode", "break"), TIMEOUT));
        var after = fixture.run("flaky").outputs().get("pid");

        assertNotEquals(before, after);
        assertDead(Long.parseLong(before));
        assertEquals(1, fixture.pool.size());
    }

    private void assertOneConnectionError(HandlerException thrown) {
        assertEquals(1, fixture.pool.errors.size());
        var event = fixture.pool.errors.get(0);
        assertEquals(ConnectionEvent.CONNECTION_ERROR_OCCURRED, event.getId());
        assertSame(thrown, event.getException());
        assertEquals(0, fixture.pool.size());
        assertEquals(0, fixture.adapter.launcher().liveWorkers());
    }

    private long pid(String file) throws Exception {
        return Long.parseLong(Files.readString(root.resolve(file)).trim());
    }

    private static void assertDead(long pid) throws Exception {
        // Killed processes that are not our children are reaped by init, a moment later.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                var info = ProcessHandle.of(pid).map(p -> p.info() + " parent " + p.parent()).orElse("");
                var ps = new String(new ProcessBuilder("ps", "-o", "pid,ppid,stat,etime,cmd", "-p", Long.toString(pid))
                        .start().getInputStream().readAllBytes());
                throw new AssertionError("process " + pid + " is still alive: " + info + "\n" + ps);
            }
            Thread.sleep(20);
        }
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
