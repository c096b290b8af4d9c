package org.ipaserver.action;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ipaserver.definition.ActionDef.SendEmail;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.definition.VariableType;

/**
 * Sends an email through the server's mail session, once the flow's step has committed.
 * Recipients are addresses, or expressions giving Mailbox or String values or lists of them;
 * subject and body are templates (an HTML body's values are escaped).
 */
final class SendEmailAction extends ExternalAction<SendEmail> {

    private static final VariableType MAILBOX = new VariableType(VariableType.Base.MAILBOX, false);
    private static final Set<String> EXITS = Set.of("success", "failure");

    @Override
    public List<String> names() {
        return List.of("SendEmail");
    }

    @Override
    public Class<SendEmail> model() {
        return SendEmail.class;
    }

    @Override
    List<String> ownMembers() {
        return List.of("to", "cc", "bcc", "subject", "body", "html");
    }

    @Override
    SendEmail read(ActionJson json, Shared shared) {
        return new SendEmail(json.label(), json.strings("to"), json.strings("cc"), json.strings("bcc"),
                json.requiredString("subject"), json.optionalString("body"), json.bool("html", false),
                shared.timeout(), shared.trusted(), shared.exits(), json.path());
    }

    @Override
    void checkOwn(SendEmail mail, ActionCheck check, Map<String, Object> samples) {
        if (mail.to().isEmpty() && mail.cc().isEmpty() && mail.bcc().isEmpty()) {
            check.error(mail.path() + ".to", "SendEmail needs at least one recipient in 'to', 'cc' or 'bcc'");
        }
        mail.inputs().forEach((name, text) -> {
            if (!name.contains("[")) {
                return; // subject and body: any value reads as text
            }
            if (!text.contains("${") && !text.contains("#{")) {
                try {
                    TypedValues.coerce(text, MAILBOX);
                } catch (IllegalArgumentException e) {
                    check.error(mail.inputPath(name), "'" + text + "' is not an email address");
                }
            } else if (samples.containsKey(name) && !recipients(samples.get(name))) {
                check.error(mail.inputPath(name), "type mismatch: a recipient is a Mailbox or String value, or a "
                        + "list of them");
            }
        });
        mail.exits().keySet().stream().filter(exit -> !EXITS.contains(exit)).forEach(exit -> check.error(mail.path()
                + ".exits." + exit, "SendEmail has no exit path '" + exit + "' (it has: failure, success)"));
    }

    private static boolean recipients(Object sample) {
        return sample instanceof String
                || sample instanceof List<?> items && items.stream().allMatch(item -> item instanceof String);
    }
}
