package org.ipaserver.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void percentilesAreWithinATenthOfTheTrueOnesOverEveryScale() {
        var random = new Random(7);
        for (long scale : new long[] {3, 250, 60_000, 86_400_000L, 30L * 86_400_000L}) {
            var histogram = new Histogram();
            var values = new long[10_001];
            for (int i = 0; i < values.length; i++) {
                values[i] = (long) (scale * Math.exp(random.nextGaussian()));
                histogram.add(values[i]);
            }
            java.util.Arrays.sort(values);
            for (double q : new double[] {0.5, 0.9}) {
                long exact = values[(int) Math.ceil(q * values.length) - 1];
                long read = histogram.percentile(q);
                assertTrue(Math.abs(read - exact) <= Math.max(1, exact / 10), "scale " + scale + " p" + (int) (q * 100)
                        + ": read " + read + ", exact " + exact);
            }
        }
    }

    @Test
    void histogramsAddUpAndSurviveTheirText() {
        var monday = new Histogram();
        var tuesday = new Histogram();
        for (int i = 1; i <= 90; i++) {
            monday.add(1000);
        }
        for (int i = 1; i <= 10; i++) {
            tuesday.add(600_000);
        }
        var week = Histogram.parse(monday.text());
        week.addAll(Histogram.parse(tuesday.text()));
        assertEquals(100, week.count());
        assertEquals(monday.percentile(0.5), week.percentile(0.9), "90 of 100 took a second");
        assertTrue(Math.abs(week.percentile(0.95) - 600_000) <= 60_000, "the slowest tenth took ten minutes");
        assertEquals(0, new Histogram().percentile(0.5), "nothing counted");
        assertEquals(0, Histogram.parse("").count());
        var huge = new Histogram();
        huge.add(Long.MAX_VALUE);
        huge.add(0);
        assertEquals(2, Histogram.parse(huge.text()).count(), "the extremes are kept in the end buckets");
    }
}
