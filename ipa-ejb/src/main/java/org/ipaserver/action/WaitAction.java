package org.ipaserver.action;

import java.time.Instant;
import java.util.List;
import org.ipaserver.definition.ActionDef.Wait;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.definition.VariableType;

/** Waits for a duration (ISO-8601, seconds, or an expression giving one) or until a DateTime. */
final class WaitAction implements ActionType<Wait> {

    @Override
    public List<String> names() {
        return List.of("Wait");
    }

    @Override
    public Class<Wait> model() {
        return Wait.class;
    }

    @Override
    public Wait read(ActionJson json) {
        json.members("duration", "until");
        return new Wait(json.label(), json.optionalString("duration"), json.optionalString("until"), json.path());
    }

    @Override
    public void check(Wait wait, ActionCheck check) {
        if ((wait.duration() == null) == (wait.until() == null)) {
            check.error(wait.path(), "Wait needs exactly one of 'duration' and 'until'");
            return;
        }
        if (wait.duration() != null) {
            check.shown(wait.duration(), wait.path() + ".duration", "the duration (the time the flow waits until "
                    + "is shown with it)");
            check.duration(wait.duration(), wait.path() + ".duration");
        } else {
            check.shown(wait.until(), wait.path() + ".until", "the time the flow waits until (shown with it)");
            check.expression(wait.until(), wait.path() + ".until").ifPresent(result ->
                    check.assignable(result, wait.until(), VariableType.DATETIME, wait.path() + ".until"));
        }
    }

    @Override
    public Outcome run(Wait wait, ActionRun run) {
        Instant wakeAt;
        if (wait.until() != null) {
            wakeAt = (Instant) TypedValues.coerce(run.evaluate(wait.until()), VariableType.DATETIME);
            if (wakeAt == null) {
                throw run.failure("'until' has no value");
            }
        } else {
            wakeAt = run.now().plus(run.duration(wait.duration()));
        }
        run.waitOn("timer", wakeAt);
        run.advance();
        return new Outcome.Waiting(wakeAt);
    }
}
