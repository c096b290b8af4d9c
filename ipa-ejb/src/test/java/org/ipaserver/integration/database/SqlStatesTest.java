package org.ipaserver.integration.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The SQL state is found where the driver put it, also when a server's pool wrapped the exception. */
class SqlStatesTest {

    @Test
    void theStateOfAWrappedDriverExceptionIsFound() {
        var driver = new SQLException("Table \"T\" not found", "42S02", 42102);
        var pool = new SQLException("statement could not be prepared", driver);

        assertEquals("SQL state 42S02 (syntax error or access rule violation), error code 42102",
                SqlStates.describe(SqlStates.withState(pool)));
    }

    @Test
    void aChainedNextExceptionCountsToo() {
        var batch = new SQLException("batch failed");
        batch.setNextException(new SQLException("duplicate", "23505", 0));

        assertEquals("23505", SqlStates.withState(batch).getSQLState());
    }

    @Test
    void withoutAnyStateTheOutermostIsKept() {
        var bare = new SQLException("bare");

        assertEquals("no SQL state, error code 0", SqlStates.describe(SqlStates.withState(bare)));
    }
}
