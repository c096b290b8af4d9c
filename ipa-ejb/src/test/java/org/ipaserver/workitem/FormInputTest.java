package org.ipaserver.workitem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ipaserver.definition.FormDef;
import org.ipaserver.definition.VariableDef;
import org.ipaserver.definition.VariableType;
import org.ipaserver.refusal.InvalidInput.FieldError;
import org.ipaserver.refusal.InvalidInput;
import org.junit.jupiter.api.Test;

/** Form values must have the JSON type of the field's variable. */
class FormInputTest {

    private static final FormDef FORM = new FormDef("Check", null, null, List.of(
            new FormDef.Field("approved", null, "Approved", false, false, List.of(), "$.forms[0].fields[0]"),
            new FormDef.Field("amount", null, "Amount", false, false, List.of(), "$.forms[0].fields[1]")),
            List.of(new FormDef.Button("Done", null, "$.forms[0].buttons[0]")), "$.forms[0]");
    private static final Map<String, VariableDef> GLOBALS = VariableDef.byName(List.of(
            new VariableDef("Approved", new VariableType(VariableType.Base.BOOLEAN, false), null, null, false, null,
                    "$.variables[0]"),
            new VariableDef("Amount", new VariableType(VariableType.Base.DECIMAL, false), null, null, false, null,
                    "$.variables[1]")));

    @Test
    void valuesOfTheWrongJsonTypeAreRefusedByField() {
        var error = assertThrows(InvalidInput.class, () -> FormInput.check(FORM, GLOBALS,
                Map.of("approved", Json.createValue("false")), Map.of(), false, Set.of()));
        assertEquals(List.of(new FieldError("values.approved", "a JSON string cannot be stored in a Boolean "
                + "variable: it takes true or false")), error.errors());
        assertEquals(Map.of("Approved", false, "Amount", new java.math.BigDecimal("12.5")), FormInput.check(FORM,
                GLOBALS, Map.of("approved", JsonValue.FALSE, "amount", Json.createValue(12.5)), Map.of(), false,
                Set.of()));
    }

    @Test
    void aValueLargerThanAFlowMayKeepIsRefusedByField() {
        var error = assertThrows(InvalidInput.class, () -> FormInput.check(FORM, Map.of("Amount",
                GLOBALS.get("Amount"), "Approved", new VariableDef("Approved", new VariableType(
                        VariableType.Base.STRING, true), null, null, false, null, "$.variables[0]")),
                Map.of("approved", Json.createArrayBuilder(java.util.Collections.nCopies(10_001, "x")).build()),
                Map.of(), false, Set.of()));
        assertEquals(List.of(new FieldError("values.approved", "a list of more than 10000 items cannot be stored")),
                error.errors());
    }
}
