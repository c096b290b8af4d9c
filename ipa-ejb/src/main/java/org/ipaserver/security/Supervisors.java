package org.ipaserver.security;

import jakarta.persistence.EntityManager;

/** Who may watch others' work: an administrator, or a user holding the Process Monitor licence. */
public final class Supervisors {

    private Supervisors() {
    }

    /**
     * Refuses unless the user is an administrator ({@code admin}: the caller is in the ipa-admin
     * role) or holds the Process Monitor licence.
     *
     * @param what what the user tried, for the refusal's message
     */
    public static void require(EntityManager em, String user, boolean admin, String what) {
        if (!admin && !Licences.of(em, user).includes(Licence.PROCESS_MONITOR)) {
            throw new AccessDenied("user '" + user + "' may not " + what + " (needs the " + Rights.ADMIN
                    + " right or the Process Monitor licence)");
        }
    }
}
