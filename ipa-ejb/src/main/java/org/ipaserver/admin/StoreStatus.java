package org.ipaserver.admin;

/**
 * Whether the flow store can be used, with the event ID of the original product when it cannot
 * (41043 no data source, 41045 no connection, 41046 schema missing or unusable) or when it
 * works on the embedded default database (41044, informational).
 */
public record StoreStatus(boolean usable, int eventId, String message) {

    public static final int NO_DATA_SOURCE = 41043;
    public static final int DEFAULT_DATABASE = 41044;
    public static final int CANNOT_CONNECT = 41045;
    public static final int SCHEMA_UNUSABLE = 41046;

    public static StoreStatus ok(String message) {
        return new StoreStatus(true, 0, message);
    }

    public static StoreStatus notChecked() {
        return new StoreStatus(false, 0, "the flow store has not been checked yet");
    }
}
