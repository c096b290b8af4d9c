package org.ipaserver.flowadmin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The values flow-admin writes into SQL, per dialect (SQL Server cannot run here: checked as text). */
class DatabaseTest {

    private final Database postgresql = new Database(null, Database.Dialect.POSTGRESQL);
    private final Database sqlServer = new Database(null, Database.Dialect.SQLSERVER);

    @Test
    void stringsAreQuotedWithTheirQuotesDoubledAndUnicodeOnSqlServer() {
        assertEquals("'it''s; DROP TABLE x --'", postgresql.text("it's; DROP TABLE x --"));
        assertEquals("N'Zoë ''n'' \\\\'", sqlServer.text("Zoë 'n' \\\\"));
        assertEquals("NULL", sqlServer.text(null));
    }

    @Test
    void timesAreUtcWithMicrosecondsAtMost() {
        var at = Instant.parse("2026-12-02T05:28:58.368720193Z");
        assertEquals("'2026-12-02 05:28:58.368720'", postgresql.time(at));
        assertEquals("'2026-12-02 05:28:58.368720'", sqlServer.time(at), "datetime2 takes seven digits, never nine");
        assertEquals("'2026-03-29 02:30:00.000000'", postgresql.time(java.time.LocalDateTime.parse("2026-03-29T02:30")),
                "a time that does not exist in some zones is written as it is: no zone in between");
    }

    @Test
    void booleansAndTransactionsAsEachDialectWritesThem() {
        assertEquals("1", sqlServer.bool(true));
        assertEquals("FALSE", postgresql.bool(false));
        var change = List.of(new Database.Change("fence", "UPDATE t SET a = 1", 1));
        assertTrue(sqlServer.script("t", change).contains("BEGIN TRANSACTION;\n-- fence (must change 1 row)\nUPDATE t SET a = 1;\nCOMMIT;"));
        assertTrue(postgresql.script("t", change).contains("BEGIN;\n"));
    }

    @Test
    void identifiersAreCheckedBeforeTheyReachTheText() {
        assertEquals("d094e0a7-85ac-4be9-b7b3-30933b6cf0f5", Database.id("d094e0a7-85ac-4be9-b7b3-30933b6cf0f5", "x"));
        for (var bad : new String[] {"", "a'b", "a b", "-a", "x".repeat(37), null}) {
            assertThrows(Database.Refused.class, () -> Database.id(bad, "--from"), String.valueOf(bad));
        }
    }
}
