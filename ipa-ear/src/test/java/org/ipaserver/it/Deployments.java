package org.ipaserver.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * The one deployment of the integration tests: the EAR this module just built, unchanged, so the
 * tests exercise what ships. Use it with {@code @Deployment(testable = false)} (tests run as HTTP
 * clients). The archive name "ipa.ear" makes the application name "ipa", as with ./ipa start.
 */
public final class Deployments {

    /** Relative to the module directory, the working directory of the failsafe plugin. */
    private static final File EAR = new File("target/ipa.ear");

    private Deployments() {
    }

    public static EnterpriseArchive ear() {
        if (!EAR.isFile()) {
            throw new IllegalStateException(EAR.getAbsolutePath() + " is missing: run the tests with mvn verify");
        }
        return ShrinkWrap.create(ZipImporter.class, "ipa.ear").importFrom(EAR).as(EnterpriseArchive.class);
    }
}
