package org.ipaserver.handler.outbound;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WorkManagerExecutorTest {

    @Test
    void releaseStopsTheTaskAndLeavesTheThreadClean() throws Exception {
        var started = new CountDownLatch(1);
        var task = new FutureTask<Void>(() -> {
            started.countDown();
            Thread.sleep(60_000);
            return null;
        });
        var work = new WorkManagerExecutor.TaskWork(task);
        var interruptedAfterWork = new AtomicBoolean(true);
        var pooled = new Thread(() -> {
            work.run();
            interruptedAfterWork.set(Thread.currentThread().isInterrupted());
        });
        pooled.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));

        work.release();
        pooled.join(5_000);

        assertTrue(task.isCancelled());
        assertFalse(pooled.isAlive());
        assertFalse(interruptedAfterWork.get(), "the pooled thread kept the cancellation interrupt");
    }

    @Test
    void aRefusalByTheWorkManagerIsARejectedExecution() {
        var refusing = (WorkManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WorkManager.class}, (proxy, method, args) -> {
                    throw new WorkRejectedException("no threads");
                });

        assertThrows(RejectedExecutionException.class, () -> new WorkManagerExecutor(refusing).execute(() -> { }));
    }
}
