package org.ipaserver.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The running test domain's administration, through asadmin: settings an operator changes while
 * the server runs. The test domain reads MicroProfile Config afresh at each use (no cache:
 * prepare-test-domain.sh), so a change is in force when the command returns.
 */
final class TestDomain {

    private TestDomain() {
    }

    /** A MicroProfile Config property of the domain's config source. */
    static void setConfigProperty(String name, String value) {
        asadmin("set-config-property", "--source=domain", "--propertyName=" + name, "--propertyValue=" + value);
    }

    static void deleteConfigProperty(String name) {
        asadmin("delete-config-property", "--source=domain", "--propertyName=" + name);
    }

    private static void asadmin(String... arguments) {
        var command = new ArrayList<>(List.of(System.getProperty("payara.home") + "/bin/asadmin",
                "--interactive=false", "--port", System.getProperty("ipa.it.adminPort")));
        command.addAll(List.of(arguments));
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + " interrupted", e);
        }
    }
}
