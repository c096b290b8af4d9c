package org.ipaserver.expression;

import jakarta.el.ELException;
import jakarta.el.ExpressionFactory;
import jakarta.el.ValueExpression;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Compiles and evaluates Jakarta EL expressions over flow variables. A text without {@code ${}}
 * is a literal; {@code "Dear ${FirstName}"} is a template. Compiled expressions are cached:
 * definitions are immutable, so the same texts come back for every flow.
 */
public final class Expressions {

    /** A compiled expression with what the scanner found in it. */
    public record Compiled(String text, ValueExpression expression, Set<String> variables,
                           Set<String> arithmeticOperands) {
    }

    /** Expressly's "Cannot convert [value] of type [class a.B] to [class c.D]". */
    private static final Pattern EL_CONVERSION = Pattern.compile("of type \\[(?:class )?([\\w.$]+)\\] to \\[(?:class )?([\\w.$]+)\\]");

    private final ExpressionFactory factory = ExpressionFactory.newInstance();
    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

    public Compiled compile(String text) {
        var cached = cache.get(text);
        if (cached != null) {
            return cached;
        }
        try {
            var context = new FlowElContext(null);
            var expression = factory.createValueExpression(context, text, Object.class);
            var scan = ExpressionScanner.scan(text);
            var compiled = new Compiled(text, expression, scan.variables(), scan.arithmeticOperands());
            if (cache.size() < 100_000) {
                cache.put(text, compiled);
            }
            return compiled;
        } catch (ELException e) {
            throw new ExpressionException("does not compile: " + rootMessage(e));
        }
    }

    /** Evaluates an expression; any failure becomes an {@link ExpressionException} without values. */
    public Object evaluate(Compiled compiled, VariableLookup variables) {
        for (var operand : compiled.arithmeticOperands()) {
            if (variables.has(operand) && variables.value(operand) == null) {
                throw new ExpressionException("variable '" + operand + "' has no value and is used in arithmetic");
            }
        }
        try {
            return compiled.expression().getValue(new FlowElContext(variables));
        } catch (ExpressionException e) {
            throw e;
        } catch (RuntimeException e) {
            if (root(e) instanceof NullPointerException) {
                throw new ExpressionException(emptyOperand(compiled, variables));
            }
            throw new ExpressionException(rootMessage(e));
        }
    }

    /**
     * EL's {@code +=} (Expressly) fails on an operand with no value. We keep that an error, like
     * arithmetic on no value, rather than join an empty text silently; templates are the way to
     * join texts that may be empty.
     */
    private static String emptyOperand(Compiled compiled, VariableLookup variables) {
        var empty = compiled.variables().stream().filter(v -> variables.has(v) && variables.value(v) == null).toList();
        return "an operand has no value" + (empty.isEmpty() ? "" : " (variables with no value here: "
                + String.join(", ", empty) + ")") + "; '+=' joins texts that all have a value: write a template "
                + "such as \"${A} ${B}\", where a variable with no value is empty text, or test it with 'empty'";
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    public Object evaluate(String text, VariableLookup variables) {
        return evaluate(compile(text), variables);
    }

    /**
     * A message that names what went wrong but never a value: EL and the JDK quote the offending
     * value ("Cannot convert [x] of type ...", "For input string: \"x\""), and values may be secret.
     */
    static String rootMessage(Throwable e) {
        var root = root(e);
        if (root instanceof NumberFormatException) {
            return "a text that is not a number is used as a number";
        }
        if (root instanceof ArithmeticException) {
            return "arithmetic error: " + root.getMessage();
        }
        if (root instanceof jakarta.el.MethodNotFoundException || root instanceof jakarta.el.PropertyNotFoundException) {
            return root.getMessage(); // names only: the method, property or variable
        }
        var message = root.getMessage() == null ? "" : root.getMessage();
        var conversion = EL_CONVERSION.matcher(message);
        if (conversion.find()) {
            return "a value of type " + simpleName(conversion.group(1)) + " cannot be converted to "
                    + simpleName(conversion.group(2));
        }
        return "the expression could not be evaluated (" + root.getClass().getSimpleName() + ")";
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
