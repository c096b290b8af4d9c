package org.ipaserver.handler.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines of bounded length from a process stream, so that a program writing without
 * end costs a bounded buffer, not the server's memory. Not thread-safe: one reader per stream.
 */
class LineReader {

    /** A line longer than the limit; the reader stops inside it (see {@link #skipRestOfLine()}). */
    static final class TooLong extends IOException {

        private static final long serialVersionUID = 1L;
        private final transient String start;

        TooLong(int limit, String start) {
            super("line longer than " + limit + " bytes");
            this.start = start;
        }

        String start() {
            return start;
        }
    }

    private final InputStream in;
    private final int limit;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int end;

    LineReader(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line without its end ({@code \n} or {@code \r\n}); null at the end of the stream. */
    String readLine() throws IOException {
        byte[] line = new byte[Math.min(limit, 256)];
        int length = 0;
        while (true) {
            if (position == end && !fill()) {
                return length == 0 ? null : decode(line, length);
            }
            byte next = buffer[position++];
            if (next == '\n') {
                return decode(line, length);
            }
            if (length == limit) {
                position--;
                throw new TooLong(limit, decode(line, length));
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(limit, line.length * 2));
            }
            line[length++] = next;
        }
    }

    /** Drops what is left of the current line, up to and with its end. */
    void skipRestOfLine() throws IOException {
        while (position < end || fill()) {
            if (buffer[position++] == '\n') {
                return;
            }
        }
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        if (read <= 0) {
            return false;
        }
        position = 0;
        end = read;
        return true;
    }

    private static String decode(byte[] line, int length) {
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }
}
