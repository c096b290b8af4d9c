package org.ipaserver.admin;

/**
 * Whether the flow store can be used, with the event ID of the original product when it cannot
 * (41043 no data source, 41045 no connection, 41046 schema missing or unusable) or when it
 * works on the embedded default database (41044, informational).
 */
public record StoreStatus(boolean usable, int eventId, String message, String hint) {

    /** @param hint what the operator does about it, safe to tell anyone (a script to run), or null */
    public StoreStatus(boolean usable, int eventId, String message) {
        this(usable, eventId, message, null);
    }

    public static final int NO_DATA_SOURCE = 41043;
    public static final int DEFAULT_DATABASE = 41044;
    public static final int CANNOT_CONNECT = 41045;
    public static final int SCHEMA_UNUSABLE = 41046;

    public static StoreStatus ok(String message) {
        return new StoreStatus(true, 0, message);
    }

    /**
     * What callers and the anonymous health check are told: the event and what it means, never the
     * database's own message (which names hosts, users and SQL). The server log has the details.
     */
    public String summary() {
        return switch (eventId) {
            case NO_DATA_SOURCE -> "no data source is configured for the flow store";
            case CANNOT_CONNECT -> "the flow store database cannot be reached";
            case SCHEMA_UNUSABLE -> "the flow store schema is missing or too old: "
                    + (hint != null ? hint : "the server log names the script to run");
            case DEFAULT_DATABASE -> "the flow store uses the embedded H2 database";
            default -> usable ? "the flow store is usable" : "the flow store has not been checked yet";
        };
    }

    public static StoreStatus notChecked() {
        return new StoreStatus(false, 0, "the flow store has not been checked yet");
    }
}
