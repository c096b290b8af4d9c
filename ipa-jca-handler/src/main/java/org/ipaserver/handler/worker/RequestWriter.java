package org.ipaserver.handler.worker;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes request lines to a worker's standard input. A short line fits in the pipe's buffer and
 * is written at once; a long one is written on another thread, so that a worker that does not
 * read cannot hold the caller past its deadline (stopping the worker then ends the write).
 */
final class RequestWriter {

    enum Outcome { WRITTEN, INPUT_CLOSED, TIMED_OUT }

    /** Characters; even in 3-byte UTF-8 well under a Linux pipe's 64 KiB. */
    static final int DIRECT_LIMIT = 16 * 1024;

    private final Writer out;
    private final Executor executor;

    RequestWriter(OutputStream stdin, Executor executor) {
        this.out = new BufferedWriter(new OutputStreamWriter(stdin, StandardCharsets.UTF_8));
        this.executor = executor;
    }

    /** @param deadline a {@link System#nanoTime()} value, or 0 for none */
    Outcome write(String line, long deadline) throws InterruptedException {
        if (line.length() <= DIRECT_LIMIT) {
            return writeNow(line);
        }
        var task = new FutureTask<>(() -> writeNow(line));
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
        try {
            return deadline == 0 ? task.get() : task.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Outcome.TIMED_OUT;
        } catch (ExecutionException e) {
            return Outcome.INPUT_CLOSED;
        }
    }

    private Outcome writeNow(String line) {
        try {
            out.write(line);
            out.write('\n');
            out.flush();
            return Outcome.WRITTEN;
        } catch (IOException e) {
            return Outcome.INPUT_CLOSED;
        }
    }

    /** Call once the process is gone or going: a write blocked on a live reader would hold the lock. */
    void close() {
        try {
            out.close();
        } catch (IOException e) {
            // It is gone; there is nothing left to tell it.
        }
    }
}
