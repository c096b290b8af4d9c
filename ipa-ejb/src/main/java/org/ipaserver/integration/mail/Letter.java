package org.ipaserver.integration.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.TypedValues;

/**
 * What one SendEmail call sends, read from the call's evaluated inputs: recipients as addresses
 * (an empty variable adds none), subject and body as text.
 */
record Letter(List<InternetAddress> to, List<InternetAddress> cc, List<InternetAddress> bcc, String subject,
              String body, boolean html) {

    /** A recipient that is no email address; the message names the member, never the value. */
    static final class BadRecipient extends Exception {
        BadRecipient(String member) {
            super("a recipient in '" + member + "' is not a valid email address; the mail was not sent");
        }
    }

    static Letter of(ActionDef.SendEmail action, Map<String, Object> inputs) throws BadRecipient {
        return new Letter(addresses("to", inputs), addresses("cc", inputs), addresses("bcc", inputs),
                TypedValues.asText(inputs.get("subject")), TypedValues.asText(inputs.get("body")), action.html());
    }

    boolean hasRecipient() {
        return !(to.isEmpty() && cc.isEmpty() && bcc.isEmpty());
    }

    private static List<InternetAddress> addresses(String member, Map<String, Object> inputs) throws BadRecipient {
        var addresses = new ArrayList<InternetAddress>();
        for (var input : inputs.entrySet()) {
            if (input.getKey().startsWith(member + "[")) {
                var value = input.getValue();
                for (var item : value instanceof List<?> items ? items : java.util.Collections.singletonList(value)) {
                    add(addresses, item, member);
                }
            }
        }
        return addresses;
    }

    private static void add(List<InternetAddress> addresses, Object item, String member) throws BadRecipient {
        if (item == null || item.toString().isBlank()) {
            return;
        }
        try {
            addresses.add(new InternetAddress(item.toString().strip(), true));
        } catch (AddressException e) {
            throw new BadRecipient(member);
        }
    }
}
