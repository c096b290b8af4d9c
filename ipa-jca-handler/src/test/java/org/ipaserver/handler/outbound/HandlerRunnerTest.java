package org.ipaserver.handler.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.ipaserver.handler.HandlerException;
import org.ipaserver.handler.HandlerRequest;
import org.ipaserver.handler.HandlerResult;
import org.ipaserver.handler.HandlerTimeoutException;
import org.ipaserver.handler.UnknownHandlerException;
import org.ipaserver.handler.spi.EchoHandler;
import org.ipaserver.handler.spi.Handler;
import org.ipaserver.handler.spi.SleepHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandlerRunnerTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final HandlerRunner runner = runner(threads);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void echoAnswersItsInputs() {
        var result = runner.run("echo", Map.of("customer", "42", "note", "hi"), Duration.ofSeconds(5));

        assertEquals(Map.of("customer", "42", "note", "hi"), result.outputs());
        assertEquals(HandlerResult.SUCCESS, result.exitPath());
    }

    @Test
    void aSlowHandlerTimesOutAndIsInterrupted() throws InterruptedException {
        long start = System.nanoTime();

        var e = assertThrows(HandlerTimeoutException.class,
                () -> runner.run("blocking", Map.of(), Duration.ofMillis(200)));

        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waited >= 200 && waited < 2_000, "waited " + waited + " ms");
        assertEquals("Handler 'blocking' did not answer within 200 ms", e.getMessage());
        assertEquals(Duration.ofMillis(200), e.timeout());
        assertTrue(interrupted.await(2, TimeUnit.SECONDS), "the handler's thread was not interrupted");
    }

    @Test
    void sleepFinishingWithinItsTimeoutAnswers() {
        var result = runner.run("sleep", Map.of("millis", "20"), Duration.ofSeconds(5));

        assertEquals(Map.of("millis", "20"), result.outputs());
    }

    @Test
    void zeroWaitsWithoutLimit() {
        var result = runner.run("sleep", Map.of("millis", "300"), Duration.ZERO);

        assertEquals(HandlerResult.SUCCESS, result.exitPath());
    }

    @Test
    void anUnknownHandlerIsRefusedBeforeAnythingRuns() {
        var e = assertThrows(UnknownHandlerException.class, () -> runner.run("nope", Map.of(), Duration.ZERO));

        assertEquals("nope", e.handlerName());
    }

    @Test
    void aFailingHandlerIsReportedWithItsCause() {
        var e = assertThrows(HandlerException.class,
                () -> runner.run("sleep", Map.of("millis", "later"), Duration.ofSeconds(5)));

        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(e.getMessage().startsWith("Handler 'sleep' failed"), e.getMessage());
    }

    @Test
    void aHandlerWithoutResultFails() {
        var e = assertThrows(HandlerException.class, () -> runner.run("silent", Map.of(), Duration.ofSeconds(5)));

        assertEquals("Handler 'silent' returned no result", e.getMessage());
    }

    @Test
    void aRefusedStartIsAHandlerFailure() {
        var refusing = runner(task -> {
            throw new RejectedExecutionException("pool exhausted");
        });

        var e = assertThrows(HandlerException.class, () -> refusing.run("echo", Map.of(), Duration.ZERO));
        assertInstanceOf(RejectedExecutionException.class, e.getCause());
    }

    @Test
    void aNegativeTimeoutIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> runner.run("echo", Map.of(), Duration.ofMillis(-1)));
    }

    @Test
    void sleepOutlastingItsTimeoutTimesOut() {
        var e = assertThrows(HandlerTimeoutException.class,
                () -> runner.run("sleep", Map.of("millis", "5000"), Duration.ofMillis(50)));

        assertEquals("sleep", e.handlerName());
    }

    @Test
    void aHandlerReadingTheRequestSeesTheIds() {
        var result = runner.run(new HandlerRequest("ids", Map.of(), Duration.ofSeconds(5), "call-7", "flow-3/call-7"));

        assertEquals(Map.of("call", "call-7", "key", "flow-3/call-7"), result.outputs());
    }

    private HandlerRunner runner(java.util.concurrent.Executor executor) {
        Handler ids = new Handler() {
            @Override
            public String name() {
                return "ids";
            }

            @Override
            public HandlerResult run(HandlerRequest request) {
                return HandlerResult.success(Map.of("call", request.callId(), "key", request.idempotencyKey()));
            }
        };
        Handler blocking = new Handler() {
            @Override
            public String name() {
                return "blocking";
            }

            @Override
            public HandlerResult run(Map<String, String> inputs) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return HandlerResult.failure(Map.of());
            }
        };
        Handler silent = new Handler() {
            @Override
            public String name() {
                return "silent";
            }

            @Override
            public HandlerResult run(Map<String, String> inputs) {
                return null;
            }
        };
        return new HandlerRunner(
                new HandlerRegistry(List.of(new EchoHandler(), new SleepHandler(), blocking, silent, ids)), executor);
    }
}
