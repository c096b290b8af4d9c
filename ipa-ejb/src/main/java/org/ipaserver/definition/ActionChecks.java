package org.ipaserver.definition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.ipaserver.expression.ExpressionException;
import org.ipaserver.expression.Expressions;
import org.ipaserver.expression.VariableLookup;

/** Validation of the actions of one state or task, with the variables that scope can see. */
final class ActionChecks {

    /** A work item records the path of the action that sent it in a column of this size. */
    private static final int MAX_WORK_ITEM_PATH = 512;
    private static final java.util.regex.Pattern HANDLER = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private final ProcessDefinition definition;
    private final Expressions expressions;
    private final Function<String, Optional<ProcessDefinition>> published;
    private final List<Problem> problems;
    private final ShownTexts shown;

    ActionChecks(ProcessDefinition definition, Expressions expressions,
                 Function<String, Optional<ProcessDefinition>> published, List<Problem> problems) {
        this.definition = definition;
        this.expressions = expressions;
        this.published = published;
        this.problems = problems;
        this.shown = new ShownTexts(expressions, problems);
    }

    /** Checks a form description: a text over the global variables shown with every work item of the form. */
    void formDescription(String text, String path) {
        var globals = DefinitionValidator.byName(definition.variables());
        expression(text, path, globals);
        shown.check(text, path, "the form description", globals);
    }

    void check(Scope scope) {
        var visible = new LinkedHashMap<>(DefinitionValidator.byName(definition.variables()));
        visible.putAll(DefinitionValidator.byName(scope.locals()));
        check(scope.actions(), scope, visible);
    }

    private void check(List<ActionDef> actions, Scope scope, Map<String, VariableDef> vars) {
        for (var action : actions) {
            if (action instanceof ActionDef.UpdateVariables update) {
                if (update.assignments().isEmpty()) {
                    error(update.path() + ".assignments", "UpdateVariables needs at least one assignment");
                }
                for (var assignment : update.assignments()) {
                    var target = variable(assignment.variable(), assignment.path() + ".variable", vars);
                    if (assignment.value() != null) {
                        var result = expression(assignment.value(), assignment.path() + ".value", vars);
                        target.ifPresent(t -> result.ifPresent(r ->
                                assignable(r, assignment.value(), t.type(), assignment.path() + ".value")));
                    }
                }
            } else if (action instanceof ActionDef.Decision decision) {
                condition(decision.condition(), decision.path() + ".condition", vars);
            } else if (action instanceof ActionDef.Select select) {
                if (select.cases().isEmpty()) {
                    error(select.path() + ".cases", "Select needs at least one case");
                }
                select.cases().forEach(c -> condition(c.when(), c.path() + ".when", vars));
            } else if (action instanceof ActionDef.Loop loop) {
                condition(loop.condition(), loop.path() + ".while", vars);
                if (loop.maxIterations() < 1 || loop.maxIterations() > DefinitionValidator.MAX_LOOP_ITERATIONS) {
                    error(loop.path() + ".maxIterations", "must be between 1 and "
                            + DefinitionValidator.MAX_LOOP_ITERATIONS);
                }
                if (loop.counter() != null) {
                    variable(loop.counter(), loop.path() + ".counter", vars).ifPresent(counter -> {
                        if (!counter.type().equals(VariableType.INTEGER)) {
                            error(loop.path() + ".counter", "the loop counter must be an Integer variable");
                        }
                    });
                }
            } else if (action instanceof ActionDef.RunTask run) {
                runTask(run, vars);
            } else if (action instanceof ActionDef.EndTask end) {
                if (!(scope instanceof TaskDef)) {
                    error(end.path(), "EndTask ends a task: it cannot stand in a state");
                }
            } else if (action instanceof ActionDef.ChangeState change) {
                stateLevel(change, scope);
                changeState(change, vars);
            } else if (action instanceof ActionDef.EndProcess end) {
                stateLevel(end, scope);
            } else if (action instanceof ActionDef.RunProcess run) {
                runProcess(run, vars);
            } else if (action instanceof ActionDef.Wait wait) {
                waitAction(wait, vars);
            } else if (action instanceof ActionDef.SendWorkItem send) {
                sendWorkItem(send, vars);
            } else if (action instanceof ActionDef.RunHandler run) {
                if (run.handler() != null && !HANDLER.matcher(run.handler()).matches()) {
                    error(run.path() + ".handler", "a handler name holds only letters, digits, '_', '.' and '-' "
                            + "(it names a Java handler or a program in the connector's handlers directory)");
                }
                external(run, vars);
            } else if (action instanceof ActionDef.Database database) {
                new DatabaseChecks(problems).check(database, vars);
                external(database, vars);
            } else if (action instanceof ActionDef.CallWebService call) {
                new WebServiceChecks(problems).check(call);
                external(call, vars);
            } else if (action instanceof ActionDef.SendEmail mail) {
                new SendEmailChecks(problems).check(mail, external(mail, vars));
            }
            action.blocks().forEach(block -> check(block, scope, vars));
        }
    }

