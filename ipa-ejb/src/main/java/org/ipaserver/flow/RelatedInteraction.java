package org.ipaserver.flow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An external interaction (a call, a chat, an email) associated with a flow: {@code ipa_RelatedInteractions}. */
@Entity
@Table(name = "ipa_RelatedInteractions")
@IdClass(RelatedInteraction.Key.class)
public class RelatedInteraction {

    /** The primary key; a class with settable fields, as JPA id classes must be. */
    public static class Key implements Serializable {
        private String flowId;
        private String interactionId;

        public Key() {
        }

        Key(String flowId, String interactionId) {
            this.flowId = flowId;
            this.interactionId = interactionId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.flowId, flowId)
                    && Objects.equals(key.interactionId, interactionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(flowId, interactionId);
        }
    }

    /** What the API shows of it. */
    public record View(String interactionId, String attachedBy, Instant attachedAt) {
    }

    @Id
    @Column(name = "flow_id")
    private String flowId;
    @Id
    @Column(name = "interaction_id")
    private String interactionId;
    @Column(name = "attached_by")
    private String attachedBy;
    @Column(name = "attached_at")
    private Instant attachedAt;

    protected RelatedInteraction() {
    }

    RelatedInteraction(String flowId, String interactionId, String attachedBy, Instant attachedAt) {
        this.flowId = flowId;
        this.interactionId = interactionId;
        this.attachedBy = attachedBy;
        this.attachedAt = attachedAt;
    }

    View view() {
        return new View(interactionId, attachedBy, attachedAt);
    }
}
