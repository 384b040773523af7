package dev.launchc.model.internal;

/** One key of an args or env map; {@code value} is null when the input removes the key. */
public record ArgEntry(String key, String value, String pointer) {
    public boolean isRemoval() {
        return value == null;
    }
}
