package org.ipaserver.integration.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.ipaserver.action.CallResult;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.job.CallUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SendEmail calls against a real SMTP server (GreenMail on a free port). */
class SmtpSenderTest {

    private final GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final SmtpSender sender = new SmtpSender("mail/ipa");

    @BeforeEach
    void start() {
        greenMail.start();
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    @Test
    void aTextMailGoesToEveryRecipientWithCopiesAndBlindCopies() throws Exception {
        var result = sender.send(session(greenMail.getSmtp().getPort()), request("key-1", mail(false), inputs(
                "to[0]", "ann@to.example", "to[1]", List.of("bob@to.example", "cat@to.example"),
                "cc[0]", "dan@cc.example", "bcc[0]", "eve@bcc.example",
                "subject", "Loan 42 approved", "body", "Dear Ann, your loan of 1200.50 is approved.")));

        assertEquals(CallResult.SUCCESS, result.exit());
        assertEquals(5, greenMail.getReceivedMessages().length, "one copy per recipient");
        var copy = greenMail.getReceivedMessagesForDomain("to.example")[0];
        assertEquals("Loan 42 approved", copy.getSubject());
        assertEquals("Dear Ann, your loan of 1200.50 is approved.", copy.getContent().toString().strip());
        assertTrue(copy.getContentType().startsWith("text/plain"), copy.getContentType());
        assertEquals("ipa@bank.example", copy.getFrom()[0].toString());
        assertEquals(List.of("ann@to.example", "bob@to.example", "cat@to.example"), addresses(copy, Message.RecipientType.TO));
        assertEquals(List.of("dan@cc.example"), addresses(copy, Message.RecipientType.CC));
        assertNull(copy.getHeader("Bcc"), "a blind copy is not shown to the others");
        assertEquals(1, greenMail.findReceivedMessages(user -> user.getEmail().equals("eve@bcc.example"), m -> true)
                .count(), "the blind copy reaches its recipient");
    }

    @Test
    void anHtmlMailIsSentAsHtml() throws Exception {
        sender.send(session(greenMail.getSmtp().getPort()), request("key-2", mail(true), inputs(
                "to[0]", "ann@to.example", "subject", "Hello", "body", "<p>Dear <b>Ann</b></p>")));

        var copy = greenMail.getReceivedMessages()[0];
        assertTrue(copy.getContentType().startsWith("text/html"), copy.getContentType());
        assertEquals("<p>Dear <b>Ann</b></p>", copy.getContent().toString().strip());
    }

    @Test
    void valuesOfOtherTypesReadAsText() throws Exception {
        sender.send(session(greenMail.getSmtp().getPort()), request("key-3", mail(false), inputs(
                "to[0]", "ann@to.example", "subject", new BigDecimal("1200.50"), "body", 42L)));

        var copy = greenMail.getReceivedMessages()[0];
        assertEquals("1200.50", copy.getSubject());
        assertEquals("42", copy.getContent().toString().strip());
    }

    @Test
    void theMessageIdComesFromTheStepSoARetrySendsTheSameOne() throws Exception {
        var session = session(greenMail.getSmtp().getPort());
        sender.send(session, request("5e1d0c4a-step-1", mail(false), inputs("to[0]", "ann@to.example", "subject", "A")));
        sender.send(session, request("5e1d0c4a-step-1", mail(false), inputs("to[0]", "ann@to.example", "subject", "A")));
        sender.send(session, request("another-step", mail(false), inputs("to[0]", "ann@to.example", "subject", "A")));

        var ids = Arrays.stream(greenMail.getReceivedMessages()).map(SmtpSenderTest::messageId).toList();
        assertEquals(List.of("<5e1d0c4a-step-1@bank.example>", "<5e1d0c4a-step-1@bank.example>",
                "<another-step@bank.example>"), ids);
    }

    @Test
    void anSmtpServerThatIsDownIsAFailureOfTheMomentWithoutValues() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var request = request("key-4", mail(false), inputs("to[0]", "ann@to.example", "subject", "Secret plan"));

        var down = assertThrows(CallUnavailable.class, () -> sender.send(session(closed), request));
        assertTrue(down.getMessage().contains("mail/ipa"), down.getMessage());
        assertFalse(down.getMessage().contains("ann@"), down.getMessage());
        assertFalse(down.getMessage().contains("Secret"), down.getMessage());
    }

    @Test
    void aServerThatDoesNotAnswerWithinTheTimeoutIsAFailureOfTheMoment() throws Exception {
        try (var silent = new ServerSocket(0)) { // accepts the connection (backlog) but never greets
            var request = new CallRequest("flow-1", 1, 1, "key-5", mail(false),
                    inputs("to[0]", "ann@to.example", "subject", "A"), Duration.ofMillis(500));
            var started = System.nanoTime();
            assertThrows(CallUnavailable.class, () -> sender.send(session(silent.getLocalPort()), request));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
        }
    }

    @Test
    void anAddressThatIsNoAddressTakesTheFailureExitWithoutTheValue() {
        var result = sender.send(session(greenMail.getSmtp().getPort()), request("key-6", mail(false), inputs(
                "to[0]", "ann@to.example", "cc[0]", List.of("not an address"), "subject", "A")));

        assertEquals(CallResult.FAILURE, result.exit());
        assertTrue(result.message().contains("'cc'"), result.message());
        assertFalse(result.message().contains("not an address"), result.message());
        assertEquals(0, greenMail.getReceivedMessages().length, "nobody gets it");
    }

    @Test
    void emptyRecipientsAddNoneAndNoRecipientAtAllTakesTheFailureExit() {
        var inputs = new LinkedHashMap<String, Object>();
        inputs.put("to[0]", null);
        inputs.put("to[1]", List.of());
        inputs.put("subject", "A");
        var result = sender.send(session(greenMail.getSmtp().getPort()), request("key-7", mail(false), inputs));

        assertEquals(CallResult.FAILURE, result.exit());
        assertTrue(result.message().startsWith("no recipient"), result.message());
    }

    private static Session session(int port) {
        var properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(port));
        properties.setProperty("mail.from", "ipa@bank.example");
        return Session.getInstance(properties);
    }

    static ActionDef.SendEmail mail(boolean html) {
        return new ActionDef.SendEmail("Notify", List.of("${To}"), List.of(), List.of(), "${Subject}", "${Body}", html,
                null, List.of(), Map.of(), "$.states[0].actions[0]");
    }

    private static CallRequest request(String key, ActionDef.SendEmail action, Map<String, Object> inputs) {
        return new CallRequest("flow-1", 1, 1, key, action, inputs, null);
    }

    private static Map<String, Object> inputs(Object... pairs) {
        var inputs = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            inputs.put((String) pairs[i], pairs[i + 1]);
        }
        return inputs;
    }

    private static List<String> addresses(MimeMessage message, Message.RecipientType type) throws Exception {
        return Arrays.stream(message.getRecipients(type)).map(Object::toString).toList();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
