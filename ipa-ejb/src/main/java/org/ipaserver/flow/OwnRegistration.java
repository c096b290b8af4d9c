package org.ipaserver.flow;

import jakarta.persistence.EntityManager;

/**
 * Asked before this instance takes a flow from another owner for a user's work on it: whether it
 * holds its own registration, live at its epoch, locked until the caller's transaction ends, so
 * that a take-over of this instance waits for that transaction and then moves the flow with its
 * others (an instance that lost its registration takes nothing).
 */
@FunctionalInterface
public interface OwnRegistration {

    boolean heldLive(EntityManager em, FlowOwner self);
}
