package org.ipaserver.expression;

import jakarta.el.CompositeELResolver;
import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.ListELResolver;
import jakarta.el.MapELResolver;
import jakarta.el.PropertyNotFoundException;
import jakarta.el.VariableMapper;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The EL context of one evaluation: flow variables by name, lists and maps by index and key,
 * and {@link ElFunctions}. No bean resolver: expressions cannot call arbitrary Java methods.
 */
final class FlowElContext extends ELContext {

    private static final Map<String, Method> FUNCTIONS = Arrays.stream(ElFunctions.class.getMethods())
            .filter(m -> m.getDeclaringClass() == ElFunctions.class)
            .collect(Collectors.toUnmodifiableMap(Method::getName, Function.identity()));

    private static final FunctionMapper FUNCTION_MAPPER = new FunctionMapper() {
        @Override
        public Method resolveFunction(String prefix, String localName) {
            return prefix == null || prefix.isEmpty() || prefix.equals("ipa") ? FUNCTIONS.get(localName) : null;
        }
    };

    private static final VariableMapper NO_VARIABLES = new VariableMapper() {
        @Override
        public jakarta.el.ValueExpression resolveVariable(String variable) {
            return null;
        }

        @Override
        public jakarta.el.ValueExpression setVariable(String variable, jakarta.el.ValueExpression expression) {
            throw new UnsupportedOperationException("expressions cannot define variables");
        }
    };

    private final CompositeELResolver resolver = new CompositeELResolver();

    FlowElContext(VariableLookup variables) {
        if (variables != null) {
            resolver.add(new FlowVariableResolver(variables));
        }
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        resolver.add(NO_METHOD_CALLS);
    }

    /** Designers write expressions, not programs: no method of any object may be called. */
    private static final ELResolver NO_METHOD_CALLS = new ELResolver() {
        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
            throw new jakarta.el.MethodNotFoundException("expressions cannot call methods ('" + method + "')");
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return null;
        }
    };

    @Override
    public ELResolver getELResolver() {
        return resolver;
    }

    @Override
    public FunctionMapper getFunctionMapper() {
        return FUNCTION_MAPPER;
    }

    @Override
    public VariableMapper getVariableMapper() {
        return NO_VARIABLES;
    }

    /** Resolves top-level names to flow variables; an unknown name is an error, not a silent null. */
    private static final class FlowVariableResolver extends ELResolver {

        private final VariableLookup variables;

        FlowVariableResolver(VariableLookup variables) {
            this.variables = variables;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base != null || property == null) {
                return null;
            }
            var name = property.toString();
            if (!variables.has(name)) {
                return null; // not ours: EL goes on to functions such as now(), or reports the unknown name
            }
            context.setPropertyResolved(true);
            return variables.value(name);
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (base == null) {
                throw new PropertyNotFoundException("expressions cannot assign variables; use UpdateVariables");
            }
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return base == null ? String.class : null;
        }
    }
}
