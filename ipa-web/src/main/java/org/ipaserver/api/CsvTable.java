package org.ipaserver.api;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * A CSV table as RFC 4180 has it (CRLF line ends, a field quoted when it holds a comma, a quote or
 * a line end), answered as a download. Text that a spreadsheet would run as a formula is prefixed
 * with an apostrophe: a value typed into a form must not become a formula in a supervisor's sheet.
 */
final class CsvTable {

    private final StringBuilder text = new StringBuilder();

    CsvTable(String... header) {
        row((Object[]) header);
    }

    CsvTable row(Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields[i]));
        }
        text.append("\r\n");
        return this;
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        var field = value.toString();
        if (value instanceof CharSequence && !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0) {
            field = "'" + field;
        }
        if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
            field = '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** The table as a file to save; the name is kept to letters, digits, dots and dashes. */
    Response download(String fileName) {
        var safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(text.toString().getBytes(StandardCharsets.UTF_8), ReportsResource.CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + safe + "\"").build();
    }
}
