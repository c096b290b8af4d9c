package org.ipaserver.security;

/**
 * The access rights, as application roles granted through groups of the server realm.
 * The launcher of a flow may always view it, whatever their rights.
 */
public final class Rights {

    public static final String LAUNCH = "ipa-launch";
    public static final String VIEW = "ipa-view";
    public static final String MANAGE = "ipa-manage";
    public static final String DESIGN = "ipa-designer";
    /** Administers workgroups, skills, presence of others and licences. */
    public static final String ADMIN = "ipa-admin";

    private Rights() {
    }
}
