package org.ipaserver.integration.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Session;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.ipaserver.action.CallResult;
import org.ipaserver.flow.CallRequest;
import org.ipaserver.job.ExternalCall;

/**
 * SendEmail calls through the server's mail session {@value #SESSION}, looked up at each call
 * rather than injected: a server without the session still deploys the application, and its
 * mails end on the failure exit saying what to configure.
 */
@ApplicationScoped
public class MailCalls implements ExternalCall {

    static final String SESSION = "mail/ipa";
    /** Where an application-scoped session would be, for a server that can only define it in the app. */
    private static final String APP_SESSION = "java:app/" + SESSION;

    private final SmtpSender sender = new SmtpSender(SESSION);

    @Override
    public String actionType() {
        return "SendEmail";
    }

    @Override
    public CallResult call(CallRequest request) {
        var session = session();
        if (session == null) {
            return CallResult.failure("no mail session '" + SESSION + "' on this server: create it (asadmin "
                    + "create-mail-resource, the admin console's JavaMail Sessions, or a mailSession in Liberty's "
                    + "server.xml)");
        }
        return sender.send(session, request);
    }

    private static Session session() {
        for (var name : new String[] {SESSION, APP_SESSION}) {
            try {
                if (new InitialContext().lookup(name) instanceof Session session) {
                    return session;
                }
            } catch (NamingException missing) {
                // try the next name
            }
        }
        return null;
    }
}
