package org.ipaserver.cluster;

import java.time.Instant;

/**
 * A registered storage ID as operators see it.
 *
 * @param status live (its lease runs), lease-expired (it stopped renewing it: dead or hung), taken-over
 *               (a survivor took its flows), stopped
 */
public record InstanceView(String storageId, long epoch, String status, String host, Instant startedAt,
                           Instant heartbeatAt, Instant leaseUntil) {
}
