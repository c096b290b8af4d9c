package org.ipaserver.integration.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message whose Message-ID comes from the call's idempotency key instead of a fresh random one,
 * so every attempt of the same step sends the same Message-ID and receivers can drop a repeat.
 */
final class KeyedMessage extends MimeMessage {

    private final String messageId;

    KeyedMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    /** {@code <key@domain>}: the domain of the session's sender address, or ipaserver without one. */
    static String messageId(String idempotencyKey, String from) {
        var at = from == null ? -1 : from.lastIndexOf('@');
        var domain = at < 0 ? "ipaserver" : from.substring(at + 1).replace(">", "").strip();
        return "<" + idempotencyKey + "@" + (domain.isEmpty() ? "ipaserver" : domain) + ">";
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
