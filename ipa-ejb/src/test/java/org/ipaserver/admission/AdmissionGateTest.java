package org.ipaserver.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ipaserver.admission.AdmissionGate.Load;
import org.ipaserver.admission.AdmissionGate.Settings;
import org.ipaserver.admission.AdmissionGate.WhenOverloaded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admission of launches, with real threads waiting on the gate. */
class AdmissionGateTest {

    private final java.util.concurrent.ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static AdmissionGate gate(int permits, long overloadedAfterMillis, WhenOverloaded when, long maxWaitMillis,
                                      int maxQueue) {
        return new AdmissionGate(new Settings(permits, Duration.ofMillis(overloadedAfterMillis), when,
                Duration.ofMillis(maxWaitMillis), maxQueue), System::nanoTime);
    }

    /** A launch that takes a permit in another thread and holds it until told. */
    private Future<String> launch(AdmissionGate gate, CountDownLatch done) {
        return threads.submit(() -> {
            try {
                gate.admit();
            } catch (AdmissionGate.Overloaded e) {
                return "refused: " + e.getMessage();
            }
            try {
                done.await();
                return "launched";
            } finally {
                gate.release();
            }
        });
    }

    private static void waitFor(AdmissionGate gate, java.util.function.Predicate<InstanceLoad> condition)
            throws InterruptedException {
        for (int i = 0; i < 500 && !condition.test(gate.snapshot()); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.test(gate.snapshot()), gate.snapshot().toString());
    }

    @Test
    void launchesWithinThePermitsGoAtOnceAndTheLoadSaysSo() throws Exception {
        var gate = gate(2, 200, WhenOverloaded.REFUSE, 0, 100);
        assertEquals(Load.IDLE, gate.load());
        var done = new CountDownLatch(1);
        var first = launch(gate, done);
        waitFor(gate, s -> s.running() == 1);
        assertEquals(Load.NORMAL, gate.load());
        var second = launch(gate, done);
        waitFor(gate, s -> s.running() == 2);
        assertEquals(Load.BUSY, gate.load(), "every permit is taken");
        done.countDown();
        assertEquals("launched", first.get(5, TimeUnit.SECONDS));
        assertEquals("launched", second.get(5, TimeUnit.SECONDS));
        assertEquals(Load.NORMAL, gate.load(), "launched lately");
        assertEquals(2, gate.snapshot().admitted());
    }

    @Test
    void whenRefusingALaunchThatWaitedTooLongIsRefusedAndSoAreTheNextUntilThereIsRoom() throws Exception {
        var gate = gate(1, 150, WhenOverloaded.REFUSE, 0, 100);
        var hold = new CountDownLatch(1);
        var holder = launch(gate, hold);
        waitFor(gate, s -> s.running() == 1);
        var waiter = launch(gate, new CountDownLatch(0));
        waitFor(gate, s -> s.waiting() == 1);
        assertEquals(Load.BUSY, gate.load(), "one waits, not long yet");
        var answer = waiter.get(5, TimeUnit.SECONDS);
        assertTrue(answer.startsWith("refused: the server is overloaded (this launch waited 150 ms"), answer);
        assertTrue(answer.endsWith("nothing was launched: try again in 1 s"), answer);
        assertEquals(Load.OVERLOADED, gate.load());
        long started = System.nanoTime();
        var next = assertThrows(AdmissionGate.Overloaded.class, gate::admit, "refused at once while overloaded");
        assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(100));
        assertEquals(1, next.retryAfterSeconds());
        hold.countDown();
        assertEquals("launched", holder.get(5, TimeUnit.SECONDS));
        gate.admit(); // room again: admitted at once, overloaded or not
        gate.release();
        assertEquals(2, gate.snapshot().refused());
    }

    @Test
    void whenQueueingLaunchesWaitTheirTurnInOrder() throws Exception {
        var gate = gate(1, 50, WhenOverloaded.QUEUE, 5_000, 100);
        var hold = new CountDownLatch(1);
        var holder = launch(gate, hold);
        waitFor(gate, s -> s.running() == 1);
        var order = new ArrayList<Integer>();
        var queued = new ArrayList<Future<?>>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            queued.add(threads.submit(() -> {
                gate.admit();
                synchronized (order) {
                    order.add(n);
                }
                gate.release();
                return null;
            }));
            int expected = i + 1;
            waitFor(gate, s -> s.waiting() == expected); // they arrive in this order
        }
        Thread.sleep(80);
        assertEquals(Load.OVERLOADED, gate.load(), "the first has waited longer than 50 ms");
        hold.countDown();
        holder.get(5, TimeUnit.SECONDS);
        for (var f : queued) {
            f.get(5, TimeUnit.SECONDS);
        }
        assertEquals(List.of(0, 1, 2), order, "first come, first served");
        assertEquals(0, gate.snapshot().refused());
    }

    @Test
    void aFullQueueOrTheLongestWaitRefuses() throws Exception {
        var gate = gate(1, 50, WhenOverloaded.QUEUE, 200, 1);
        var hold = new CountDownLatch(1);
        launch(gate, hold);
        waitFor(gate, s -> s.running() == 1);
        var queued = launch(gate, new CountDownLatch(0));
        waitFor(gate, s -> s.waiting() == 1);
        var full = assertThrows(AdmissionGate.Overloaded.class, gate::admit);
        assertTrue(full.getMessage().contains("its queue of 1 waiting launches is full"), full.getMessage());
        assertTrue(queued.get(5, TimeUnit.SECONDS).startsWith("refused: the server is overloaded (this launch waited 200 ms"));
        hold.countDown();
    }

    @Test
    void idleAfterTenQuietSeconds() throws Exception {
        var now = new AtomicLong(1_000_000_000L);
        var gate = new AdmissionGate(new Settings(1, Duration.ofSeconds(1), WhenOverloaded.REFUSE, Duration.ZERO, 10),
                now::get);
        gate.admit();
        gate.release();
        assertEquals(Load.NORMAL, gate.load());
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertEquals(Load.IDLE, gate.load());
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Settings(0, Duration.ZERO, WhenOverloaded.REFUSE,
                Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new Settings(1, Duration.ofMillis(-1), WhenOverloaded.QUEUE,
                Duration.ZERO, 1));
    }
}
