package org.ipaserver.routing;

/** A user's presence changed (CDI event, in the transaction that changed it): queues may offer them items. */
public record PresenceChanged(String user, Presence presence) {
}
