package org.ipaserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SendEmail on the deployed EAR through the test domain's mail session mail/ipa, which sends to
 * 127.0.0.1:{ipa.it.smtpPort} (prepare-test-domain.sh): a GreenMail server there receives the
 * flow's mail; with it stopped, the flow waits and tries again until it is back.
 */
@ExtendWith(ArquillianExtension.class)
class SendEmailIT {

    private static final int SMTP_PORT = Integer.getInteger("ipa.it.smtpPort", 29025);

    @Deployment(testable = false)
    public static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL contextRoot;

    private GreenMail greenMail;

    @AfterEach
    void stopSmtp() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private Api api() {
        return Api.at(contextRoot);
    }

    private void startSmtp() {
        greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** A process that mails its applicant; the exit taken lands in Outcome. */
    private String publish() {
        var name = "Mail" + System.nanoTime();
        var published = api().post(Api.ADMIN, "definitions", """
                { "name": "%s", "startState": "S",
                  "variables": [ { "name": "Applicant", "type": "Mailbox" }, { "name": "FirstName", "type": "String" },
                                 { "name": "Amount", "type": "Decimal" }, { "name": "CopyTo", "type": "String" },
                                 { "name": "Outcome", "type": "String", "initial": "sent" } ],
                  "states": [ { "name": "S", "actions": [
                    { "type": "SendEmail", "name": "Tell", "to": ["${Applicant}"], "cc": ["${CopyTo}"],
                      "bcc": ["audit@bank.example"],
                      "subject": "Your loan of ${Amount}", "body": "Dear ${FirstName}, it is approved.",
                      "exits": { "failure": [ { "type": "UpdateVariables",
                                                "assignments": [ { "variable": "Outcome", "value": "not sent" } ] } ] } } ] } ] }
                """.formatted(name));
        assertEquals(201, published.status(), published::toString);
        return name;
    }

    private String launch(String process, String copyTo) {
        var launched = api().post(Api.ALICE, "flows", """
                { "definition": "%s", "variables": { "Applicant": "ann@applicants.example", "FirstName": "Ann",
                                                     "Amount": 1200.50, "CopyTo": "%s" } }
                """.formatted(process, copyTo));
        assertEquals(201, launched.status(), launched::toString);
        return launched.json().getString("id");
    }

    @Test
    void theFlowsMailArrivesWithSubjectAndBodyFromItsVariables() throws Exception {
        startSmtp();
        var id = launch(publish(), "");

        var flow = api().awaitEnd(id);
        assertEquals("completed", flow.getString("status"), flow::toString);
        assertEquals("sent", flow.getJsonObject("variables").getString("Outcome"));
        MimeMessage[] mail = greenMail.getReceivedMessages();
        assertEquals(2, mail.length, "to the applicant and a blind copy to audit");
        assertEquals("Your loan of 1200.50", mail[0].getSubject());
        assertEquals("Dear Ann, it is approved.", mail[0].getContent().toString().strip());
        assertEquals("ann@applicants.example", mail[0].getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString());
        assertEquals(mail[0].getMessageID(), mail[1].getMessageID(), "one message, two deliveries");
    }

    @Test
    void withTheSmtpServerDownTheFlowWaitsAndTriesAgainUntilItIsBack() throws Exception {
        var id = launch(publish(), "");

        var retrying = api().awaitFlow(id, Duration.ofSeconds(30), f -> f.getString("waitingOn", "").contains("attempt 3"));
        assertEquals("waiting", retrying.getString("status"), retrying::toString);
        assertTrue(retrying.getString("waitingOn").startsWith("calling SendEmail 'Tell'"), retrying::toString);

        startSmtp(); // before the last of the 5 attempts (back-off 1, 2, 4, 8 s)
        var flow = api().awaitFlow(id, Duration.ofSeconds(30), f -> f.getString("status").equals("completed"));
        assertEquals("sent", flow.getJsonObject("variables").getString("Outcome"), flow::toString);
        assertTrue(greenMail.getReceivedMessages().length >= 1);
        assertTrue(greenMail.getReceivedMessages()[0].getSubject().startsWith("Your loan of 1200.5"));
    }

    @Test
    void aCopyAddressThatIsNoAddressTakesTheFailureExit() {
        startSmtp();
        var id = launch(publish(), "ann and eve");

        var flow = api().awaitFlow(id, Duration.ofSeconds(30), f -> f.getString("status").equals("completed"));
        assertEquals("not sent", flow.getJsonObject("variables").getString("Outcome"), flow::toString);
        assertEquals(0, greenMail.getReceivedMessages().length);
    }
}
