package org.ipaserver.flow;

import java.util.HashMap;
import java.util.Map;
import org.ipaserver.definition.CompiledProcess;
import org.ipaserver.definition.Scope;
import org.ipaserver.definition.TypedValues;
import org.ipaserver.definition.VariableDef;
import org.ipaserver.definition.VariableType;
import org.ipaserver.expression.Expressions;
import org.ipaserver.expression.VariableLookup;

/**
 * The variables a running action sees and sets: the locals of its state or task first, then the
 * flow's globals; values always take their declared types.
 */
final class FlowVariables {

    private final Expressions expressions;

    FlowVariables(Expressions expressions) {
        this.expressions = expressions;
    }

    Map<String, Object> newLocals(CompiledProcess process, Scope scope) {
        var locals = new HashMap<String, Object>();
        for (var variable : process.locals(scope).values()) {
            locals.put(variable.name(), initial(variable));
        }
        return locals;
    }

    void assign(CompiledProcess process, FlowState state, FlowState.Frame frame, String name, Object value) {
        var local = process.locals(frame.scope).get(name);
        if (local != null) {
            frame.locals.put(name, convert(value, local));
            return;
        }
        var global = process.globals().get(name);
        if (global == null) {
            throw new FlowFailure("unknown variable '" + name + "'");
        }
        state.globals.put(name, convert(value, global));
    }

    static Object convert(Object value, VariableDef variable) {
        Object converted;
        try {
            converted = TypedValues.coerce(value, variable.type());
        } catch (IllegalArgumentException e) {
            throw new FlowFailure("variable '" + variable.name() + "': " + e.getMessage());
        }
        FlowLimits.checkValue(variable.name(), converted);
        return converted;
    }

    static Object initial(VariableDef variable) {
        return variable.initial() == null ? null : TypedValues.fromStoredJson(variable.initial(), variable.type());
    }

    Object evaluate(String text, FlowState state, FlowState.Frame frame) {
        return expressions.evaluate(text, new Lookup(state, frame));
    }

    /**
     * Whether a text uses a variable under a security specification. Validation refuses such
     * shown texts; versions published before it did still run, and must not show the value.
     */
    boolean usesRestricted(CompiledProcess process, FlowState.Frame frame, String text) {
        for (var name : expressions.compile(text).variables()) {
            var variable = process.locals(frame.scope).get(name);
            if (variable == null) {
                variable = process.globals().get(name);
            }
            if (variable != null && variable.securitySpecification() != null) {
                return true;
            }
        }
        return false;
    }

    boolean isTrue(String condition, FlowState state, FlowState.Frame frame) {
        var value = evaluate(condition, state, frame);
        if (value == null) {
            throw new FlowFailure("the condition has no value (a variable in it is empty)");
        }
        return (Boolean) TypedValues.coerce(value, VariableType.BOOLEAN);
    }

    /** Locals of the running state or task first, then the flow's globals. */
    private record Lookup(FlowState state, FlowState.Frame frame) implements VariableLookup {

        @Override
        public boolean has(String name) {
            return frame.locals.containsKey(name) || state.globals.containsKey(name);
        }

        @Override
        public Object value(String name) {
            var local = frame.locals.get(name);
            return local != null || frame.locals.containsKey(name) ? local : state.globals.get(name);
        }
    }
}
