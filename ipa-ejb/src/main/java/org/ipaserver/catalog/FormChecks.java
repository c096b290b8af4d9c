package org.ipaserver.catalog;

import java.util.List;
import org.ipaserver.definition.FormDef;
import org.ipaserver.definition.Problem;
import org.ipaserver.definition.ProcessDefinition;
import org.ipaserver.definition.TypedValues;

/** Validation of work-item form definitions: fields bound to variables, choices, buttons. */
final class FormChecks {

    private final ProcessDefinition definition;
    private final List<Problem> problems;

    private final java.util.function.BiConsumer<String, String> descriptions;

    /** @param descriptions checks a description template (an expression over the globals) at a path */
    FormChecks(ProcessDefinition definition, List<Problem> problems,
               java.util.function.BiConsumer<String, String> descriptions) {
        this.definition = definition;
        this.problems = problems;
        this.descriptions = descriptions;
    }

    void check() {
        DefinitionValidator.uniqueNames(definition.forms(), FormDef::name, FormDef::path, "form", problems);
        for (var form : definition.forms()) {
            DefinitionValidator.uniqueNames(form.fields(), FormDef.Field::name, FormDef.Field::path, "field", problems);
            DefinitionValidator.uniqueNames(form.buttons(), FormDef.Button::name, FormDef.Button::path, "button",
                    problems);
            if (form.buttons().isEmpty()) {
                problems.add(Problem.error(form.path() + ".buttons", "a form needs at least one button: buttons "
                        + "are the ways out of a work item"));
            }
            if (form.category() != null && form.category().length() > DefinitionValidator.MAX_NAME_LENGTH) {
                problems.add(Problem.error(form.path() + ".category", "a category has at most "
                        + DefinitionValidator.MAX_NAME_LENGTH + " characters"));
            }
            form.fields().forEach(this::field);
            if (form.description() != null) {
                descriptions.accept(form.description(), form.path() + ".description");
            }
        }
    }

    private void field(FormDef.Field field) {
        if (field.variable() == null) {
            return;
        }
        var variable = definition.variable(field.variable());
        if (variable.isEmpty()) {
            problems.add(Problem.error(field.path() + ".variable", "no global variable named '" + field.variable()
                    + "'"));
            return;
        }
        if (field.readOnly() && field.required()) {
            problems.add(Problem.warning(field.path(), "a read-only field cannot be required of the user"));
        }
        var type = variable.get().type();
        if (type == null) {
            return;
        }
        for (int i = 0; i < field.choices().size(); i++) {
            try {
                TypedValues.coerce(field.choices().get(i), type.element());
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error(field.path() + ".choices[" + i + "]", "type mismatch: " + e.getMessage()));
            }
        }
    }
}
