package org.ipaserver.flow;

/**
 * Who may write a flow: the storage ID of a server instance and the epoch of its ownership. A
 * take-over moves the storage ID and bumps the epoch (and the row version) in one update, so the
 * old owner's writes fail from then on.
 */
public record FlowOwner(String storageId, long epoch) {

    /** Flows imported from elsewhere belong to nobody until an administrator transfers them. */
    public static final String MIGRATION_STORAGE_ID = "d094e0a7-85ac-4be9-b7b3-30933b6cf0f5";

    boolean owns(FlowRecord record) {
        return storageId.equals(record.storageId()) && epoch == record.ownerEpoch();
    }
}
