package org.ipaserver.integration.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.mail.Session;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.ipaserver.catalog.DefinitionCatalog;
import org.ipaserver.expression.Expressions;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.flow.FlowEngine;
import org.ipaserver.flow.FlowOwner;
import org.ipaserver.flow.FlowView;
import org.ipaserver.flow.MutableClock;
import org.ipaserver.job.CallUnavailable;
import org.ipaserver.store.LocalStore;
import org.ipaserver.workitem.WorkItemRouter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A flow's mail leaves only after the flow committed "calling SendEmail", once per step: the
 * engine on H2, the mail through GreenMail, the server's job workers played by the test.
 */
class SendEmailFlowTest {

    private static final String NOTIFY = """
            {"name": "Notify", "startState": "Tell",
             "variables": [{"name": "Applicant", "type": "Mailbox"},
                           {"name": "FirstName", "type": "String"},
                           {"name": "Amount", "type": "Decimal"},
                           {"name": "Outcome", "type": "String", "initial": "sent"}],
             "states": [{"name": "Tell", "actions": [
               {"type": "SendEmail", "name": "Tell the applicant", "to": ["${Applicant}"],
                "subject": "Your loan of ${Amount}", "body": "Dear ${FirstName}, your loan is approved.",
                "exits": {"failure": [{"type": "UpdateVariables",
                                       "assignments": [{"variable": "Outcome", "value": "not sent"}]}]}}]}]}
            """;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T08:00:00Z"));
    private final DefinitionCatalog catalog = new DefinitionCatalog(new Expressions());
    private final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final SmtpSender sender = new SmtpSender("mail/ipa");
    private final List<CallRequest> started = new ArrayList<>();
    private final FlowEngine engine = new FlowEngine(catalog, clock, new FlowOwner("storage-a", 0), 5,
            new WorkItemRouter(clock), request -> {
                assertEquals(0, greenMail.getReceivedMessages().length, "no mail before the flow commits");
                started.add(request);
            });
    private LocalStore store;

    @BeforeEach
    void open() {
        greenMail.start();
        store = LocalStore.h2InMemory();
        store.run(em -> catalog.publish(em, NOTIFY, "designer", clock.instant()));
    }

    @AfterEach
    void close() {
        store.close();
        greenMail.stop();
    }

    @Test
    void theFlowCommitsCallingSendEmailThenTheMailLeavesWithItsVariables() throws Exception {
        var id = launch("ann@applicants.example");

        assertEquals("calling SendEmail 'Tell the applicant' (call 1, attempt 1)", view(id).waitingOn(),
                "committed before the mail");
        assertEquals(0, greenMail.getReceivedMessages().length);

        var result = sender.send(session(greenMail.getSmtp().getPort()), started.get(0));
        boolean resumed = store.inTransaction(em -> engine.callEnded(em, id, 1, result));
        assertTrue(resumed);

        var mail = greenMail.getReceivedMessages();
        assertEquals(1, mail.length);
        assertEquals("Your loan of 1200.50", mail[0].getSubject());
        assertEquals("Dear Ann, your loan is approved.", mail[0].getContent().toString().strip());
        assertEquals("completed", view(id).status());
        assertEquals("sent", view(id).variables().get("Outcome"));
    }

    @Test
    void anSmtpServerDownIsTriedAgainWithTheSameMessageIdThenTheMailLeavesOnce() throws Exception {
        var id = launch("ann@applicants.example");
        var first = started.get(0);
        var down = assertThrows(CallUnavailable.class, () -> sender.send(session(closedPort()), first));
        store.run(em -> engine.callFailed(em, id, first.number(), down.getMessage(), 3));
        assertEquals("waiting", view(id).status());

        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, store.inTransaction(em -> engine.claimDueJobs(em, 10, Duration.ofMinutes(1))).size());
        var again = store.inTransaction(em -> engine.prepareCall(em, id));
        assertEquals(2, again.attempt());
        var result = sender.send(session(greenMail.getSmtp().getPort()), again);
        store.run(em -> engine.callEnded(em, id, again.number(), result));

        var mail = greenMail.getReceivedMessages();
        assertEquals(1, mail.length);
        assertEquals(KeyedMessage.messageId(first.idempotencyKey(), "ipa@bank.example"), mail[0].getMessageID(),
                "the Message-ID of the step, not of the attempt");
        assertEquals("completed", view(id).status());
    }

    @Test
    void anSmtpServerDownForEveryAttemptEndsOnTheFailureExit() throws Exception {
        var id = launch("ann@applicants.example");
        store.run(em -> engine.callFailed(em, id, 1, "down", 2));
        clock.advance(Duration.ofMinutes(5));
        store.inTransaction(em -> engine.claimDueJobs(em, 10, Duration.ofMinutes(1)));
        var again = store.inTransaction(em -> engine.prepareCall(em, id));
        assertThrows(CallUnavailable.class, () -> sender.send(session(closedPort()), again));
        store.run(em -> engine.callFailed(em, id, again.number(), "down", 2));

        assertEquals("completed", view(id).status());
        assertEquals("not sent", view(id).variables().get("Outcome"));
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void anApplicantWithoutAnAddressEndsOnTheFailureExitWithoutTheValue() {
        var id = launch(null);

        var result = sender.send(session(greenMail.getSmtp().getPort()), started.get(0));
        store.run(em -> engine.callEnded(em, id, 1, result));

        assertEquals("not sent", view(id).variables().get("Outcome"));
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    private String launch(String applicant) {
        return store.inTransaction(em -> engine.launch(em, "Notify", null, Map.<String, JsonValue>of(
                "Applicant", applicant == null ? JsonValue.NULL : Json.createValue(applicant),
                "FirstName", Json.createValue("Ann"), "Amount", Json.createValue(new java.math.BigDecimal("1200.50"))),
                "alice"));
    }

    private FlowView view(String id) {
        return store.inTransaction(em -> engine.view(em, id));
    }

    private static Session session(int port) {
        var properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(port));
        properties.setProperty("mail.from", "ipa@bank.example");
        return Session.getInstance(properties);
    }

    private static int closedPort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
