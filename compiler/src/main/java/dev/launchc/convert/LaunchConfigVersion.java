package dev.launchc.convert;

import dev.launchc.load.YDocument;
import dev.launchc.load.YNode;
import dev.launchc.model.bind.RecordBinder;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.schema.SchemaId;
import dev.launchc.schema.SchemaRegistry;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * One native launch-config version, everything launchc needs to read it: its schema (packaged as
 * {@code /schema/native/<version>.json}), the record its documents bind to, and the conversion of
 * that record to the internal model, and the key that sets each service file. Its top-level keys come from its schema. Which MicroK8s tracks
 * accept it is catalog data (each track's launch-config range). Registered once, in
 * {@link LaunchConfigVersions}.
 */
public final class LaunchConfigVersion {
    /** A bound document of the version's model to the internal model. */
    @FunctionalInterface
    public interface Conversion<M extends Record> {
        Part toInternal(int index, YDocument doc, M bound);
    }

    private final String version;
    private final SchemaId schema;
    private final Class<? extends Record> model;
    private final Conversion<Record> conversion;
    private final Function<ServiceFile, String> serviceKeys;
    private volatile Set<String> keys;

    private LaunchConfigVersion(String version, Class<? extends Record> model, Conversion<Record> conversion,
            Function<ServiceFile, String> serviceKeys) {
        this.version = version;
        this.schema = new SchemaId("native", version);
        this.model = model;
        this.conversion = conversion;
        this.serviceKeys = serviceKeys;
    }

    /**
     * The version {@code version}, whose documents bind to {@code model} and convert by
     * {@code conversion}, and which sets each service file under its {@link ServiceFile#nativeKey()}.
     */
    public static <M extends Record> LaunchConfigVersion of(String version, Class<M> model, Conversion<M> conversion) {
        return new LaunchConfigVersion(version, model, (index, doc, bound) -> conversion.toInternal(index, doc, model.cast(bound)),
                ServiceFile::nativeKey);
    }

    /** This version with other names for the service maps (a version that renames extraKubeletArgs, say). */
    public LaunchConfigVersion withServiceKeys(Function<ServiceFile, String> names) {
        return new LaunchConfigVersion(version, model, conversion, names);
    }

    /** The version as documents write it: "0.2.0". */
    public String version() {
        return version;
    }

    public SchemaId schema() {
        return schema;
    }

    /** A document's root bound to the version's model (a record, for MicroK8s' isZero test). */
    public Record bind(YNode root) {
        return RecordBinder.bind(root, model);
    }

    /** A record from {@link #bind} as a part of the internal model. */
    public Part toInternal(int index, YDocument doc, Record bound) {
        return conversion.toInternal(index, doc, bound);
    }

    /** The key under which a document of this version sets {@code file}'s args, for messages. */
    public String serviceKey(ServiceFile file) {
        return serviceKeys.apply(file);
    }

    /** The top-level keys the version's schema knows, in schema order. */
    public Set<String> keys() {
        Set<String> k = keys;
        if (k == null) {
            keys = k = Collections.unmodifiableSet(new LinkedHashSet<>(SchemaRegistry.propertyNames(schema)));
        }
        return k;
    }

    @Override
    public String toString() {
        return "launch-config " + version;
    }
}
