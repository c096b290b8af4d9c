package org.ipaserver.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.replicatedmap.ReplicatedMap;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Hazelcast side of {@link DataGrid}. Members map to storage IDs through a replicated map
 * (every member holds all of it, so a departed member's entry is still there to read when it
 * leaves); member UUIDs change at each start, so entries are announced again at each lease
 * renewal and expire when no longer renewed.
 */
final class HazelcastNews implements AutoCloseable {

    static final String STORAGE_IDS = "ipa-storage-ids";

    private final HazelcastInstance grid;
    private final ReplicatedMap<String, String> storageIds;
    private final UUID registration;
    private final long announcementMillis;

    private HazelcastNews(HazelcastInstance grid, Consumer<String> left, Duration announcementLife) {
        this.grid = grid;
        this.storageIds = grid.getReplicatedMap(STORAGE_IDS);
        this.announcementMillis = announcementLife.toMillis();
        this.registration = grid.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                var storageId = storageIds.get(event.getMember().getUuid().toString());
                if (storageId != null) {
                    left.accept(storageId);
                }
            }
        });
    }

    static HazelcastNews join(Object grid, Consumer<String> left, Duration announcementLife) {
        return new HazelcastNews((HazelcastInstance) grid, left, announcementLife);
    }

    /** Under this member's UUID as it is now: a grid that merged after a split gives it another. */
    void announce(String storageId) {
        storageIds.put(self(), storageId, announcementMillis, TimeUnit.MILLISECONDS);
    }

    private String self() {
        return grid.getCluster().getLocalMember().getUuid().toString();
    }

    String describe() {
        return grid.getConfig().getClusterName() + " (" + grid.getCluster().getMembers().size() + " members)";
    }

    @Override
    public void close() {
        grid.getCluster().removeMembershipListener(registration);
        storageIds.remove(self());
    }
}
