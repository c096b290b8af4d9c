package org.ipaserver.integration.database;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Between the engine's values (String, Long, BigDecimal, Boolean, Instant) and JDBC. Date-times
 * are UTC on both ways: a DateTime goes into a TIMESTAMP column as its UTC wall-clock time, and a
 * TIMESTAMP read back is taken as UTC, whatever the server's or the session's time zone.
 */
final class ColumnValues {

    private ColumnValues() {
    }

    /** A fresh calendar each time: the driver may change the one it is given. */
    private static Calendar utc() {
        return Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    }

    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setLong(index, number);
        } else if (value instanceof BigDecimal number) {
            statement.setBigDecimal(index, number);
        } else if (value instanceof Double || value instanceof Float) {
            statement.setBigDecimal(index, new BigDecimal(value.toString()));
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof Instant instant) {
            statement.setTimestamp(index, Timestamp.from(instant), utc());
        } else if (value instanceof List<?>) {
            throw new UnsupportedValue("parameter " + index + " is a list: a ? takes one value");
        } else {
            throw new UnsupportedValue("parameter " + index + " is a " + value.getClass().getSimpleName()
                    + ": a ? takes a String, Integer, Decimal, Boolean or DateTime");
        }
    }

    /** The value of a column in the engine's terms; null for SQL NULL. */
    static Object read(ResultSet rows, ResultSetMetaData meta, int column) throws SQLException {
        var typeName = String.valueOf(meta.getColumnTypeName(column)).toLowerCase(Locale.ROOT);
        Object value = switch (meta.getColumnType(column)) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                long number = rows.getLong(column);
                yield rows.wasNull() ? null : number;
            }
            case Types.DECIMAL, Types.NUMERIC -> rows.getBigDecimal(column);
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                double number = rows.getDouble(column);
                yield rows.wasNull() ? null : Double.isFinite(number) ? BigDecimal.valueOf(number) : Double.toString(number);
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean flag = rows.getBoolean(column);
                yield rows.wasNull() ? null : flag;
            }
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> zoned(meta.getColumnType(column), typeName)
                    ? instant(rows.getObject(column, OffsetDateTime.class))
                    : instant(rows.getObject(column, LocalDateTime.class));
            case Types.DATE -> text(rows.getObject(column, LocalDate.class));
            case Types.TIME -> text(rows.getObject(column, LocalTime.class));
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> throw new UnsupportedValue(
                    "column '" + meta.getColumnLabel(column) + "' is binary: no variable type holds it");
            default -> rows.getString(column);
        };
        return value;
    }

    /** PostgreSQL reports timestamptz as TIMESTAMP; its type name tells. */
    private static boolean zoned(int type, String typeName) {
        return type == Types.TIMESTAMP_WITH_TIMEZONE || typeName.contains("timestamptz")
                || typeName.contains("with time zone");
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** A value the action cannot pass to or take from the database; the message names no value. */
    static final class UnsupportedValue extends RuntimeException {
        UnsupportedValue(String message) {
            super(message);
        }
    }
}
