package org.ipaserver.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values in an HTML template are shown as text: markup in a variable never becomes markup. */
class HtmlTemplatesTest {

    private final Expressions expressions = new Expressions();

    @Test
    void everyExpressionIsEscapedAndTheTemplatesOwnMarkupStays() {
        var template = "<p>Dear ${FirstName},</p><p>${Amount > 10 ? 'large' : \"small}\"} loan</p>";

        assertEquals("<p>Dear ${ipa:html(FirstName)},</p><p>${ipa:html(Amount > 10 ? 'large' : \"small}\")} loan</p>",
                HtmlTemplates.escaping(template));
        var text = evaluate(HtmlTemplates.escaping(template), Map.of("FirstName", "<b onmouseover='x'>Ann & Co</b>",
                "Amount", 5L));
        assertEquals("<p>Dear &lt;b onmouseover=&#39;x&#39;&gt;Ann &amp; Co&lt;/b&gt;,</p><p>small} loan</p>", text);
    }

    @Test
    void textWithoutExpressionsAnEscapedDollarAndAnUnclosedOneAreLeftAsWritten() {
        assertEquals("<p>no values</p>", HtmlTemplates.escaping("<p>no values</p>"));
        assertEquals("costs \\${price}", HtmlTemplates.escaping("costs \\${price}"));
        assertEquals("broken ${A", HtmlTemplates.escaping("broken ${A"));
    }

    private Object evaluate(String text, Map<String, Object> values) {
        return expressions.evaluate(expressions.compile(text), new VariableLookup() {
            @Override
            public boolean has(String name) {
                return values.containsKey(name);
            }

            @Override
            public Object value(String name) {
                return values.get(name);
            }
        });
    }
}
