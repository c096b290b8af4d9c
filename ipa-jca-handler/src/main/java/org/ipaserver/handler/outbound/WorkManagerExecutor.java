package org.ipaserver.handler.outbound;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

/** Runs tasks on the server's WorkManager threads: adapters must not start threads of their own. */
class WorkManagerExecutor implements Executor {

    private final WorkManager workManager;

    WorkManagerExecutor(WorkManager workManager) {
        this.workManager = workManager;
    }

    @Override
    public void execute(Runnable task) {
        try {
            workManager.scheduleWork(new TaskWork(task));
        } catch (WorkException e) {
            throw new RejectedExecutionException("The server's WorkManager refused the work: " + e.getMessage(), e);
        }
    }

    record TaskWork(Runnable task) implements Work {

        @Override
        public void run() {
            try {
                task.run();
            } finally {
                // A timed-out task is cancelled by interrupting this thread; the flag must not
                // follow the pooled thread into the server's next work.
                Thread.interrupted();
            }
        }

        /** The server wants its thread back (shutdown): stop the handler as on a timeout. */
        @Override
        public void release() {
            if (task instanceof Future<?> future) {
                future.cancel(true);
            }
        }
    }
}
