package org.ipaserver.integration.mail;

import jakarta.mail.Address;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.ipaserver.action.CallResult;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.job.CallUnavailable;

/**
 * Sends one SendEmail call over SMTP through a mail session: the session's server, sender and
 * credentials, with the action's timeout over the whole conversation. A server that cannot take
 * the mail now is a failure of the moment (tried again); addresses it refuses end on the failure
 * exit. Messages name members and counts, never addresses or texts.
 */
public final class SmtpSender {

    /** How long the SMTP conversation may take when the action gives no timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Bounded sessions kept by the configuration they were made from and their timeout. */
    private static final int MAX_KEPT = 50;

    private record Bounds(Map<String, String> configuration, Duration timeout) {
    }

    private final String sessionName;
    private final Map<Bounds, Session> kept = new ConcurrentHashMap<>();

    /** @param sessionName how messages name the session (its JNDI name) */
    public SmtpSender(String sessionName) {
        this.sessionName = sessionName;
    }

    public CallResult send(Session session, CallRequest request) {
        Letter letter;
        try {
            letter = Letter.of((ActionDef.SendEmail) request.action(), request.inputs());
        } catch (Letter.BadRecipient e) {
            return CallResult.failure(e.getMessage());
        }
        if (!letter.hasRecipient()) {
            return CallResult.failure("no recipient: 'to', 'cc' and 'bcc' gave no address; the mail was not sent");
        }
        var bounded = kept(session, request.timeout() != null ? request.timeout() : DEFAULT_TIMEOUT);
        try {
            Transport.send(message(bounded, letter, request.idempotencyKey()));
            return new CallResult(CallResult.SUCCESS, Map.of(), null);
        } catch (SendFailedException e) {
            return refused(e);
        } catch (MessagingException e) {
            throw new CallUnavailable("the SMTP server of mail session " + sessionName + " cannot take the mail now ("
                    + cause(e) + ")");
        }
    }

    private static KeyedMessage message(Session session, Letter letter, String key) throws MessagingException {
        var from = InternetAddress.getLocalAddress(session);
        var message = new KeyedMessage(session, KeyedMessage.messageId(key, from == null ? null : from.getAddress()));
        if (from != null) {
            message.setFrom(from);
        }
        message.setRecipients(Message.RecipientType.TO, letter.to().toArray(Address[]::new));
        message.setRecipients(Message.RecipientType.CC, letter.cc().toArray(Address[]::new));
        message.setRecipients(Message.RecipientType.BCC, letter.bcc().toArray(Address[]::new));
        message.setSubject(letter.subject(), "UTF-8");
        message.setText(letter.body(), "UTF-8", letter.html() ? "html" : "plain");
        message.setSentDate(new Date());
        return message;
    }

    /**
     * Nothing was sent (the session sends to all recipients or to none). Refused addresses end the
     * call; recipients only put off for now (4xx) are worth another attempt.
     */
    private CallResult refused(SendFailedException e) {
        var invalid = count(e.getInvalidAddresses());
        if (invalid == 0 && count(e.getValidUnsentAddresses()) > 0) {
            throw new CallUnavailable("the SMTP server of mail session " + sessionName
                    + " put the recipients off for now");
        }
        return CallResult.failure(invalid == 0 ? "the SMTP server refused the mail; it was not sent"
                : "the SMTP server refused " + invalid + (invalid == 1 ? " recipient" : " recipients")
                + "; the mail was not sent");
    }

    private static int count(Address[] addresses) {
        return addresses == null ? 0 : addresses.length;
    }

    /**
     * Sessions are made once per configuration and timeout, not per mail: making one reads the
     * mail configuration files each time (and logs a warning on Payara, whose lookups give a new
     * session object each time). A session configured anew gets new bounded sessions.
     */
    private Session kept(Session session, Duration timeout) {
        if (kept.size() > MAX_KEPT) {
            kept.clear();
        }
        var configured = session.getProperties();
        var configuration = new java.util.HashMap<String, String>();
        configured.stringPropertyNames().forEach(name -> configuration.put(name, configured.getProperty(name)));
        return kept.computeIfAbsent(new Bounds(configuration, timeout), b -> bounded(session, b.timeout()));
    }

    /**
     * A session like the server's with the call's timeout on connecting, reading and writing;
     * credentials still come from the server's session. A zero timeout waits without limit.
     */
    static Session bounded(Session session, Duration timeout) {
        var properties = new Properties();
        var configured = session.getProperties();
        configured.stringPropertyNames().forEach(name -> properties.setProperty(name, configured.getProperty(name)));
        properties.setProperty("mail.smtp.sendpartial", "false");
        if (!timeout.isZero()) {
            var millis = String.valueOf(timeout.toMillis());
            for (var protocol : new String[] {"smtp", "smtps"}) {
                properties.setProperty("mail." + protocol + ".connectiontimeout", millis);
                properties.setProperty("mail." + protocol + ".timeout", millis);
                properties.setProperty("mail." + protocol + ".writetimeout", millis);
            }
        }
        return Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return session.requestPasswordAuthentication(getRequestingSite(), getRequestingPort(),
                        getRequestingProtocol(), getRequestingPrompt(), getDefaultUserName());
            }
        });
    }

    /** The innermost cause's kind and, for a connection problem, its text (a host and port, no value of a flow). */
    private static String cause(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.net.SocketException || root instanceof java.net.SocketTimeoutException
                || root instanceof java.net.UnknownHostException) {
            return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }
        return root.getClass().getSimpleName();
    }
}
