package org.ipaserver.cluster;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * This instance's place in Payara's data grid (Hazelcast, JNDI {@code payara/Hazelcast}), when
 * the server runs one: it tells the other members which storage ID it holds, and hears at once
 * when a member leaves (a killed process drops its grid connections). The grid only brings the
 * news sooner; the registry in the database decides (see {@link Departures}). A server without a
 * grid (Open Liberty, a node started with none) learns of deaths from the leases alone.
 */
public final class DataGrid implements AutoCloseable {

    public static final String JNDI_NAME = "payara/Hazelcast";
    private static final Logger LOG = Logger.getLogger(DataGrid.class.getName());

    /** The member's side, or null without a grid; only this touches Hazelcast's types. */
    private final HazelcastNews news;

    private DataGrid(HazelcastNews news) {
        this.news = news;
    }

    /**
     * Joins the server's grid, if it has one, as the holder of storage IDs announced later;
     * {@code left} hears the storage ID of each member that leaves. Never fails: without a grid
     * this instance is simply not in one.
     */
    public static DataGrid join(Consumer<String> left, Duration announcementLife) {
        Object grid;
        try {
            grid = InitialContext.doLookup(JNDI_NAME);
        } catch (NamingException | RuntimeException e) {
            grid = null;
        }
        if (grid == null) {
            LOG.info("IPA Server runs without a data grid (no " + JNDI_NAME + "): the database leases alone tell "
                    + "which instances are alive");
            return new DataGrid(null);
        }
        try {
            var news = HazelcastNews.join(grid, left, announcementLife);
            LOG.info("IPA Server is a member of data grid " + news.describe() + ": it hears at once when another "
                    + "member leaves");
            return new DataGrid(news);
        } catch (LinkageError | RuntimeException e) {
            LOG.warning("IPA Server could not join the data grid at " + JNDI_NAME + " (" + e + "): the database leases "
                    + "alone tell which instances are alive");
            return new DataGrid(null);
        }
    }

    /** Tells the grid that this member holds {@code storageId} (again: the announcement lasts a while). */
    public void announce(String storageId) {
        if (news != null) {
            try {
                news.announce(storageId);
            } catch (RuntimeException e) {
                LOG.fine("Announcing storage ID " + storageId + " to the data grid failed: " + e);
            }
        }
    }

    @Override
    public void close() {
        if (news != null) {
            try {
                news.close();
            } catch (RuntimeException e) {
                LOG.fine("Leaving the data grid's news failed: " + e);
            }
        }
    }
}
