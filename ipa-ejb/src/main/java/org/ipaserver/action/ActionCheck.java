package org.ipaserver.action;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ipaserver.definition.ProcessDefinition;
import org.ipaserver.definition.Scope;
import org.ipaserver.definition.VariableDef;
import org.ipaserver.definition.VariableType;

/**
 * What publishing offers an action to check itself: the definition, the variables its scope sees,
 * expressions evaluated on sample values, and the problem list. Problems carry the JSON path of
 * what is wrong.
 */
public interface ActionCheck {

    ProcessDefinition definition();

    Scope scope();

    /** The variables the action sees: the globals and its scope's locals. */
    Map<String, VariableDef> variables();

    /** The latest published version of another process (RunProcess). */
    Optional<ProcessDefinition> published(String process);

    /** Compiles the expression, checks the variables it names, evaluates it on sample values. */
    Optional<Object> expression(String text, String path);

    /** An expression that must give a Boolean. */
    void condition(String text, String path);

    /** The variable named, reporting an unknown one; empty also when its type is unknown. */
    Optional<VariableDef> variable(String name, String path);

    /** Whether a sample result of {@code text} can be stored in a variable of that type. */
    void assignable(Object sample, String text, VariableType target, String path);

    /** An ISO-8601 duration literal (not negative) or an expression giving one or seconds. */
    void duration(String text, String path);

    /** A text shown to people who may not see secured variables must not name one. */
    void shown(String text, String path, String shownAs);

    /** The secured variables {@code text} names whose specification is not trusted: variable → specification. */
    Map<String, String> restricted(String text, List<String> trusted);

    /** Values given to a task, state or process: each declared there, and of a type it accepts. */
    void inputs(Map<String, String> given, Map<String, VariableDef> declared, String owner, String path);

    /** Values taken back from a task or process: each declared there, into a variable that accepts it. */
    void outputs(Map<String, String> given, Map<String, VariableDef> declared, String owner, String path);

    void error(String path, String message);

    void warning(String path, String message);
}
