package org.yike.api.admin;

import java.util.List;

/** A Metatype description as a form: its name and description, and the attributes a person fills in. */
public record Form(String name, String description, List<Attribute> attributes) {

    public Form {
        attributes = List.copyOf(attributes);
    }

    /**
     * One attribute: {@code type} as Metatype names it ({@code string}, {@code integer}, {@code password}…),
     * {@code cardinality} as Metatype gives it (0 one value, positive an array, negative a list),
     * {@code defaultValue} (a list where the cardinality is not 0; null where there is none, and for a
     * password), the {@code options} to choose from (empty: any value).
     */
    public record Attribute(String id, String name, String description, String type, int cardinality,
            Object defaultValue, List<Option> options, boolean required) {

        public Attribute {
            options = List.copyOf(options);
        }
    }

    public record Option(String value, String label) {
    }
}
