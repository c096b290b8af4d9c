package org.ipaserver.handler.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ipaserver.handler.HandlerConnectionFactory;
import org.ipaserver.handler.HandlerResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sample handler the Car Loan process calls, run from the repository's handlers/ folder. */
class ScoreApplicantTest {

    private static final Path HANDLERS = Path.of("..", "handlers").toAbsolutePath().normalize();

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HandlerResourceAdapter adapter = new HandlerResourceAdapter();
    private final TestPool pool = new TestPool();
    private HandlerConnectionFactory connections;

    @BeforeEach
    void start() throws Exception {
        assertTrue(Files.isExecutable(HANDLERS.resolve("score-applicant")), HANDLERS + "/score-applicant is not executable");
        adapter.start(new HandlerRegistry(List.of()), threads);
        var factory = new HandlerManagedConnectionFactory();
        factory.setHandlersDirectory(HANDLERS.toString());
        factory.setResourceAdapter(adapter);
        connections = (HandlerConnectionFactory) factory.createConnectionFactory(pool);
    }

    @AfterEach
    void stop() throws Exception {
        pool.destroyAll();
        adapter.stop();
        threads.shutdownNow();
    }

    @Test
    void scoresFromCreditScoreAndAmount() {
        assertEquals(success("74"), score(Map.of("CreditScore", "712", "LoanAmount", "25000.00")));
        assertEquals(success("100"), score(Map.of("CreditScore", "850", "LoanAmount", "1")));
        assertEquals(success("0"), score(Map.of("CreditScore", "300", "LoanAmount", "1000")));
    }

    @Test
    void anAmountTheScoreCannotCarryHalvesIt() {
        assertEquals(success("37"), score(Map.of("CreditScore", "712", "LoanAmount", "90000")));
    }

    @Test
    void anAmountAboveTheIncomeCostsTenPoints() {
        assertEquals(success("27"), score(Map.of("CreditScore", "712", "LoanAmount", "90000", "Income", "60000")));
        assertEquals(success("74"), score(Map.of("CreditScore", "712", "LoanAmount", "25000", "Income", "60000")));
    }

    @Test
    void leadingZerosAreNotOctal() {
        assertEquals(success("74"), score(Map.of("CreditScore", "0712", "LoanAmount", "25000")));
    }

    @Test
    void badInputIsAFailureWithAMessage() {
        assertEquals(failure("CreditScore is missing"), score(Map.of("LoanAmount", "1000")));
        assertEquals(failure("CreditScore must be a whole number from 300 to 850"),
                score(Map.of("CreditScore", "9000", "LoanAmount", "1000")));
        assertEquals(failure("CreditScore must be a whole number from 300 to 850"),
                score(Map.of("CreditScore", "7\"12", "LoanAmount", "1000")));
        assertEquals(failure("LoanAmount is missing"), score(Map.of("CreditScore", "712")));
        assertEquals(failure("LoanAmount must be a positive number"),
                score(Map.of("CreditScore", "712", "LoanAmount", "-5")));
        assertEquals(failure("Income must be a positive number when given"),
                score(Map.of("CreditScore", "712", "LoanAmount", "5", "Income", "lots")));
    }

    @Test
    void oneWorkerScoresEveryApplicant() {
        for (int i = 0; i < 20; i++) {
            score(Map.of("CreditScore", Integer.toString(300 + i * 20), "LoanAmount", "1000"));
        }
        assertEquals(1, pool.size());
        assertEquals(1, adapter.launcher().liveWorkers());
    }

    private HandlerResult score(Map<String, String> inputs) {
        try (var connection = connections.getConnection("score-applicant")) {
            return connection.run("score-applicant", inputs, Duration.ofSeconds(10));
        }
    }

    private static HandlerResult success(String score) {
        return new HandlerResult(Map.of("Score", score), HandlerResult.SUCCESS);
    }

    private static HandlerResult failure(String message) {
        return new HandlerResult(Map.of(), HandlerResult.FAILURE, message);
    }
}
