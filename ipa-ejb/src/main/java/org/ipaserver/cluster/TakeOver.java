package org.ipaserver.cluster;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.FlowTransfer;
import org.ipaserver.workitem.WorkItemDesk;

/**
 * A survivor taking over the flows of an instance whose lease ran out (killed, or hung), in one
 * transaction: it renews its own lease first (an instance that lost its own takes nothing), claims
 * the dead registration by a conditional update (one survivor wins), restores what the dead one
 * had in hand by the rules of a restart (work items being processed come back held, calls in
 * flight come back restored in error, timers stay due) and moves its unfinished flows to itself.
 * A cleanly stopped instance is not taken over: its flows wait for it to start again. One the data
 * grid saw leave is taken over once it misses two renewals of its lease (see {@link Departures}).
 */
public final class TakeOver {

    private final InstanceRegistry registry;
    private final FlowEngine engine;
    private final WorkItemDesk desk;
    private final Clock clock;
    private final Departures departures;

    public TakeOver(InstanceRegistry registry, FlowEngine engine, WorkItemDesk desk, Clock clock,
            Departures departures) {
        this.registry = registry;
        this.engine = engine;
        this.desk = desk;
        this.clock = clock;
        this.departures = departures;
    }

    /** What one attempt did. */
    public record Outcome(Result result, String storageId, int flows, int workItemsHeld, int callsRestoredInError) {

        static Outcome of(Result result, String storageId) {
            return new Outcome(result, storageId, 0, 0, 0);
        }
    }

    public enum Result {
        /** This instance took the flows. */
        TAKEN,
        /** Another survivor claimed it first, or it came back (renewed, released): nothing done. */
        LOST_RACE,
        /** This instance's own lease is gone (it hung too long itself): it may take nothing. */
        OWN_LEASE_LOST
    }

    /**
     * The registrations other than this engine's whose lease ran out, then those the data grid saw
     * leave that have not renewed since.
     */
    public List<InstanceRegistry.Expired> candidates(EntityManager em) {
        var candidates = new ArrayList<>(registry.expired(em, engine.storageId()));
        for (var departed : departures.due(em, registry, engine.storageId())) {
            if (candidates.stream().noneMatch(c -> c.storageId().equals(departed.storageId()))) {
                candidates.add(departed);
            }
        }
        return candidates;
    }

    /**
     * Takes {@code dead} over for this engine's owner, which holds the registration of this
     * instance at {@code incarnation}; the caller commits what this did whatever the result.
     */
    public Outcome takeOver(EntityManager em, String incarnation, InstanceRegistry.Expired dead) {
        var me = engine.owner();
        if (!registry.heartbeat(em, me.storageId(), incarnation, me.epoch())) {
            return Outcome.of(Result.OWN_LEASE_LOST, dead.storageId());
        }
        if (!registry.claim(em, dead, me.storageId())) {
            departures.settled(dead.storageId());
            return Outcome.of(Result.LOST_RACE, dead.storageId());
        }
        FlowTransfer.lock(em, dead.storageId());
        int held = desk.restore(em, dead.storageId()); // while the flows are still stamped with it
        var moved = FlowTransfer.move(em, dead.storageId(), me, clock.instant());
        return new Outcome(Result.TAKEN, dead.storageId(), moved.flows(), held, moved.callsRestoredInError());
    }
}
