package org.ipaserver.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

    private final Expressions expressions = new Expressions();

    private static VariableLookup variables(Map<String, Object> values) {
        return new VariableLookup() {
            @Override
            public boolean has(String name) {
                return values.containsKey(name);
            }

            @Override
            public Object value(String name) {
                return values.get(name);
            }
        };
    }

    @Test
    void theScannerFindsVariablesButNotMembersFunctionsOrStrings() {
        var compiled = expressions.compile("${a.b + ipa:upper(c) += 'd e' += f[0] += (g ? h : i) += now()}");
        assertEquals(Set.of("a", "c", "f", "g", "h", "i"), compiled.variables());
        assertEquals(Set.of("a"), compiled.arithmeticOperands());
    }

    @Test
    void theScannerMarksEveryOperandOfArithmetic() {
        assertEquals(Set.of("x", "y", "z", "w"), expressions.compile("${-x * (y div 2) + z mod w}").arithmeticOperands());
        assertEquals(Set.of(), expressions.compile("${empty x or y > 2 or z += 'a'}").arithmeticOperands());
    }

    @Test
    void evaluatesOverFlowVariablesWithFunctions() {
        var values = new HashMap<String, Object>();
        values.put("Amount", new BigDecimal("10.5"));
        values.put("Name", "lee");
        values.put("Tags", List.of("a", "b"));
        values.put("Missing", null);
        assertEquals(new BigDecimal("21.0"), expressions.evaluate("${Amount * 2}", variables(values)));
        assertEquals("Dear LEE (2)", expressions.evaluate("Dear ${upper(Name)} (${ipa:length(Tags)})", variables(values)));
        assertEquals(true, expressions.evaluate("${empty Missing and contains(Tags, 'b')}", variables(values)));
    }

    @Test
    void nullInArithmeticIsAnErrorNotZero() {
        var values = new HashMap<String, Object>();
        values.put("A", null);
        var error = assertThrows(ExpressionException.class, () -> expressions.evaluate("${A + 1}", variables(values)));
        assertTrue(error.getMessage().contains("'A' has no value"));
    }

    @Test
    void errorMessagesNeverCarryTheValue() {
        var error = assertThrows(ExpressionException.class,
                () -> expressions.evaluate("${Secret * 2}", variables(Map.of("Secret", "XK-777-secret"))));
        assertFalse(error.getMessage().contains("XK-777-secret"), error.getMessage());
    }

    @Test
    void expressionsCannotCallJavaMethods() {
        assertThrows(ExpressionException.class,
                () -> expressions.evaluate("${Name.getClass().getName()}", variables(Map.of("Name", "x"))));
    }
}
