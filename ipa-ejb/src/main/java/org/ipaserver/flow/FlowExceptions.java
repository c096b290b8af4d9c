package org.ipaserver.flow;

/** What the flow use cases refuse, each mapped to one HTTP status by the REST boundary. */
public final class FlowExceptions {

    private FlowExceptions() {
    }

    /** 404: no such process definition (or version). */
    public static class UnknownDefinition extends RuntimeException {
        public UnknownDefinition(String name, Integer version) {
            super(version == null ? "no published process named '" + name + "'"
                    : "process '" + name + "' has no version " + version);
        }
    }

    /** 404: no such flow (or not one the caller may see). */
    public static class UnknownFlow extends RuntimeException {
        public UnknownFlow(String id) {
            super("no flow with id '" + id + "'");
        }
    }

    /** 409: the flow has already ended. */
    public static class FlowEnded extends RuntimeException {
        public FlowEnded(String id, FlowStatus status) {
            super("flow '" + id + "' has already ended (" + status.code() + ")");
        }
    }

    /** 503: the server refuses launches (store unusable, restore in progress). */
    public static class LaunchesBlocked extends RuntimeException {
        public LaunchesBlocked(String reason) {
            super(reason);
        }
    }

    /** 409: the flow is not in a state that allows the request (retry of a running flow, skip without a call). */
    public static class NotInThatState extends RuntimeException {
        public NotInThatState(String message) {
            super(message);
        }
    }

    /** 409: another owner (server instance, epoch, or the migration storage ID) holds the flow. */
    public static class NotOwner extends RuntimeException {
        public NotOwner(String id, String storageId) {
            super("flow '" + id + "' is owned by storage ID " + storageId + ", not by this server instance"
                    + (FlowOwner.MIGRATION_STORAGE_ID.equals(storageId) ? " (it was imported: an administrator "
                    + "transfers it first)" : ""));
        }
    }
}
