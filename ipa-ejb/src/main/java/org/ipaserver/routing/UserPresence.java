package org.ipaserver.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's presence and when it last changed, in {@code ipa_UserPresence}; no row means {@link Presence#DEFAULT}. */
@Entity
@Table(name = "ipa_UserPresence")
public class UserPresence {

    @Id
    @Column(name = "user_name")
    private String user;
    private String presence;
    @Column(name = "changed_at")
    private Instant changedAt;

    protected UserPresence() {
    }

    UserPresence(String user, Presence presence, Instant now) {
        this.user = user;
        change(presence, now);
    }

    String user() {
        return user;
    }

    Presence presence() {
        return Presence.byCode(presence).orElse(Presence.DEFAULT);
    }

    /** Setting the same presence again keeps the time it began. */
    void change(Presence newPresence, Instant now) {
        if (!newPresence.code().equals(presence)) {
            this.presence = newPresence.code();
            this.changedAt = now;
        }
    }

    PresenceView view() {
        return new PresenceView(user, presence().code(), changedAt);
    }
}
