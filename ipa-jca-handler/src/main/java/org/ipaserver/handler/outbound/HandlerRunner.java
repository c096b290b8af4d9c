package org.ipaserver.handler.outbound;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ipaserver.handler.HandlerException;
import org.ipaserver.handler.HandlerRequest;
import org.ipaserver.handler.HandlerResult;
import org.ipaserver.handler.HandlerTimeoutException;
import org.ipaserver.handler.spi.Handler;

/**
 * Runs a handler on another thread so that the caller can stop waiting at the timeout. On
 * timeout the handler's thread is interrupted; a handler that ignores interrupts keeps that
 * thread until it returns, and its late result is dropped.
 */
public class HandlerRunner {

    private final HandlerRegistry registry;
    private final Executor executor;

    public HandlerRunner(HandlerRegistry registry, Executor executor) {
        this.registry = registry;
        this.executor = executor;
    }

    public HandlerResult run(String handlerName, Map<String, String> inputs, Duration timeout) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(timeout, "timeout");
        return run(HandlerRequest.of(handlerName, inputs, timeout));
    }

    public HandlerResult run(HandlerRequest request) {
        Handler handler = registry.find(request.handlerName());
        var task = new FutureTask<>(() -> handler.run(request));
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            throw new HandlerException("Handler '" + request.handlerName() + "' could not be started: " + e.getMessage(), e);
        }
        return await(request.handlerName(), task, request.timeout());
    }

    /** Whether a Java handler of that name is installed. */
    public boolean runs(String handlerName) {
        return registry.contains(handlerName);
    }

    HandlerRegistry registry() {
        return registry;
    }

    private static HandlerResult await(String handlerName, FutureTask<HandlerResult> task, Duration timeout) {
        try {
            var result = timeout.isZero() ? task.get() : task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (result == null) {
                throw new HandlerException("Handler '" + handlerName + "' returned no result");
            }
            return result;
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new HandlerTimeoutException(handlerName, timeout);
        } catch (ExecutionException e) {
            throw new HandlerException("Handler '" + handlerName + "' failed: " + e.getCause(), e.getCause());
        } catch (CancellationException e) {
            // Only the server cancels from outside (Work.release), when it shuts down.
            throw new HandlerException("Handler '" + handlerName + "' was stopped by the server", e);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new HandlerException("Interrupted while waiting for handler '" + handlerName + "'", e);
        }
    }
}