    /**
     * What every external action shares: inputs, outputs, timeout, and which secured variables may
     * leave. Returns each input's result on sample values, where it could be evaluated.
     */
    private Map<String, Object> external(ActionDef.External action, Map<String, VariableDef> vars) {
        var samples = new LinkedHashMap<String, Object>();
        var specs = definition.securitySpecifications().stream().map(SecuritySpecification::name).toList();
        for (int i = 0; i < action.trusted().size(); i++) {
            if (!specs.contains(action.trusted().get(i))) {
                error(action.path() + ".securitySpecifications[" + i + "]", "no security specification named '"
                        + action.trusted().get(i) + "'");
            }
        }
        action.inputs().forEach((name, value) -> {
            var path = action.inputPath(name);
            expression(value, path, vars).ifPresent(sample -> samples.put(name, sample));
            secured(value, vars, action.trusted(), path, action.type());
        });
        action.outputs().forEach((name, target) -> variable(target, action.outputPath(name), vars));
        if (action.timeout() != null) {
            try {
                if (DefinitionValidator.literalDuration(action.timeout()) == null) {
                    expression(action.timeout(), action.path() + ".timeout", vars);
                }
            } catch (IllegalArgumentException e) {
                error(action.path() + ".timeout", e.getMessage());
            }
        }
        return samples;
    }

    /** A value that leaves the flow may name a secured variable only when the action trusts its specification. */
    private void secured(String text, Map<String, VariableDef> vars, List<String> trusted, String path, String type) {
        shown.restricted(text, vars, trusted).forEach((name, spec) -> error(path, "variable '" + name
                + "' is under security specification '" + spec + "': list '" + spec + "' in the " + type
                + "'s securitySpecifications to let its value leave the flow there"));
    }

    private void stateLevel(ActionDef action, Scope scope) {
        if (scope instanceof TaskDef) {
            error(action.path(), action.type() + " is a state-level action: it cannot stand in a task");
        }
    }

    private void runTask(ActionDef.RunTask run, Map<String, VariableDef> vars) {
        if (run.task() == null) {
            return;
        }
        var task = definition.task(run.task());
        if (task.isEmpty()) {
            error(run.path() + ".task", "no task named '" + run.task() + "'");
            return;
        }
        inputs(run.inputs(), DefinitionValidator.byName(task.get().inputs()), "task '" + run.task() + "'",
                run.path() + ".inputs", vars);
        outputs(run.outputs(), DefinitionValidator.byName(task.get().outputs()), "task '" + run.task() + "'",
                run.path() + ".outputs", vars);
    }

    private void changeState(ActionDef.ChangeState change, Map<String, VariableDef> vars) {
        if (change.state() == null) {
            return;
        }
        var state = definition.state(change.state());
        if (state.isEmpty()) {
            error(change.path() + ".state", "no state named '" + change.state() + "'");
            return;
        }
        inputs(change.inputs(), DefinitionValidator.byName(state.get().inputs()), "state '" + change.state() + "'",
                change.path() + ".inputs", vars);
    }

