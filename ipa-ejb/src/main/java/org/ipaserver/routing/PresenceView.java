package org.ipaserver.routing;

import java.time.Instant;

/** A user's presence as the API shows it; {@code changedAt} is null while they never set one. */
public record PresenceView(String user, String presence, Instant changedAt) {
}
