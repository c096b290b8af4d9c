package org.ipaserver.action;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ipaserver.definition.ActionDef.SendWorkItem;
import org.ipaserver.definition.FormDef;
import org.ipaserver.definition.VariableType;

/**
 * Sends a work item built from a form to a user, or to a workgroup's queue for routing by skills,
 * and waits for it. Each button of the form is an exit path; an optional timeout is one more.
 */
final class SendWorkItemAction implements ActionType<SendWorkItem> {

    static final String TO_USER = "SendWorkItemToUser";
    static final String TO_WORKGROUP = "SendWorkItemToWorkgroup";
    /** A work item records the path of the action that sent it in a column of this size. */
    private static final int MAX_WORK_ITEM_PATH = 512;
    /** User and workgroup names are at most this long (the work-item columns that hold them). */
    private static final int MAX_RECIPIENT_LENGTH = 128;

    @Override
    public List<String> names() {
        return List.of(TO_USER, TO_WORKGROUP);
    }

    @Override
    public Class<SendWorkItem> model() {
        return SendWorkItem.class;
    }

    @Override
    public SendWorkItem read(ActionJson json) {
        var toWorkgroup = TO_WORKGROUP.equals(json.json().getString("type"));
        var target = toWorkgroup ? "workgroup" : "user";
        if (toWorkgroup) {
            json.members("form", "workgroup", "skills", "description", "timeout", "exits", "onTimeout");
        } else {
            json.members("form", "user", "description", "timeout", "exits", "onTimeout");
        }
        var skills = skills(json);
        var exits = json.exits();
        var recipient = json.requiredString(target);
        return new SendWorkItem(json.label(), json.requiredString("form"), toWorkgroup ? null : recipient,
                toWorkgroup ? (recipient == null ? "" : recipient) : null, skills, json.optionalString("description"),
                json.optionalString("timeout"), exits, json.actions("onTimeout"), json.path());
    }

    private static Map<String, Integer> skills(ActionJson json) {
        var skills = new LinkedHashMap<String, Integer>();
        var given = json.json().get("skills");
        if (given instanceof JsonObject levels) {
            levels.forEach((skill, level) -> {
                if (level instanceof JsonNumber n && n.isIntegral() && n.intValue() >= 1 && n.intValue() <= 100) {
                    skills.put(skill, n.intValue());
                } else {
                    json.error(json.path() + ".skills." + skill, "a skill level is a whole number from 1 to 100");
                }
            });
        } else if (given != null) {
            json.error(json.path() + ".skills", "must be an object of skill name → minimum level");
        }
        return skills;
    }

    @Override
    public void check(SendWorkItem send, ActionCheck check) {
        var recipient = send.toWorkgroup() ? send.workgroup() : send.user();
        var member = send.path() + (send.toWorkgroup() ? ".workgroup" : ".user");
        if (send.path().length() > MAX_WORK_ITEM_PATH) {
            check.error(send.path(), "this work-item action is nested too deep: its path has more than "
                    + MAX_WORK_ITEM_PATH + " characters (the most a work item can record)");
        }
        if (recipient != null && !recipient.isEmpty()) {
            check.expression(recipient, member).ifPresent(r ->
                    check.assignable(r, recipient, VariableType.STRING, member));
            check.shown(recipient, member, "the recipient (shown with the flow and the work item)");
        }
        if (send.description() != null) {
            check.expression(send.description(), send.path() + ".description");
            check.shown(send.description(), send.path() + ".description", "the work-item description");
        }
        if (send.timeout() != null) {
            check.shown(send.timeout(), send.path() + ".timeout", "the timeout (its deadline is shown with the flow)");
            check.duration(send.timeout(), send.path() + ".timeout");
        } else if (!send.onTimeout().isEmpty()) {
            check.error(send.path() + ".onTimeout", "onTimeout runs when the work item times out: give a 'timeout'");
        }
        if (send.form() == null) {
            return;
        }
        var form = check.definition().forms().stream().filter(f -> send.form().equals(f.name())).findFirst();
        if (form.isEmpty()) {
            check.error(send.path() + ".form", "no form named '" + send.form() + "'");
            return;
        }
        var buttons = form.get().buttons().stream().map(FormDef.Button::name).toList();
        send.exits().keySet().stream().filter(b -> !buttons.contains(b)).forEach(b -> check.error(send.path()
                + ".exits." + b, "form '" + send.form() + "' has no button '" + b + "' (buttons: "
                + String.join(", ", buttons) + ")"));
    }

    @Override
    public Outcome run(SendWorkItem send, ActionRun run) {
        var recipient = run.evaluate(send.toWorkgroup() ? send.workgroup() : send.user());
        var whom = send.toWorkgroup() ? "workgroup" : "user";
        if (recipient == null || recipient.toString().isBlank()) {
            throw run.failure("the " + whom + " to send the work item to has no value");
        }
        if (recipient.toString().strip().length() > MAX_RECIPIENT_LENGTH) {
            throw run.failure("the " + whom + " to send the work item to is longer than " + MAX_RECIPIENT_LENGTH
                    + " characters: no " + whom + " has such a name");
        }
        var form = run.definition().forms().stream().filter(f -> f.name().equals(send.form())).findFirst()
                .orElseThrow();
        var descriptionText = send.description() != null ? send.description() : form.description();
        var description = descriptionText == null || run.usesRestricted(descriptionText)
                ? form.name() : String.valueOf(run.evaluate(descriptionText));
        var deadline = send.timeout() == null ? null : run.now().plus(run.duration(send.timeout()));
        run.waitOn("work item", deadline);
        return new Outcome.WorkItemRequested(send, recipient.toString().strip(), description, deadline);
    }

    /** The work item was completed with {@code button}: the editable fields' values go to their variables. */
    static void completed(SendWorkItem send, String button, Map<String, Object> values, ActionRun run) {
        values.forEach(run::assign);
        run.enter(send.exits().getOrDefault(button, List.of()));
    }

    /** The work item timed out: its onTimeout path runs. */
    static void timedOut(SendWorkItem send, ActionRun run) {
        run.enter(send.onTimeout());
    }
}
