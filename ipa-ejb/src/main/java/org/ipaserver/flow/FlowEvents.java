package org.ipaserver.flow;

import jakarta.persistence.EntityManager;

/**
 * Where the engine tells what happens to flows (the live monitor's journal), in the transaction of
 * the change: an event is kept exactly when the change commits. An implementation decides
 * cheaply whether anyone listens; the engine builds an event only when {@link #listening} says so.
 */
public interface FlowEvents {

    /** Nobody listens: the engine's default. */
    FlowEvents NONE = new FlowEvents() {
        @Override
        public boolean listening(EntityManager em) {
            return false;
        }

        @Override
        public void happened(EntityManager em, FlowEvent event) {
        }
    };

    boolean listening(EntityManager em);

    void happened(EntityManager em, FlowEvent event);
}
