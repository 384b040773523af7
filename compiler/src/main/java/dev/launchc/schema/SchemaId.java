package dev.launchc.schema;

/** A published schema: its kind ("native" or "cluster") and version, and where it is packaged. */
public record SchemaId(String kind, String version) {
    public String resource() {
        return "/schema/" + kind + "/" + version + ".json";
    }

    // equals and hashCode by hand: a record's generated ones bootstrap method handles on first
    // use, which costs a cold lint more than all its schema look-ups together.
    @Override
    public boolean equals(Object other) {
        return other instanceof SchemaId o && kind.equals(o.kind) && version.equals(o.version);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + version.hashCode();
    }

    @Override
    public String toString() {
        return kind + "/" + version;
    }
}
