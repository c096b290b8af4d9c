package org.ipaserver.handler.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.ipaserver.handler.HandlerConnection;
import org.ipaserver.handler.HandlerException;
import org.ipaserver.handler.HandlerRequest;
import org.ipaserver.handler.HandlerResult;
import org.ipaserver.handler.UnknownHandlerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Handler programs as worker processes: answers, reuse, names. Failures are in WorkerFailuresTest. */
class WorkerHandlersTest {

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
    void aSuccessAnswerBecomesTheResult() throws Exception {
        fixture.programs.write("lookup", """
                while IFS= read -r line; do
                  printf '{"exit":"success","outputs":{"Customer":"42","Tier":"gold"}}\\n'
                done
                """);

        var result = fixture.run("lookup");

        assertEquals(HandlerResult.SUCCESS, result.exitPath());
        assertEquals(Map.of("Customer", "42", "Tier", "gold"), result.outputs());
        assertEquals("", result.message());
    }

    @Test
    void aFailureAnswerCarriesItsMessage() throws Exception {
        fixture.programs.write("strict", """
                while IFS= read -r line; do
                  printf '{"exit":"failure","outputs":{},"message":"CreditScore is missing"}\\n'
                done
                """);

        var result = fixture.run("strict");

        assertEquals(HandlerResult.FAILURE, result.exitPath());
        assertEquals("CreditScore is missing", result.message());
    }

    @Test
    void aNamedExitIsPassedOn() throws Exception {
        fixture.programs.write("review", """
                while IFS= read -r line; do
                  printf '{"exit":"declined","outputs":{"Reason":"policy"}}\\n'
                done
                """);

        var result = fixture.run("review");

        assertEquals("declined", result.exitPath());
        assertEquals(Map.of("Reason", "policy"), result.outputs());
    }

    @Test
    void theWorkerGetsTheCallIdTheIdempotencyKeyAndTheInputs() throws Exception {
        fixture.programs.write("ids", """
                field() { printf '%s' "$line" | sed -n "s/.*\\"$1\\":\\"\\([^\\"]*\\)\\".*/\\1/p"; }
                while IFS= read -r line; do
                  printf '{"exit":"success","outputs":{"call":"%s","key":"%s","handler":"%s","amount":"%s"}}\\n' \\
                    "$(field call)" "$(field idempotencyKey)" "$(field handler)" "$(field LoanAmount)"
                done
                """);

        var result = fixture.run("ids", Map.of("LoanAmount", "25000"), Duration.ofSeconds(10));

        assertEquals(Map.of("call", "call-1", "key", "flow-9/call-1", "handler", "ids", "amount", "25000"),
                result.outputs());
    }

