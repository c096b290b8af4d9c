package org.ipaserver.flow;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.ipaserver.refusal.InvalidInput;

/** External interaction IDs associated with flows. */
public final class RelatedInteractions {

    private RelatedInteractions() {
    }

    /** Associates an external interaction with a flow; attaching the same one again changes nothing. */
    public static void attach(EntityManager em, String flowId, String interactionId, String user, Instant now) {
        if (em.find(FlowRecord.class, flowId) == null) {
            throw new FlowExceptions.UnknownFlow(flowId);
        }
        if (interactionId == null || interactionId.isBlank() || interactionId.length() > 128) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("interactionId",
                    "an interaction ID of 1 to 128 characters is required")));
        }
        if (em.find(RelatedInteraction.class, new RelatedInteraction.Key(flowId, interactionId)) == null) {
            em.persist(new RelatedInteraction(flowId, interactionId, user, now));
        }
    }

    /** The interactions of a flow, in the order they were attached. */
    public static List<RelatedInteraction.View> of(EntityManager em, String flowId) {
        return em.createQuery("SELECT r FROM RelatedInteraction r WHERE r.flowId = :flow ORDER BY r.attachedAt, "
                        + "r.interactionId", RelatedInteraction.class).setParameter("flow", flowId).getResultList()
                .stream().map(RelatedInteraction::view).toList();
    }
}
