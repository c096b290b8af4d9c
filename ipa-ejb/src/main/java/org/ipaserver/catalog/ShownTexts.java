package org.ipaserver.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ipaserver.definition.Problem;
import org.ipaserver.definition.VariableDef;
import org.ipaserver.expression.ExpressionException;
import org.ipaserver.expression.Expressions;

/**
 * Data access security for texts built from variables and shown to people (work-item
 * descriptions, recipients, the times a flow waits for): such a text is seen by whoever sees the
 * work item or the flow, not only by the members of a security specification, so it may not
 * carry the value of a variable under one. Actions whose values leave the flow (handler inputs
 * now; later SendEmail and web-service payloads) declare the specifications their recipients may
 * see, and ask {@link #restricted} with those.
 */
final class ShownTexts {

    private final Expressions expressions;
    private final List<Problem> problems;

    ShownTexts(Expressions expressions, List<Problem> problems) {
        this.expressions = expressions;
        this.problems = problems;
    }

    /** A text shown to anyone who sees the work item or the flow. */
    void check(String text, String path, String shownAs, Map<String, VariableDef> visible) {
        check(text, path, shownAs, visible, Set.of());
    }

    /**
     * @param shownAs  what the text is, in words ("the work-item description")
     * @param audience security specifications all who see the text may see
     */
    void check(String text, String path, String shownAs, Map<String, VariableDef> visible, Collection<String> audience) {
        restricted(text, visible, audience).forEach((name, spec) -> problems.add(Problem.error(path, shownAs
                + " shows variable '" + name + "', which security specification '" + spec + "' restricts: people "
                + "the specification does not list would see its value; leave it out of this text (a form field "
                + "shows it only to those the specification lists)")));
    }

    /**
     * The variables a text uses whose specification is not among {@code audience}, with that
     * specification, in the order they appear; a literal or an expression that does not compile
     * (reported by the expression checks) uses none.
     */
    Map<String, String> restricted(String text, Map<String, VariableDef> visible, Collection<String> audience) {
        var found = new LinkedHashMap<String, String>();
        if (text == null || !(text.contains("${") || text.contains("#{"))) {
            return found;
        }
        Set<String> referenced;
        try {
            referenced = expressions.compile(text).variables();
        } catch (ExpressionException e) {
            return found;
        }
        for (var name : referenced) {
            var variable = visible.get(name);
            if (variable != null && variable.securitySpecification() != null
                    && !audience.contains(variable.securitySpecification())) {
                found.put(name, variable.securitySpecification());
            }
        }
        return found;
    }
}
