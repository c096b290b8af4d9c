package org.ipaserver.handler.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Starts workers on the adapter's threads and knows the live ones, so that stopping the adapter
 * stops every handler process it started.
 */
public final class WorkerLauncher {

    /** How long a stopped worker gets between SIGTERM and SIGKILL. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);

    private final Executor executor;
    private final Duration grace;
    private final Set<Worker> live = ConcurrentHashMap.newKeySet();
    private WorkerProtocol protocol;

    public WorkerLauncher(Executor executor, Duration grace) {
        this.executor = executor;
        this.grace = grace;
    }

    public Worker start(String handlerName, Path program) {
        var worker = Worker.start(handlerName, program, executor, protocol(), grace, live::remove);
        live.add(worker);
        return worker;
    }

    public int liveWorkers() {
        return live.size();
    }

    public void stopAll() {
        live.forEach(Worker::stop);
    }

    // Made on first use: a server without JSON-P can still run Java handlers.
    private synchronized WorkerProtocol protocol() {
        if (protocol == null) {
            protocol = new WorkerProtocol();
        }
        return protocol;
    }
}
