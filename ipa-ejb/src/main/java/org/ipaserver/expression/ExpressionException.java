package org.ipaserver.expression;

/** An expression that does not compile or cannot be evaluated. Messages never carry variable values. */
public class ExpressionException extends RuntimeException {

    public ExpressionException(String message) {
        super(message);
    }
}
