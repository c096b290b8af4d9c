package org.ipaserver.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.ipaserver.catalog.DefinitionReader;
import org.ipaserver.definition.ActionDef;
import org.junit.jupiter.api.Test;

class ActionTypesTest {

    /** Every record of the model, through nested sealed interfaces (External). */
    private static List<Class<?>> records(Class<?> sealed) {
        var records = new ArrayList<Class<?>>();
        for (var permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                records.addAll(records(permitted));
            } else {
                records.add(permitted);
            }
        }
        return records;
    }

    @Test
    void everyKindOfActionHasExactlyOneHomeThatReadsChecksAndRunsIt() {
        var models = new HashSet<Class<?>>();
        for (var name : ActionTypes.names()) {
            models.add(ActionTypes.named(name).orElseThrow().model());
        }
        assertEquals(new HashSet<>(records(ActionDef.class)), models);
    }

    @Test
    void eachTypeNameReadsToItsOwnRecord() {
        for (var name : ActionTypes.names()) {
            var read = DefinitionReader.read("""
                    { "name": "P", "startState": "S", "states": [ { "name": "S", "actions": [
                      { "type": "%s", "name": "the one" } ] } ] }
                    """.formatted(name));
            var action = read.definition().states().get(0).actions().get(0);
            assertInstanceOf(ActionTypes.named(name).orElseThrow().model(), action, name);
            assertEquals(name, action.type());
            assertEquals("the one", action.label(), name);
            assertEquals("$.states[0].actions[0]", action.path(), name);
        }
    }

    @Test
    void anUnknownTypeIsRefusedNamingEveryKnownOne() {
        var read = DefinitionReader.read("""
                { "name": "P", "startState": "S", "states": [ { "name": "S", "actions": [ { "type": "Teleport" } ] } ] }
                """);
        var problem = read.problems().get(0);
        assertEquals("$.states[0].actions[0].type", problem.path());
        assertTrue(problem.message().contains("unknown action type 'Teleport'"), problem.message());
        for (var name : ActionTypes.names()) {
            assertTrue(problem.message().contains(name), name);
        }
    }

    @Test
    void aMemberAnActionDoesNotHaveIsReportedAtItsPath() {
        for (var name : ActionTypes.names()) {
            var read = DefinitionReader.read("""
                    { "name": "P", "startState": "S", "states": [ { "name": "S", "actions": [
                      { "type": "%s", "colour": "red" } ] } ] }
                    """.formatted(name));
            assertTrue(read.problems().stream().anyMatch(p -> p.path().equals("$.states[0].actions[0].colour")
                    && p.message().equals("unknown member 'colour'")), name + ": " + read.problems());
        }
    }
}