    @Test
    void oneWorkerServesCallAfterCall() throws Exception {
        fixture.programs.write("pid", HandlerPrograms.PID);

        var first = fixture.run("pid").outputs().get("pid");
        for (int i = 0; i < 5; i++) {
            assertEquals(first, fixture.run("pid").outputs().get("pid"));
        }
        assertEquals(1, fixture.pool.size());
        assertTrue(ProcessHandle.of(Long.parseLong(first)).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void thePoolKeepsAWorkerPerHandler() throws Exception {
        fixture.programs.write("a", HandlerPrograms.PID);
        fixture.programs.write("b", HandlerPrograms.PID);

        var a = fixture.run("a").outputs().get("pid");
        var b = fixture.run("b").outputs().get("pid");

        assertNotEquals(a, b);
        assertEquals(a, fixture.run("a").outputs().get("pid"));
        assertEquals(b, fixture.run("b").outputs().get("pid"));
        assertEquals(2, fixture.pool.size());
    }

    @Test
    void aConnectionMeantForOneHandlerCanRunAnother() throws Exception {
        fixture.programs.write("a", HandlerPrograms.PID);
        fixture.programs.write("b", HandlerPrograms.PID);

        try (var connection = fixture.connections.getConnection("a")) {
            var a = connection.run("a", Map.of(), Duration.ofSeconds(10)).outputs().get("pid");
            var b = connection.run("b", Map.of(), Duration.ofSeconds(10)).outputs().get("pid");
            assertNotEquals(a, b);
            assertFalse(ProcessHandle.of(Long.parseLong(a)).map(ProcessHandle::isAlive).orElse(false),
                    "a connection holds one worker: a's made way for b's");
        }
    }

    @Test
    void aLargeRequestReachesTheWorker() throws Exception {
        fixture.programs.write("length", """
                while IFS= read -r line; do printf '{"exit":"success","outputs":{"length":"%s"}}\\n' "${#line}"; done
                """);
        var document = "x".repeat(300_000);

        var length = fixture.run("length", Map.of("Document", document), Duration.ofSeconds(10)).outputs().get("length");

        assertTrue(Integer.parseInt(length) > 300_000, length);
    }

    @Test
    void zeroWaitsWithoutLimit() throws Exception {
        fixture.programs.write("pid", HandlerPrograms.PID);

        assertEquals(HandlerResult.SUCCESS, fixture.run("pid", Map.of(), Duration.ZERO).exitPath());
    }

    @Test
    void aWorkerThatEndedWhileIdleIsReplacedWithoutError() throws Exception {
        fixture.programs.write("once", """
                IFS= read -r line
                printf '{"exit":"success","outputs":{"pid":"%s"}}\\n' "$$"
                """);

        var first = fixture.run("once").outputs().get("pid");
        Thread.sleep(300);
        var second = fixture.run("once").outputs().get("pid");

        assertNotEquals(first, second);
        assertTrue(fixture.pool.errors.isEmpty());
    }

    @Test
    void aPoolThatValidatesDropsConnectionsWhoseWorkerEnded() throws Exception {
        fixture.programs.write("once", """
                IFS= read -r line
                printf '{"exit":"success"}\\n'
                """);
        fixture.programs.write("pid", HandlerPrograms.PID);
        var factory = new HandlerManagedConnectionFactory();
        factory.setHandlersDirectory(fixture.programs.folder().toString());
        factory.setResourceAdapter(fixture.adapter);
        var ended = (HandlerManagedConnection) factory.createManagedConnection(null, new HandlerRequestInfo("once"));
        var alive = (HandlerManagedConnection) factory.createManagedConnection(null, new HandlerRequestInfo("pid"));
        var unused = factory.createManagedConnection(null, null);
        try {
            for (var connection : List.of(ended, alive)) {
                try (var handle = (HandlerConnection) connection.getConnection(null, null)) {
                    handle.run(connection.handlerName(), Map.of(), Duration.ofSeconds(10));
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!ended.hasBrokenWorker() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertEquals(Set.of(ended), factory.getInvalidConnections(Set.of(ended, alive, unused)));
        } finally {
            ended.destroy();
            alive.destroy();
            unused.destroy();
        }
    }

    @Test
    void standardErrorGoesToTheLogLineByLine() throws Exception {
        fixture.programs.write("chatty", """
                echo "starting up" >&2
                while IFS= read -r line; do
                  echo "working on it" >&2
                  printf '{"exit":"success"}\\n'
                done
                """);
        var records = new CopyOnWriteArrayList<LogRecord>();
        var logger = Logger.getLogger("org.ipaserver.handler.worker.chatty");
        var capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            assertEquals(HandlerResult.SUCCESS, fixture.run("chatty").exitPath());
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (records.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            logger.removeHandler(capture);
        }
        var lines = records.stream().map(LogRecord::getMessage).toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("chatty [pid ") && lines.get(0).endsWith("]: starting up"), lines.get(0));
        assertTrue(lines.get(1).endsWith("]: working on it"), lines.get(1));
    }

    @Test
    void aJavaHandlerOfTheSameNameTakesPrecedence() throws Exception {
        fixture.programs.write("echo", HandlerPrograms.PID);

        assertEquals(Map.of("x", "1"), fixture.run("echo", Map.of("x", "1"), Duration.ofSeconds(5)).outputs());
        assertEquals(0, fixture.adapter.launcher().liveWorkers());
    }

    @Test
    void namesThatWouldLeaveTheFolderAreRefusedBeforeAnythingRuns() throws Exception {
        var outside = root.resolve("outside");
        Files.writeString(outside, "#!/bin/sh\ntouch \"" + root.resolve("ran") + "\"\n");
        outside.toFile().setExecutable(true);
        fixture.programs.write(".hidden", HandlerPrograms.PID);

        for (var name : List.of("../outside", outside.toString(), "./../outside", "..", ".hidden", "handlers/../../outside")) {
            assertThrows(UnknownHandlerException.class, () -> fixture.run(name), name);
        }
        assertEquals(0, fixture.adapter.launcher().liveWorkers());
        assertFalse(Files.exists(root.resolve("ran")));
    }

    @Test
    void anUnknownHandlerNamesBothKinds() throws Exception {
        fixture.programs.write("score", HandlerPrograms.PID);
        Files.writeString(fixture.programs.folder().resolve("notes.txt"), "not a program");

        var e = assertThrows(UnknownHandlerException.class, () -> fixture.run("notes.txt"));

        assertEquals("No handler named 'notes.txt' is installed (installed: echo, score, sleep)", e.getMessage());
    }

    @Test
    void aProgramThatCannotStartIsAHandlerFailure() throws Exception {
        fixture.programs.write("broken", "");
        Files.writeString(fixture.programs.folder().resolve("broken"), "#!/no/such/interpreter\n");

        var e = assertThrows(HandlerException.class, () -> fixture.run("broken"));

        assertTrue(e.getMessage().startsWith("Handler 'broken' could not be started"), e.getMessage());
    }

    @Test
    void stoppingTheAdapterStopsItsWorkers() throws Exception {
        fixture.programs.write("pid", HandlerPrograms.PID);
        var pid = Long.parseLong(fixture.run("pid").outputs().get("pid"));

        fixture.adapter.stop();

        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void theRequestMayComeAsARecordOrAsArguments() throws Exception {
        fixture.programs.write("pid", HandlerPrograms.PID);

        try (var connection = fixture.connections.getConnection()) {
            assertEquals(HandlerResult.SUCCESS, connection.run("pid", Map.of()).exitPath());
            assertEquals(HandlerResult.SUCCESS,
                    connection.run(HandlerRequest.of("pid", Map.of(), Duration.ofSeconds(5))).exitPath());
        }
    }
}
