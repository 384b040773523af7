package dev.launchc.schema;

/** A published schema: its kind ("native" or "cluster") and version, and where it is packaged. */
public record SchemaId(String kind, String version) {
    public String resource() {
        return "/schema/" + kind + "/" + version + ".json";
    }

    @Override
    public String toString() {
        return kind + "/" + version;
    }
}
