package org.ipaserver.catalog;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.Problem;
import org.ipaserver.definition.ProcessDefinition;
import org.ipaserver.definition.Scope;
import org.ipaserver.definition.SecuritySpecification;
import org.ipaserver.definition.StateDef;
import org.ipaserver.definition.TaskDef;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.definition.VariableDef;
import org.ipaserver.expression.Expressions;

/**
 * Checks a read definition for everything that would make a flow of it fail for reasons known
 * before it runs: names, references, types, expressions, action placement, reachability.
 */
public final class DefinitionValidator {

    /** Names end up in columns of 128 characters (current state, form, button, work-item category). */
    static final int MAX_NAME_LENGTH = 128;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,127}");

    private final Expressions expressions;
    private final Function<String, Optional<ProcessDefinition>> published;

    /** @param published finds the latest published version of another process (for RunProcess) */
    public DefinitionValidator(Expressions expressions, Function<String, Optional<ProcessDefinition>> published) {
        this.expressions = expressions;
        this.published = published;
    }

    /** Reads and validates a JSON document: every problem, structural and semantic, in one report. */
    public ValidationReport validate(String json) {
        var read = DefinitionReader.read(json);
        var problems = new ArrayList<>(read.problems());
        if (read.definition() != null) {
            problems.addAll(validate(read.definition()));
        }
        return new ValidationReport(problems);
    }

    public List<Problem> validate(ProcessDefinition definition) {
        var problems = new ArrayList<Problem>();
        if (definition.name() != null && !NAME.matcher(definition.name()).matches()) {
            problems.add(Problem.error("$.name", "a process name starts with a letter and holds only letters, "
                    + "digits, '_', '.' and '-' (at most 128)"));
        }
        var specs = uniqueNames(definition.securitySpecifications(), SecuritySpecification::name,
                SecuritySpecification::path, "security specification", problems);
        for (var spec : definition.securitySpecifications()) {
            if (spec.users().isEmpty() && spec.workgroups().isEmpty() && spec.roles().isEmpty()) {
                problems.add(Problem.warning(spec.path(), "security specification lists nobody: no one "
                        + "will see the values of the variables that name it"));
            }
        }
        checkVariables(definition.variables(), specs, problems);
        uniqueNames(definition.states(), StateDef::name, StateDef::path, "state", problems);
        uniqueNames(definition.tasks(), TaskDef::name, TaskDef::path, "task", problems);
        if (definition.states().isEmpty()) {
            problems.add(Problem.error("$.states", "a process needs at least one state"));
        }
        if (definition.startState() != null && definition.state(definition.startState()).isEmpty()) {
            problems.add(Problem.error("$.startState", "no state named '" + definition.startState() + "'"));
        }
        var actions = new ActionChecks(definition, expressions, published, problems);
        for (var scope : scopes(definition)) {
            checkVariables(scope.locals(), specs, problems);
            for (var local : scope.locals()) {
                if (local.name() != null && definition.variable(local.name()).isPresent()) {
                    problems.add(Problem.warning(local.path() + ".name", "local variable '" + local.name()
                            + "' hides the global variable of the same name"));
                }
            }
            actions.check(scope);
        }
        TaskRecursion.check(definition, problems);
        new FormChecks(definition, problems, actions::formDescription).check();
        warnUnreachableStates(definition, problems);
        return problems;
    }

    private static List<Scope> scopes(ProcessDefinition definition) {
        var scopes = new ArrayList<Scope>(definition.states());
        scopes.addAll(definition.tasks());
        return scopes;
    }

    private void checkVariables(List<VariableDef> variables, Set<String> specs, List<Problem> problems) {
        uniqueNames(variables, VariableDef::name, VariableDef::path, "variable", problems);
        for (var variable : variables) {
            if (variable.name() != null && !NAME.matcher(variable.name()).matches()) {
                problems.add(Problem.error(variable.path() + ".name", "a variable name starts with a letter and holds "
                        + "only letters, digits, '_', '.' and '-'"));
            }
            if (variable.securitySpecification() != null && !specs.contains(variable.securitySpecification())) {
                problems.add(Problem.error(variable.path() + ".securitySpecification",
                        "no security specification named '" + variable.securitySpecification() + "'"));
            }
            if (variable.report() && variable.securitySpecification() != null) {
                problems.add(Problem.warning(variable.path() + ".report", "a variable under a security "
                        + "specification is never reported: its values stay out of the reporting tables"));
            }
            if (variable.initial() != null && variable.type() != null) {
                try {
                    TypedValues.fromJson(variable.initial(), variable.type());
                } catch (IllegalArgumentException e) {
                    problems.add(Problem.error(variable.path() + ".initial", "type mismatch: " + e.getMessage()));
                }
            }
        }
    }

    static <T> Set<String> uniqueNames(List<T> items, Function<T, String> name, Function<T, String> path,
                                       String what, List<Problem> problems) {
        var seen = new HashSet<String>();
        for (var item : items) {
            var n = name.apply(item);
            if (n != null && n.length() > MAX_NAME_LENGTH) {
                problems.add(Problem.error(path.apply(item) + ".name", "a " + what + " name has at most "
                        + MAX_NAME_LENGTH + " characters"));
            }
            if (n != null && !seen.add(n)) {
                problems.add(Problem.error(path.apply(item) + ".name", "duplicate " + what + " name '" + n + "'"));
            }
        }
        return seen;
    }

    private static void warnUnreachableStates(ProcessDefinition definition, List<Problem> problems) {
        if (definition.startState() == null || definition.state(definition.startState()).isEmpty()) {
            return;
        }
        var reached = new HashSet<String>();
        var queue = new ArrayDeque<String>(List.of(definition.startState()));
        while (!queue.isEmpty()) {
            var name = queue.poll();
            if (!reached.add(name)) {
                continue;
            }
            definition.state(name).ifPresent(state -> targets(state.actions(), queue));
        }
        for (var state : definition.states()) {
            if (state.name() != null && !reached.contains(state.name())) {
                problems.add(Problem.warning(state.path(), "state '" + state.name()
                        + "' is unreachable: no ChangeState leads to it from the start state"));
            }
        }
    }

    private static void targets(List<ActionDef> actions, ArrayDeque<String> queue) {
        for (var action : actions) {
            if (action instanceof ActionDef.ChangeState change && change.state() != null) {
                queue.add(change.state());
            }
            action.blocks().forEach(block -> targets(block, queue));
        }
    }

    /** An ISO-8601 duration literal, or null when the text is an expression. */
    static Duration literalDuration(String text) {
        if (text.contains("${") || text.contains("#{")) {
            return null;
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration such as PT30S or P1D");
        }
    }
}