    private void runProcess(ActionDef.RunProcess run, Map<String, VariableDef> vars) {
        if (run.process() == null) {
            return;
        }
        var child = run.process().equals(definition.name()) ? Optional.of(definition) : published.apply(run.process());
        if (child.isEmpty()) {
            problems.add(Problem.warning(run.path() + ".process", "process '" + run.process()
                    + "' is not published: flows will fail here until it is"));
            run.inputs().forEach((name, value) -> expression(value, run.path() + ".inputs." + name, vars));
            run.outputs().forEach((name, target) -> variable(target, run.path() + ".outputs." + name, vars));
            return;
        }
        var globals = DefinitionValidator.byName(child.get().variables());
        inputs(run.inputs(), globals, "process '" + run.process() + "'", run.path() + ".inputs", vars);
        outputs(run.outputs(), globals, "process '" + run.process() + "'", run.path() + ".outputs", vars);
    }

    private void waitAction(ActionDef.Wait wait, Map<String, VariableDef> vars) {
        if ((wait.duration() == null) == (wait.until() == null)) {
            error(wait.path(), "Wait needs exactly one of 'duration' and 'until'");
            return;
        }
        shown.check(wait.duration(), wait.path() + ".duration", "the duration (the time the flow waits until is "
                + "shown with it)", vars);
        shown.check(wait.until(), wait.path() + ".until", "the time the flow waits until (shown with it)", vars);
        if (wait.duration() != null) {
            try {
                var literal = DefinitionValidator.literalDuration(wait.duration());
                if (literal == null) {
                    expression(wait.duration(), wait.path() + ".duration", vars);
                } else if (literal.isNegative()) {
                    error(wait.path() + ".duration", "a duration cannot be negative");
                }
            } catch (IllegalArgumentException e) {
                error(wait.path() + ".duration", e.getMessage());
            }
        } else {
            expression(wait.until(), wait.path() + ".until", vars).ifPresent(result ->
                    assignable(result, wait.until(), VariableType.DATETIME, wait.path() + ".until"));
        }
    }

    private void sendWorkItem(ActionDef.SendWorkItem send, Map<String, VariableDef> vars) {
        var recipient = send.toWorkgroup() ? send.workgroup() : send.user();
        var member = send.toWorkgroup() ? ".workgroup" : ".user";
        if (send.path().length() > MAX_WORK_ITEM_PATH) {
            error(send.path(), "this work-item action is nested too deep: its path has more than "
                    + MAX_WORK_ITEM_PATH + " characters (the most a work item can record)");
        }
        if (recipient != null && !recipient.isEmpty()) {
            expression(recipient, send.path() + member, vars).ifPresent(r ->
                    assignable(r, recipient, VariableType.STRING, send.path() + member));
            shown.check(recipient, send.path() + member, "the recipient (shown with the flow and the work item)",
                    vars);
        }
        if (send.description() != null) {
            expression(send.description(), send.path() + ".description", vars);
            shown.check(send.description(), send.path() + ".description", "the work-item description", vars);
        }
        shown.check(send.timeout(), send.path() + ".timeout", "the timeout (its deadline is shown with the flow)",
                vars);
        if (send.timeout() != null) {
            try {
                if (DefinitionValidator.literalDuration(send.timeout()) == null) {
                    expression(send.timeout(), send.path() + ".timeout", vars);
                }
            } catch (IllegalArgumentException e) {
                error(send.path() + ".timeout", e.getMessage());
            }
        } else if (!send.onTimeout().isEmpty()) {
            error(send.path() + ".onTimeout", "onTimeout runs when the work item times out: give a 'timeout'");
        }
        if (send.form() == null) {
            return;
        }
        var form = definition.forms().stream().filter(f -> send.form().equals(f.name())).findFirst();
        if (form.isEmpty()) {
            error(send.path() + ".form", "no form named '" + send.form() + "'");
            return;
        }
        var buttons = form.get().buttons().stream().map(FormDef.Button::name).toList();
        send.exits().keySet().stream().filter(b -> !buttons.contains(b)).forEach(b -> error(send.path() + ".exits."
                + b, "form '" + send.form() + "' has no button '" + b + "' (buttons: " + String.join(", ", buttons)
                + ")"));
    }

