package org.ipaserver.action;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.SecuritySpecification;

/**
 * What every action that reaches the outside world shares: a timeout, the security specifications
 * whose variables may leave the flow in it, exit paths, inputs evaluated when the flow gets there,
 * and outputs mapped back from the answer. The flow commits "calling" before the call is made (by
 * the server's {@code ExternalCall} for the action's type, outside any transaction).
 */
abstract class ExternalAction<A extends ActionDef.External> implements ActionType<A> {

    private static final List<String> SHARED_MEMBERS = List.of("timeout", "securitySpecifications", "exits");

    /** The members of this kind of action, besides timeout, securitySpecifications and exits. */
    abstract List<String> ownMembers();

    /** Reads the action, given the members every external action has. */
    abstract A read(ActionJson json, Shared shared);

    /**
     * Checks what is particular to this kind of action.
     *
     * @param samples each input's result on sample values, where it could be evaluated
     */
    abstract void checkOwn(A action, ActionCheck check, Map<String, Object> samples);

    record Shared(String timeout, List<String> trusted, Map<String, List<ActionDef>> exits) {
    }

    @Override
    public final A read(ActionJson json) {
        var members = new ArrayList<>(ownMembers());
        members.addAll(SHARED_MEMBERS);
        json.members(members.toArray(String[]::new));
        return read(json, new Shared(json.optionalString("timeout"), json.strings("securitySpecifications"),
                json.exits()));
    }

    @Override
    public final void check(A action, ActionCheck check) {
        var specs = check.definition().securitySpecifications().stream().map(SecuritySpecification::name).toList();
        for (int i = 0; i < action.trusted().size(); i++) {
            if (!specs.contains(action.trusted().get(i))) {
                check.error(action.path() + ".securitySpecifications[" + i + "]", "no security specification named '"
                        + action.trusted().get(i) + "'");
            }
        }
        var samples = new LinkedHashMap<String, Object>();
        action.inputs().forEach((name, value) -> {
            var path = action.inputPath(name);
            check.expression(value, path).ifPresent(sample -> samples.put(name, sample));
            check.restricted(value, action.trusted()).forEach((variable, spec) -> check.error(path, "variable '"
                    + variable + "' is under security specification '" + spec + "': list '" + spec + "' in the "
                    + action.type() + "'s securitySpecifications to let its value leave the flow there"));
        });
        action.outputs().forEach((name, target) -> check.variable(target, action.outputPath(name)));
        if (action.timeout() != null) {
            check.duration(action.timeout(), action.path() + ".timeout");
        }
        checkOwn(action, check, samples);
    }

    @Override
    public final Outcome run(A action, ActionRun run) {
        var inputs = new LinkedHashMap<String, Object>();
        action.inputs().forEach((name, text) -> inputs.put(name, run.evaluate(text)));
        var timeout = action.timeout() == null ? null : run.duration(action.timeout());
        return new Outcome.CallRequested(action, inputs, timeout);
    }

    /**
     * The call answered: mapped outputs go to their variables (a value they cannot hold throws),
     * then the answer's exit path runs. An exit the action has no path for is an error of the
     * flow, except success, which goes on after the action.
     */
    static Outcome ended(ActionDef.External action, CallResult result, ActionRun run) {
        for (var output : action.outputs().entrySet()) {
            if (result.outputs().containsKey(output.getKey())) {
                run.assign(output.getValue(), result.outputs().get(output.getKey()));
            }
        }
        var branch = action.exits().get(result.exit());
        if (branch == null && !CallResult.SUCCESS.equals(result.exit())) {
            return new Outcome.Failed(action.path(), ActionTypes.describe(action) + " ended on exit '" + result.exit()
                    + "'" + (result.message() == null ? "" : " (" + result.message() + ")")
                    + ", which the action has no exit path for");
        }
        run.enter(branch == null ? List.of() : branch);
        return null;
    }
}
