package org.ipaserver.admin;

import java.util.List;

/** One or more server parameters hold values the server cannot run with. */
public class InvalidServerParameterException extends RuntimeException {

    private final List<String> problems;

    public InvalidServerParameterException(List<String> problems) {
        super("Invalid server parameters: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
