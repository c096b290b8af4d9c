package org.ipaserver.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The database behind the test domain's jdbc/ipa, for the tests that read or break stored rows as
 * a fault would: the embedded H2 file (opened beside the server through AUTO_SERVER) or the
 * PostgreSQL database of the run, as ipa-ear/pom.xml says through ipa.it.jdbc.url/user/password.
 */
final class TestDatabase {

    private TestDatabase() {
    }

    static Connection connect() throws SQLException {
        var url = System.getProperty("ipa.it.jdbc.url");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("ipa.it.jdbc.url is not set: run the tests with mvn verify (ipa-ear/pom.xml)");
        }
        return DriverManager.getConnection(url, System.getProperty("ipa.it.jdbc.user", ""),
                System.getProperty("ipa.it.jdbc.password", ""));
    }
}
