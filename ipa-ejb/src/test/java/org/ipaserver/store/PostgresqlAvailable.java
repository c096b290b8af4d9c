package org.ipaserver.store;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs {@link PostgresqlSuite} classes when PostgreSQL answers. Without it they are disabled and
 * the build says so; with {@code -Dipa.test.postgresql.required=true} (the postgresql profile, CI)
 * they always run, so an unreachable database fails the build instead of skipping the suite.
 */
public final class PostgresqlAvailable implements ExecutionCondition {

    public static final String URL = System.getProperty("ipa.test.postgresql.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("ipa.test.postgresql.user", "postgres");
    public static final String PASSWORD = System.getProperty("ipa.test.postgresql.password", "");

    private static String unreachable; // null: not checked yet; "": reachable

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Boolean.getBoolean("ipa.test.postgresql.required")) {
            return ConditionEvaluationResult.enabled("the postgresql profile requires PostgreSQL");
        }
        var reason = check();
        return reason.isEmpty() ? ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL)
                : ConditionEvaluationResult.disabled(reason);
    }

    private static synchronized String check() {
        if (unreachable == null) {
            DriverManager.setLoginTimeout(3);
            try (var connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
                unreachable = "";
            } catch (SQLException e) {
                unreachable = "PostgreSQL is not reachable at " + URL + " (" + e.getMessage()
                        + "): the PostgreSQL suite was NOT run; start PostgreSQL, or require it with -Ppostgresql";
                System.out.println("[postgresql] " + unreachable);
            }
        }
        return unreachable;
    }
}
