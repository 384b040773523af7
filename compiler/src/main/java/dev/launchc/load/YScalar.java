package dev.launchc.load;

import dev.launchc.diag.Pos;

/**
 * A scalar with its literal text, as Go's yaml.v2 keeps it for string targets ({@code true} stays
 * "true", {@code 1.10} stays "1.10"). {@code plain} is false for quoted and block scalars, which
 * are always strings.
 */
public record YScalar(String text, boolean plain, Pos pos) implements YNode {

    public boolean isNull() {
        return plain && Yaml11.isNull(text);
    }

    /** Whether a map value of pointer type stays nil ("remove the flag"); see {@link Yaml11#leavesPointerNil}. */
    public boolean removes() {
        return plain && Yaml11.leavesPointerNil(text);
    }

    @Override
    public long expandedSize() {
        return 1;
    }

    @Override
    public String describe() {
        if (isNull()) {
            return "null";
        }
        if (plain && Yaml11.bool(text) != null) {
            return "a boolean";
        }
        if (plain && Yaml11.number(text) != null) {
            return "a number";
        }
        return "a string";
    }
}
