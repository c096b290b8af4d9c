package org.ipaserver.handler.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.ipaserver.handler.HandlerResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one call to a worker costs: 1,000 sequential calls to a trivial sh worker, each the way
 * the engine makes it (connection from the pool, run, close). Prints p50 and p99.
 */
class WorkerLatencyTest {

    private static final int WARM_UP = 200;
    private static final int CALLS = 1_000;

    @TempDir
    Path root;

    @Test
    void thousandSequentialCallsToATrivialWorker() throws Exception {
        try (var fixture = new WorkerFixture(root)) {
            fixture.programs.write("ok", """
                    while IFS= read -r line; do echo '{"exit":"success","outputs":{"Done":"yes"}}'; done
                    """);
            var p50 = measure(fixture, "ok", "trivial sh worker");
            assertTrue(p50 < 50, "p50 " + p50 + " ms");
        }
    }

    /** The sample handler forks sed three times per call: the cost of a realistic sh handler. */
    @Test
    void thousandSequentialCallsToScoreApplicant() throws Exception {
        try (var fixture = new WorkerFixture(root)) {
            java.nio.file.Files.copy(Path.of("..", "handlers", "score-applicant"),
                    fixture.programs.folder().resolve("score-applicant"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            var p50 = measure(fixture, "score-applicant", "score-applicant");
            assertTrue(p50 < 200, "p50 " + p50 + " ms");
        }
    }

    private static double measure(WorkerFixture fixture, String handler, String what) {
        var inputs = Map.of("CreditScore", "712", "LoanAmount", "25000.00");
        for (int i = 0; i < WARM_UP; i++) {
            fixture.run(handler, inputs, Duration.ofSeconds(10));
        }
        long[] nanos = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            var result = fixture.run(handler, inputs, Duration.ofSeconds(10));
            nanos[i] = System.nanoTime() - start;
            assertEquals(HandlerResult.SUCCESS, result.exitPath());
        }
        Arrays.sort(nanos);
        double p50 = nanos[CALLS / 2] / 1e6;
        double p99 = nanos[CALLS * 99 / 100] / 1e6;
        System.out.printf("%s: %d sequential calls, p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                what, CALLS, p50, p99, nanos[CALLS - 1] / 1e6);
        assertEquals(1, fixture.pool.size(), "every call was served by the one worker");
        return p50;
    }
}
