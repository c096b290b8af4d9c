package org.ipaserver.refusal;

import java.util.List;

/** 400: the request's fields are wrong; every bad field is listed, and nothing was changed. */
public class InvalidInput extends RuntimeException {

    /** One bad field of a request: its name as the client sent it, and why (never its value). */
    public record FieldError(String field, String reason) {
    }

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super("invalid request: " + errors.size() + " bad field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
