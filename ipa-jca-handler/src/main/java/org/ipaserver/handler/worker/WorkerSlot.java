package org.ipaserver.handler.worker;

import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Logger;
import org.ipaserver.handler.HandlerException;
import org.ipaserver.handler.HandlerRequest;
import org.ipaserver.handler.HandlerResult;

/**
 * The one worker a pooled connection may hold. It keeps its worker from call to call while the
 * calls are for the same handler; a call for another handler, or a worker that ended while idle,
 * gets a fresh one. Used by one caller at a time, as its connection is.
 */
public final class WorkerSlot {

    private static final Logger LOG = Logger.getLogger(WorkerSlot.class.getName());

    private final WorkerDirectory directory;
    private final WorkerLauncher launcher;
    /** The handler it was meant for, or whose worker it holds; null when neither. */
    private volatile String handlerName;
    private volatile Worker worker;

    public WorkerSlot(WorkerDirectory directory, WorkerLauncher launcher, String handlerName) {
        this.directory = directory;
        this.launcher = launcher;
        this.handlerName = handlerName;
    }

    public boolean offers(String name) {
        return directory.program(name).isPresent();
    }

    /** The handler programs the directory offers now, for messages. */
    public Set<String> names() {
        return directory.names();
    }

    /**
     * Runs the handler program in this slot's worker. Any HandlerException means the worker is
     * stopped and the slot empty.
     *
     * @throws HandlerException when the handler is not one of the directory's programs, or see {@link Worker#call}
     */
    public HandlerResult call(HandlerRequest request) {
        var name = request.handlerName();
        var program = directory.program(name)
                .orElseThrow(() -> new HandlerException("Handler '" + name + "' is not a program in the " + directory));
        var current = worker;
        if (current == null || !current.handlerName().equals(name) || !current.isReady()) {
            current = replace(current, name, program);
        }
        try {
            return current.call(request);
        } catch (HandlerException e) {
            worker = null;
            throw e;
        }
    }

    private Worker replace(Worker current, String name, Path program) {
        if (current != null) {
            if (current.handlerName().equals(name)) {
                LOG.warning(() -> "The " + current + " exited or wrote out of turn while idle; starting a new one");
            } else {
                LOG.fine(() -> "Stopping the " + current + " to run handler '" + name + "' on its connection");
            }
            worker = null;
            current.stop();
        }
        handlerName = name;
        var fresh = launcher.start(name, program);
        worker = fresh;
        return fresh;
    }

    public String handlerName() {
        return handlerName;
    }

    public boolean hasReadyWorker() {
        var current = worker;
        return current != null && current.isReady();
    }

    /** It holds a worker that ended, or wrote out of turn, since its last call. */
    public boolean hasBrokenWorker() {
        var current = worker;
        return current != null && !current.isReady();
    }

    public void stop() {
        var current = worker;
        worker = null;
        if (current != null) {
            current.stop();
        }
    }
}
