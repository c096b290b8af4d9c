package org.ipaserver.admin;

import jakarta.ejb.Singleton;

/**
 * Payara refuses an EJB module without any enterprise bean ("Invalid ejb jar: it contains zero ejb").
 * This empty bean keeps the skeleton EAR deployable; delete it once the engine has its first real EJB.
 */
@Singleton
public class DeploymentPlaceholder {
}
