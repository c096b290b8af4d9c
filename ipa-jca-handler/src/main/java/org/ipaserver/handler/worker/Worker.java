package org.ipaserver.handler.worker;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ipaserver.handler.HandlerException;
import org.ipaserver.handler.HandlerRequest;
import org.ipaserver.handler.HandlerResult;
import org.ipaserver.handler.HandlerTimeoutException;

/**
 * One live handler process. Two tasks on the server's threads read its output: answers go to a
 * small queue the caller waits on with the call's timeout (so a dead or silent process never
 * blocks the caller), and every line of its standard error goes to the server log. Whatever
 * goes wrong in a call (timeout, exit, broken protocol) stops the process: a worker in an
 * unknown state is never asked again.
 */
public final class Worker {

    /** Longest answer line read; a longer one is a protocol violation, not a memory problem. */
    public static final int ANSWER_LIMIT = 1 << 20;
    static final int LOG_LINE_LIMIT = 8 << 10;

    private enum End { OUTPUT_CLOSED, ANSWER_TOO_LONG }

    private final String handlerName;
    private final Process process;
    private final RequestWriter requests;
    private final WorkerProtocol protocol;
    private final Duration grace;
    private final Consumer<Worker> onStop;
    private final Logger log;
    // Answers and the end of output; a worker that floods it while nobody asked is not ready.
    private final BlockingQueue<Object> answers = new ArrayBlockingQueue<>(4);
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private Worker(String handlerName, Process process, Executor executor, WorkerProtocol protocol, Duration grace,
            Consumer<Worker> onStop) {
        this.handlerName = handlerName;
        this.process = process;
        this.requests = new RequestWriter(process.getOutputStream(), executor);
        this.protocol = protocol;
        this.grace = grace;
        this.onStop = onStop;
        this.log = Logger.getLogger(Worker.class.getPackageName() + "." + handlerName);
    }

    static Worker start(String handlerName, Path program, Executor executor, WorkerProtocol protocol,
            Duration grace, Consumer<Worker> onStop) {
        Process process;
        try {
            process = new ProcessBuilder(program.toString()).directory(program.getParent().toFile()).start();
        } catch (IOException e) {
            throw new HandlerException("Handler '" + handlerName + "' could not be started: " + e.getMessage(), e);
        }
        var worker = new Worker(handlerName, process, executor, protocol, grace, onStop);
        try {
            executor.execute(worker::readAnswers);
            executor.execute(worker::logErrors);
        } catch (RejectedExecutionException e) {
            worker.stop();
            throw new HandlerException("Handler '" + handlerName + "' could not be started: no server thread to read it: "
                    + e.getMessage(), e);
        }
        return worker;
    }

    public String handlerName() {
        return handlerName;
    }

    public long pid() {
        return process.pid();
    }

    /** Alive, not stopped, and it has written nothing since its last answer. */
    public boolean isReady() {
        return !stopped.get() && process.isAlive() && answers.isEmpty();
    }

    /**
     * Sends the request and waits for the answer. A HandlerException means the worker is stopped.
     *
     * @throws HandlerTimeoutException when no answer came within the request's timeout
     * @throws HandlerException        when the worker exited, broke the protocol, or the wait was interrupted
     * @throws IllegalStateException   when another call is under way on this worker
     */
    public HandlerResult call(HandlerRequest request) {
        if (!busy.compareAndSet(false, true)) {
            throw new IllegalStateException("Handler '" + handlerName + "' worker is busy with another call");
        }
        try {
            return exchange(request);
        } finally {
            busy.set(false);
        }
    }

    private HandlerResult exchange(HandlerRequest request) {
        if (!isReady()) {
            throw broken("was not ready for a request");
        }
        long deadline = request.timeout().isZero() ? 0 : System.nanoTime() + request.timeout().toNanos();
        Object answer;
        try {
            var written = requests.write(protocol.request(request), deadline);
            if (written == RequestWriter.Outcome.INPUT_CLOSED) {
                throw broken(ended() + " before taking the request");
            }
            answer = written == RequestWriter.Outcome.TIMED_OUT ? null
                    : deadline == 0 ? answers.take() : answers.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
            throw new HandlerException("Interrupted while waiting for handler '" + handlerName + "'; its worker is stopped", e);
        }
        if (answer == null) {
            stop();
            throw new HandlerTimeoutException(handlerName, request.timeout());
        }
        if (answer == End.ANSWER_TOO_LONG) {
            throw broken("broke the protocol: its answer is longer than " + ANSWER_LIMIT + " bytes");
        }
        if (answer == End.OUTPUT_CLOSED) {
            throw broken(ended() + " before answering");
        }
        try {
            return protocol.answer((String) answer);
        } catch (WorkerProtocol.Violation e) {
            throw broken("broke the protocol: " + e.getMessage());
        }
    }

    private HandlerException broken(String what) {
        stop();
        return new HandlerException("Handler '" + handlerName + "' (worker pid " + process.pid() + ") " + what
                + "; the worker is stopped");
    }

    private String ended() {
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return "exited with status " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "closed its output";
    }

    /**
     * Ends the process and the processes it started: SIGTERM, then after the grace period SIGKILL
     * for any that are left. Waits at most the grace period; stopping twice does nothing.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        // Its children first in the list: once it is gone they are no longer its descendants.
        var family = new ArrayList<>(process.descendants().toList());
        process.destroy();
        family.forEach(ProcessHandle::destroy);
        requests.close();
        try {
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // One that ignored SIGTERM may have started more children meanwhile.
        process.descendants().forEach(family::add);
        process.destroyForcibly();
        family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        onStop.accept(this);
    }

    private void readAnswers() {
        var reader = new LineReader(process.getInputStream(), ANSWER_LIMIT);
        try {
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!answers.offer(line)) {
                    return; // Talking out of turn; isReady() is false from now on.
                }
            }
            answers.offer(End.OUTPUT_CLOSED);
        } catch (LineReader.TooLong e) {
            answers.offer(End.ANSWER_TOO_LONG);
        } catch (IOException e) {
            answers.offer(End.OUTPUT_CLOSED);
        }
    }

    private void logErrors() {
        var reader = new LineReader(process.getErrorStream(), LOG_LINE_LIMIT);
        var prefix = handlerName + " [pid " + process.pid() + "]: ";
        try {
            for (var line = nextErrorLine(reader); line != null; line = nextErrorLine(reader)) {
                log.log(Level.INFO, prefix + line);
            }
        } catch (IOException e) {
            // The stream closed with the process.
        }
    }

    private static String nextErrorLine(LineReader reader) throws IOException {
        try {
            return reader.readLine();
        } catch (LineReader.TooLong e) {
            reader.skipRestOfLine();
            return e.start() + " [cut at " + LOG_LINE_LIMIT + " bytes]";
        }
    }

    @Override
    public String toString() {
        return "worker of handler '" + handlerName + "', pid " + process.pid();
    }
}
