package org.ipaserver.definition;

import java.util.List;

/** A work-item form: what a person sees and fills, and the buttons that end it. */
public record FormDef(
        String name,
        String category,
        String description,
        List<Field> fields,
        List<Button> buttons,
        String path) {

    public record Field(String name, String label, String variable, boolean readOnly, boolean required,
                        List<String> choices, String path) {
    }

    public record Button(String name, String label, String path) {
    }
}
