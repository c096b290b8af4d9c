package org.ipaserver.action;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipaserver.definition.ActionDef;

/** Every kind of action the engine knows, by its JSON type name and by its record. */
public final class ActionTypes {

    private static final List<ActionType<?>> ALL = List.of(new UpdateVariablesAction(), new DecisionAction(),
            new SelectAction(), new LoopAction(), new RunTaskAction(), new EndTaskAction(), new ChangeStateAction(),
            new EndProcessAction(), new RunProcessAction(), new WaitAction(), new SendWorkItemAction(),
            new RunHandlerAction(), new DatabaseAction(), new CallWebServiceAction(), new SendEmailAction());
    private static final Map<String, ActionType<?>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, ActionType<?>> BY_MODEL = new LinkedHashMap<>();

    static {
        for (var type : ALL) {
            type.names().forEach(name -> BY_NAME.put(name, type));
            BY_MODEL.put(type.model(), type);
        }
    }

    private ActionTypes() {
    }

    /** The JSON type names, in the order the definition format documents them. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    public static Optional<ActionType<?>> named(String type) {
        return Optional.ofNullable(BY_NAME.get(type));
    }

    @SuppressWarnings("unchecked")
    private static ActionType<ActionDef> of(ActionDef action) {
        return (ActionType<ActionDef>) BY_MODEL.get(action.getClass());
    }

    public static void check(ActionDef action, ActionCheck check) {
        of(action).check(action, check);
    }

    public static Outcome run(ActionDef action, ActionRun run) {
        return of(action).run(action, run);
    }

    /** Whether the action runs again when its nested list ends (a Loop), instead of being passed. */
    public static boolean repeats(ActionDef action) {
        return of(action).repeats();
    }

    /** The caller's RunTask takes the outputs of the task that ended. */
    public static void taskReturned(ActionDef.RunTask run, Map<String, Object> taskLocals, ActionRun caller) {
        RunTaskAction.returned(run, taskLocals, caller);
    }

    /** The child flow of a RunProcess ended with these global values. */
    public static void childEnded(ActionDef.RunProcess run, Map<String, Object> childGlobals, ActionRun flow) {
        RunProcessAction.childEnded(run, childGlobals, flow);
    }

    /** The work item of a SendWorkItem was completed with {@code button} and these field values. */
    public static void workItemCompleted(ActionDef.SendWorkItem send, String button, Map<String, Object> values,
                                         ActionRun flow) {
        SendWorkItemAction.completed(send, button, values, flow);
    }

    public static void workItemTimedOut(ActionDef.SendWorkItem send, ActionRun flow) {
        SendWorkItemAction.timedOut(send, flow);
    }

    /** An external call answered; null means the flow goes on, else why it stops. */
    public static Outcome callEnded(ActionDef.External action, CallResult result, ActionRun flow) {
        return ExternalAction.ended(action, result, flow);
    }

    /** "RunHandler 'Score applicant'": how messages name an action, without values. */
    public static String describe(ActionDef action) {
        return action.type() + (action.label() == null ? "" : " '" + action.label() + "'");
    }
}
