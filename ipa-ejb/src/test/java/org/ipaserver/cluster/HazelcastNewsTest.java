package org.ipaserver.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data grid's news on real Hazelcast members (as Payara runs them) on the loopback interface:
 * a member that dies is heard of at once, under the storage ID it announced.
 */
class HazelcastNewsTest {

    private final String cluster = "ipa-test-" + UUID.randomUUID();
    private HazelcastInstance first;
    private HazelcastInstance second;
    private final BlockingQueue<String> heardBySecond = new LinkedBlockingQueue<>();

    private HazelcastInstance member() {
        var config = new Config().setClusterName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        var network = config.getNetworkConfig().setPort(16900).setPortAutoIncrement(true).setPortCount(100);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        var join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(IntStream.range(16900, 16905)
                .mapToObj(port -> "127.0.0.1:" + port).toList()); // Hazelcast takes no port range here
        return Hazelcast.newHazelcastInstance(config);
    }

    @BeforeEach
    void start() {
        first = member();
        second = member();
    }

    @AfterEach
    void stop() {
        for (var member : List.of(first, second)) {
            if (member.getLifecycleService().isRunning()) {
                member.getLifecycleService().terminate();
            }
        }
    }

    @Test
    void aMemberThatDiesIsHeardOfAtOnceByItsStorageId() throws Exception {
        assertEquals(2, second.getCluster().getMembers().size(), "one grid of two members");
        var firstNews = HazelcastNews.join(first, id -> { }, Duration.ofSeconds(30));
        try (var secondNews = HazelcastNews.join(second, heardBySecond::add, Duration.ofSeconds(30))) {
            firstNews.announce("storage-1");
            secondNews.announce("storage-2");
            heardOnBothMembers(first, "storage-1");
            long killed = System.nanoTime();
            first.getLifecycleService().terminate(); // no goodbye, as kill -9
            assertEquals("storage-1", heardBySecond.poll(20, TimeUnit.SECONDS));
            System.out.printf("the survivor heard of the dead member after %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
        }
        assertNull(second.getReplicatedMap(HazelcastNews.STORAGE_IDS).get(second.getCluster().getLocalMember()
                .getUuid().toString()), "a member leaving the news takes its own announcement back");
    }

    /** A replicated map copies a put to the other members asynchronously: wait for the copy. */
    private void heardOnBothMembers(HazelcastInstance announcer, String storageId) throws InterruptedException {
        var key = announcer.getCluster().getLocalMember().getUuid().toString();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!storageId.equals(second.getReplicatedMap(HazelcastNews.STORAGE_IDS).get(key))) {
            assertTrue(System.nanoTime() < deadline, "the announcement reached the other member");
            Thread.sleep(10);
        }
    }

    @Test
    void aMemberThatAnnouncedNoStorageIdIsNotReported() throws Exception {
        try (var secondNews = HazelcastNews.join(second, heardBySecond::add, Duration.ofSeconds(30))) {
            secondNews.announce("storage-2");
            first.getLifecycleService().terminate();
            assertNull(heardBySecond.poll(3, TimeUnit.SECONDS), "nothing to take over: it held no storage ID");
        }
    }
}
