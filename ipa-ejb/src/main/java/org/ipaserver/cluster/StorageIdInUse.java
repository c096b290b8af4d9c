package org.ipaserver.cluster;

import java.time.Instant;

/** Another running instance holds the storage ID: this one may not run its flows. */
public class StorageIdInUse extends RuntimeException {

    public StorageIdInUse(String storageId, String host, Instant leaseUntil) {
        super("storage ID " + storageId + " is held by a live instance" + (host == null ? "" : " on " + host)
                + " (its lease runs until " + leaseUntil + "); two instances must never share a storage ID. Give "
                + "this one its own (ipa.storageId, or its own instance directory), or stop the other; this instance "
                + "tries again and takes the storage ID over once the other's lease has run out");
    }
}
