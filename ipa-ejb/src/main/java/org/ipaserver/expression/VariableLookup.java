package org.ipaserver.expression;

/** What an expression can see: the variables in scope, by name. */
public interface VariableLookup {

    boolean has(String name);

    /** The value of a variable in scope (null when it has none). */
    Object value(String name);
}
