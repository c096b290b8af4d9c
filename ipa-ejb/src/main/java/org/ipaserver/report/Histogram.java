package org.ipaserver.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * Durations counted per bucket of a quarter of a doubling (1 ms, 1.19 ms, 1.41 ms, ... 2^40 ms):
 * histograms of different days and instances add up, which percentiles do not, and a percentile
 * read from one is within 10 % of the true one. Kept as text, {@code "bucket:count,..."}.
 */
public final class Histogram {

    private static final int STEPS_PER_DOUBLING = 4;
    private static final int LAST_BUCKET = 40 * STEPS_PER_DOUBLING + 1;

    private final TreeMap<Integer, Long> counts = new TreeMap<>();
    private long total;

    public static Histogram parse(String text) {
        var histogram = new Histogram();
        if (text == null || text.isBlank()) {
            return histogram;
        }
        for (var entry : text.split(",")) {
            int colon = entry.indexOf(':');
            histogram.add(Integer.parseInt(entry.substring(0, colon)), Long.parseLong(entry.substring(colon + 1)));
        }
        return histogram;
    }

    public void add(long millis) {
        add(bucket(millis), 1);
    }

    public void addAll(Histogram other) {
        other.counts.forEach(this::add);
    }

    private void add(int bucket, long count) {
        counts.merge(Math.min(Math.max(bucket, 0), LAST_BUCKET), count, Long::sum);
        total += count;
    }

    public long count() {
        return total;
    }

    /** The duration below which a fraction {@code q} of the durations lie (0 when there are none). */
    public long percentile(double q) {
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            seen += entry.getValue();
            if (seen >= Math.max(rank, 1)) {
                return middle(entry.getKey());
            }
        }
        return 0;
    }

    public String text() {
        var text = new StringBuilder();
        counts.forEach((bucket, count) -> text.append(text.isEmpty() ? "" : ",").append(bucket).append(':').append(count));
        return text.toString();
    }

    /** Bucket 0 holds durations under 1 ms; bucket b ≥ 1 holds [2^((b-1)/4), 2^(b/4)) ms. */
    static int bucket(long millis) {
        if (millis < 1) {
            return 0;
        }
        return 1 + (int) Math.floor(STEPS_PER_DOUBLING * Math.log(millis) / Math.log(2) + 1e-9);
    }

    /** The geometric middle of a bucket, which is within a tenth of anything in it. */
    static long middle(int bucket) {
        return bucket == 0 ? 0 : Math.round(Math.pow(2, (bucket - 0.5) / STEPS_PER_DOUBLING));
    }
}
