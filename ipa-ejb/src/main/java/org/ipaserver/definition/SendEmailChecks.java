package org.ipaserver.definition;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a SendEmail must hold beyond any external action: a recipient, recipients that are email
 * addresses or give Mailbox/String values (or lists of them), and only the exits a mail has.
 */
final class SendEmailChecks {

    private static final VariableType MAILBOX = new VariableType(VariableType.Base.MAILBOX, false);
    private static final Set<String> EXITS = Set.of("success", "failure");

    private final List<Problem> problems;

    SendEmailChecks(List<Problem> problems) {
        this.problems = problems;
    }

    /** @param samples the results of the mail's texts on sample values, by input name */
    void check(ActionDef.SendEmail mail, Map<String, Object> samples) {
        if (mail.to().isEmpty() && mail.cc().isEmpty() && mail.bcc().isEmpty()) {
            error(mail.path() + ".to", "SendEmail needs at least one recipient in 'to', 'cc' or 'bcc'");
        }
        mail.inputs().forEach((name, text) -> {
            if (!name.contains("[")) {
                return; // subject and body: any value reads as text
            }
            if (!text.contains("${") && !text.contains("#{")) {
                literal(text, mail.inputPath(name));
            } else if (samples.containsKey(name) && !recipients(samples.get(name))) {
                error(mail.inputPath(name), "type mismatch: a recipient is a Mailbox or String value, or a list of "
                        + "them");
            }
        });
        mail.exits().keySet().stream().filter(exit -> !EXITS.contains(exit)).forEach(exit -> error(mail.path()
                + ".exits." + exit, "SendEmail has no exit path '" + exit + "' (it has: failure, success)"));
    }

    private void literal(String address, String path) {
        try {
            TypedValues.coerce(address, MAILBOX);
        } catch (IllegalArgumentException e) {
            error(path, "'" + address + "' is not an email address");
        }
    }

    private static boolean recipients(Object sample) {
        return sample instanceof String
                || sample instanceof List<?> items && items.stream().allMatch(item -> item instanceof String);
    }

    private void error(String path, String message) {
        problems.add(Problem.error(path, message));
    }
}
