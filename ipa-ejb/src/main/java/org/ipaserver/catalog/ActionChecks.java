package org.ipaserver.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.ipaserver.action.ActionCheck;
import org.ipaserver.action.ActionTypes;
import org.ipaserver.definition.ActionDef;
import org.ipaserver.definition.Problem;
import org.ipaserver.definition.ProcessDefinition;
import org.ipaserver.definition.Scope;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.definition.VariableDef;
import org.ipaserver.definition.VariableType;
import org.ipaserver.expression.ExpressionException;
import org.ipaserver.expression.Expressions;
import org.ipaserver.expression.VariableLookup;

/**
 * Validation of the actions of each state and task: each kind of action checks itself with the
 * variables its scope sees.
 */
final class ActionChecks {

    private final ProcessDefinition definition;
    private final Expressions expressions;
    private final Function<String, Optional<ProcessDefinition>> published;
    private final List<Problem> problems;
    private final ShownTexts shownTexts;

    ActionChecks(ProcessDefinition definition, Expressions expressions,
                 Function<String, Optional<ProcessDefinition>> published, List<Problem> problems) {
        this.definition = definition;
        this.expressions = expressions;
        this.published = published;
        this.problems = problems;
        this.shownTexts = new ShownTexts(expressions, problems);
    }

    /** Checks a form description: a text over the global variables shown with every work item of the form. */
    void formDescription(String text, String path) {
        var globals = new InScope(null, VariableDef.byName(definition.variables()));
        globals.expression(text, path);
        globals.shown(text, path, "the form description");
    }

    void check(Scope scope) {
        var visible = new LinkedHashMap<>(VariableDef.byName(definition.variables()));
        visible.putAll(VariableDef.byName(scope.locals()));
        check(scope.actions(), new InScope(scope, visible));
    }

    private static void check(List<ActionDef> actions, InScope scope) {
        for (var action : actions) {
            ActionTypes.check(action, scope);
            action.blocks().forEach(block -> check(block, scope));
        }
    }

    /** What an action checks itself with: the definition and the variables of its scope (null: the globals alone). */
    private final class InScope implements ActionCheck {
        private final Scope scope;
        private final Map<String, VariableDef> vars;

        InScope(Scope scope, Map<String, VariableDef> vars) {
            this.scope = scope;
            this.vars = vars;
        }

        @Override
        public ProcessDefinition definition() {
            return definition;
        }

        @Override
        public Scope scope() {
            return scope;
        }

        @Override
        public Map<String, VariableDef> variables() {
            return vars;
        }

        @Override
        public Optional<ProcessDefinition> published(String process) {
            return published.apply(process);
        }

        @Override
        public void assignable(Object sample, String text, VariableType target, String path) {
            ActionChecks.this.assignable(sample, text, target, path);
        }

        @Override
        public void duration(String text, String path) {
            try {
                var literal = DefinitionValidator.literalDuration(text);
                if (literal == null) {
                    expression(text, path);
                } else if (literal.isNegative()) {
                    error(path, "a duration cannot be negative");
                }
            } catch (IllegalArgumentException e) {
                error(path, e.getMessage());
            }
        }

        @Override
        public void shown(String text, String path, String shownAs) {
            shownTexts.check(text, path, shownAs, vars);
        }

        @Override
        public Map<String, String> restricted(String text, List<String> trusted) {
            return shownTexts.restricted(text, vars, trusted);
        }

        @Override
        public void inputs(Map<String, String> given, Map<String, VariableDef> declared, String owner, String path) {
            given.forEach((name, value) -> {
                var result = expression(value, path + "." + name);
                var input = declared.get(name);
                if (input == null) {
                    error(path + "." + name, owner + " has no input named '" + name + "'");
                } else if (input.type() != null) {
                    result.ifPresent(r -> assignable(r, value, input.type(), path + "." + name));
                }
            });
        }

        @Override
        public void outputs(Map<String, String> given, Map<String, VariableDef> declared, String owner, String path) {
            given.forEach((name, target) -> {
                var output = declared.get(name);
                var variable = variable(target, path + "." + name);
                if (output == null) {
                    error(path + "." + name, owner + " has no output named '" + name + "'");
                } else if (variable.isPresent() && output.type() != null
                        && !variable.get().type().accepts(output.type())) {
                    error(path + "." + name, "type mismatch: " + output.type() + " output '" + name
                            + "' cannot be stored in " + variable.get().type() + " variable '" + target + "'");
                }
            });
        }

        @Override
        public Optional<VariableDef> variable(String name, String path) {
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

        @Override
        public void condition(String text, String path) {
            if (text != null) {
                expression(text, path).ifPresent(result -> assignable(result, text, VariableType.BOOLEAN, path));
            }
        }

        /** Compiles, checks references, evaluates on sample values; the sample result if all went well. */
        @Override
        public Optional<Object> expression(String text, String path) {
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

        @Override
        public void error(String path, String message) {
            ActionChecks.this.error(path, message);
        }

        @Override
        public void warning(String path, String message) {
            problems.add(Problem.warning(path, message));
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
