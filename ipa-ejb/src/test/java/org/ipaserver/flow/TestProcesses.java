package org.ipaserver.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.ipaserver.catalog.DefinitionReader;
import org.ipaserver.catalog.DefinitionValidator;
import org.ipaserver.definition.CompiledProcess;
import org.ipaserver.expression.Expressions;

/** Compiles definitions written inline in tests, failing the test when one is not valid. */
final class TestProcesses {

    static final Expressions EXPRESSIONS = new Expressions();

    private TestProcesses() {
    }

    static CompiledProcess compile(String json) {
        var read = DefinitionReader.read(json);
        assertTrue(read.problems().isEmpty(), read.problems().toString());
        var problems = new DefinitionValidator(EXPRESSIONS, name -> Optional.empty()).validate(read.definition());
        assertTrue(problems.stream().noneMatch(p -> p.severity() == org.ipaserver.definition.Problem.Severity.ERROR),
                problems.toString());
        return new CompiledProcess(read.definition(), 1);
    }
}