    private void inputs(Map<String, String> given, Map<String, VariableDef> declared, String owner, String path,
                        Map<String, VariableDef> vars) {
        given.forEach((name, value) -> {
            var result = expression(value, path + "." + name, vars);
            var input = declared.get(name);
            if (input == null) {
                error(path + "." + name, owner + " has no input named '" + name + "'");
            } else if (input.type() != null) {
                result.ifPresent(r -> assignable(r, value, input.type(), path + "." + name));
            }
        });
    }

    private void outputs(Map<String, String> given, Map<String, VariableDef> declared, String owner, String path,
                         Map<String, VariableDef> vars) {
        given.forEach((name, target) -> {
            var output = declared.get(name);
            var variable = variable(target, path + "." + name, vars);
            if (output == null) {
                error(path + "." + name, owner + " has no output named '" + name + "'");
            } else if (variable.isPresent() && output.type() != null
                    && !variable.get().type().accepts(output.type())) {
                error(path + "." + name, "type mismatch: " + output.type() + " output '" + name
                        + "' cannot be stored in " + variable.get().type() + " variable '" + target + "'");
            }
        });
    }

    private Optional<VariableDef> variable(String name, String path, Map<String, VariableDef> vars) {
        if (name == null) {
            return Optional.empty();
        }
        var variable = vars.get(name);
        if (variable == null) {
            error(path, "unknown variable '" + name + "'");
            return Optional.empty();
        }
        return variable.type() == null ? Optional.empty() : Optional.of(variable);
    }

    private void condition(String text, String path, Map<String, VariableDef> vars) {
        if (text != null) {
            expression(text, path, vars).ifPresent(result -> assignable(result, text, VariableType.BOOLEAN, path));
        }
    }

    /** Compiles, checks references, evaluates on sample values; the sample result if all went well. */
    private Optional<Object> expression(String text, String path, Map<String, VariableDef> vars) {
        if (text == null) {
            return Optional.empty();
        }
        Expressions.Compiled compiled;
        try {
            compiled = expressions.compile(text);
        } catch (ExpressionException e) {
            error(path, "expression " + e.getMessage());
            return Optional.empty();
        }
        var unknown = compiled.variables().stream().filter(v -> !vars.containsKey(v)).toList();
        unknown.forEach(name -> error(path, "unknown variable '" + name + "'"));
        if (!unknown.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(expressions.evaluate(compiled, new Samples(vars)));
        } catch (ExpressionException e) {
            error(path, "type mismatch: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void assignable(Object sample, String text, VariableType target, String path) {
        var literal = !text.contains("${") && !text.contains("#{");
        if (!literal && sample instanceof String && target.base() == VariableType.Base.MAILBOX) {
            return; // the address format of a computed text can only be checked when it runs
        }
        try {
            if (literal || sample instanceof String == false || target.base() == VariableType.Base.STRING
                    || target.base() == VariableType.Base.MAILBOX) {
                TypedValues.coerce(sample, target);
                if (!literal && target.base() == VariableType.Base.INTEGER
                        && (sample instanceof BigDecimal || sample instanceof Double)) {
                    error(path, "type mismatch: a Decimal result cannot be stored in an Integer variable");
                }
                return;
            }
            error(path, "type mismatch: a String result cannot be stored in a " + target + " variable"
                    .replace("a Integer", "an Integer"));
        } catch (IllegalArgumentException e) {
            error(path, "type mismatch: " + e.getMessage());
        }
    }

    private void error(String path, String message) {
        problems.add(Problem.error(path, message));
    }

    /** Typical values of each declared type, to find type errors by evaluating once. */
    private record Samples(Map<String, VariableDef> vars) implements VariableLookup {

        @Override
        public boolean has(String name) {
            return vars.containsKey(name);
        }

        @Override
        public Object value(String name) {
            var type = vars.get(name).type();
            if (type == null) {
                return null;
            }
            var element = switch (type.base()) {
                case STRING -> "text";
                case INTEGER -> 1L;
                case DECIMAL -> BigDecimal.ONE;
                case BOOLEAN -> Boolean.TRUE;
                case DATETIME -> Instant.parse("2026-01-01T00:00:00Z");
                case MAILBOX -> "someone@example.com";
            };
            return type.list() ? List.of(element) : element;
        }
    }
}
