package org.ipaserver.definition;

import java.util.Optional;

/** The type of a process variable: a base type, or a list of it. */
public record VariableType(Base base, boolean list) {

    public enum Base {
        STRING("String"), INTEGER("Integer"), DECIMAL("Decimal"), BOOLEAN("Boolean"),
        DATETIME("DateTime"), MAILBOX("Mailbox");

        private final String label;

        Base(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Optional<Base> byLabel(String label) {
            for (var base : values()) {
                if (base.label.equalsIgnoreCase(label)) {
                    return Optional.of(base);
                }
            }
            return Optional.empty();
        }
    }

    public static final VariableType STRING = new VariableType(Base.STRING, false);
    public static final VariableType INTEGER = new VariableType(Base.INTEGER, false);
    public static final VariableType DECIMAL = new VariableType(Base.DECIMAL, false);
    public static final VariableType BOOLEAN = new VariableType(Base.BOOLEAN, false);
    public static final VariableType DATETIME = new VariableType(Base.DATETIME, false);

    public VariableType element() {
        return new VariableType(base, false);
    }

    public boolean numeric() {
        return !list && (base == Base.INTEGER || base == Base.DECIMAL);
    }

    /** Whether a value of {@code other} can be stored in a variable of this type without loss of meaning. */
    public boolean accepts(VariableType other) {
        if (equals(other)) {
            return true;
        }
        if (list != other.list) {
            return false;
        }
        return switch (base) {
            case STRING -> true;
            case DECIMAL -> other.base == Base.INTEGER;
            case MAILBOX -> other.base == Base.STRING;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return list ? "List<" + base.label + ">" : base.label;
    }

    public static String knownLabels() {
        return String.join(", ", java.util.Arrays.stream(Base.values()).map(Base::label).toList());
    }
}
