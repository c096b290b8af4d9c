package org.ipaserver.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code ipa_Instances}: one storage ID, the epoch of its current registration, the
 * incarnation (one run of a server process) that holds it, and its lease. Rows change only by
 * conditional updates (see {@link InstanceRegistry}), never by merging a stale copy.
 * <p>
 * Once another instance has taken the storage ID's flows over (status {@link #TAKEN_OVER}), the
 * same columns tell that story without a schema change: {@code incarnation} holds the storage ID
 * of the instance that took them, {@code lease_until} the instant it did, and the epoch was bumped
 * so that the old holder's heartbeat fails.
 */
@Entity
@Table(name = "ipa_Instances")
public class Instance {

    public static final String LIVE = "live";
    public static final String STOPPED = "stopped";
    /** Its lease ran out and a survivor took its flows; it registers again (new epoch) if it wakes up. */
    public static final String TAKEN_OVER = "taken-over";

    @Id
    @Column(name = "storage_id")
    private String storageId;
    private long epoch;
    private String incarnation;
    private String status;
    private String host;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;
    @Column(name = "lease_until")
    private Instant leaseUntil;

    protected Instance() {
    }

    Instance(String storageId, String incarnation, String host, Instant now, Instant leaseUntil) {
        this.storageId = storageId;
        this.epoch = 1;
        this.incarnation = incarnation;
        this.status = LIVE;
        this.host = host;
        this.startedAt = now;
        this.heartbeatAt = now;
        this.leaseUntil = leaseUntil;
    }

    /** Held by a running incarnation whose lease has not run out. */
    boolean live(Instant now) {
        return LIVE.equals(status) && leaseUntil.isAfter(now);
    }

    long epoch() {
        return epoch;
    }

    String incarnation() {
        return incarnation;
    }

    InstanceView view(Instant now) {
        return new InstanceView(storageId, epoch, live(now) ? LIVE : LIVE.equals(status) ? "lease-expired" : status,
                host, startedAt, heartbeatAt, leaseUntil);
    }
}
