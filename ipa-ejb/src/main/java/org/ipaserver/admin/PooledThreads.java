package org.ipaserver.admin;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Periodic tasks run on the server's shared pool of scheduler threads. Payara can leave a
 * transaction on such a thread when a task calls an EJB of an application being undeployed (the
 * container begins the call's transaction, finds itself undeployed and never ends it); every EJB
 * call on that thread then fails with "Client's transaction aborted", for every application and
 * deployment after, until the server restarts. A task wrapped here first takes such a leftover
 * off its thread (and rolls it back), so that it runs as on a fresh thread.
 */
public final class PooledThreads {

    private static final Logger LOG = Logger.getLogger(PooledThreads.class.getName());
    /** Payara's name for its transaction manager; a server without it (Open Liberty) is left as it is. */
    private static final String MANAGER = "java:appserver/TransactionManager";
    private static volatile TransactionManager manager;
    private static volatile boolean unavailable;

    private PooledThreads() {
    }

    public static Runnable guarded(Runnable task) {
        return () -> {
            releaseLeftover();
            task.run();
        };
    }

    static void releaseLeftover() {
        var transactions = manager();
        if (transactions == null) {
            return;
        }
        try {
            if (transactions.getStatus() == Status.STATUS_NO_TRANSACTION) {
                return;
            }
            var leftover = transactions.suspend();
            LOG.warning("A transaction was left on this scheduler thread by an earlier task (status "
                    + leftover.getStatus() + "); it is rolled back and the thread runs on without it");
            try {
                leftover.rollback();
            } catch (IllegalStateException | SystemException e) {
                // already rolled back (it timed out): off the thread is what matters
            }
        } catch (SystemException | RuntimeException e) {
            LOG.warning("Could not check this thread for a leftover transaction: " + e);
        }
    }

    private static TransactionManager manager() {
        if (manager == null && !unavailable) {
            try {
                manager = InitialContext.doLookup(MANAGER);
            } catch (NamingException | RuntimeException e) {
                unavailable = true;
            }
        }
        return manager;
    }
}
