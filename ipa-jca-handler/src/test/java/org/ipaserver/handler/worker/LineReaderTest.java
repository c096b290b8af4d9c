package org.ipaserver.handler.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void readsLinesWithEitherEnding() throws Exception {
        var reader = reader("one\r\ntwo\n\nlast", 100);

        assertEquals("one", reader.readLine());
        assertEquals("two", reader.readLine());
        assertEquals("", reader.readLine());
        assertEquals("last", reader.readLine());
        assertNull(reader.readLine());
    }

    @Test
    void decodesUtf8() throws Exception {
        assertEquals("Müller – 東京", reader("Müller – 東京\n", 100).readLine());
    }

    @Test
    void aLineOverTheLimitStopsTheReaderInsideIt() throws Exception {
        var reader = reader("abcdefgh\nnext\n", 4);

        var e = assertThrows(LineReader.TooLong.class, reader::readLine);
        assertEquals("abcd", e.start());
        reader.skipRestOfLine();
        assertEquals("next", reader.readLine());
    }

    @Test
    void aLineOfExactlyTheLimitIsFine() throws Exception {
        assertEquals("abcd", reader("abcd\n", 4).readLine());
    }

    @Test
    void longLinesSpanBuffers() throws Exception {
        var line = "x".repeat(20_000);

        assertEquals(line, reader(line + "\n", 1 << 20).readLine());
    }

    private static LineReader reader(String text, int limit) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), limit);
    }
}
