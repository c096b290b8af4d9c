package org.ipaserver.catalog;

/** A definition that cannot be published; the report holds every problem. */
public class InvalidDefinitionException extends RuntimeException {

    private final ValidationReport report;

    public InvalidDefinitionException(ValidationReport report) {
        super("The definition has " + report.errors().size() + " error(s)");
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
