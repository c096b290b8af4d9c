package org.ipaserver.action;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ipaserver.definition.ActionDef.RunHandler;

/**
 * Runs a handler through the JCA connector: a Java handler in the server, or a program of the
 * connector's handlers directory run as a worker process. Inputs: name → expression; outputs:
 * handler output → variable; its answer picks the exit path.
 */
final class RunHandlerAction extends ExternalAction<RunHandler> {

    private static final Pattern HANDLER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    @Override
    public List<String> names() {
        return List.of("RunHandler");
    }

    @Override
    public Class<RunHandler> model() {
        return RunHandler.class;
    }

    @Override
    List<String> ownMembers() {
        return List.of("handler", "inputs", "outputs");
    }

    @Override
    RunHandler read(ActionJson json, Shared shared) {
        return new RunHandler(json.label(), json.requiredString("handler"), json.stringMap("inputs"),
                json.stringMap("outputs"), shared.timeout(), shared.trusted(), shared.exits(), json.path());
    }

    @Override
    void checkOwn(RunHandler run, ActionCheck check, Map<String, Object> samples) {
        if (run.handler() != null && !HANDLER.matcher(run.handler()).matches()) {
            check.error(run.path() + ".handler", "a handler name holds only letters, digits, '_', '.' and '-' "
                    + "(it names a Java handler or a program in the connector's handlers directory)");
        }
    }
}
