package dev.launchc.resolve;

import dev.launchc.model.internal.ServiceFile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each value of a derived seed comes from: for every field the seed derivation copies or
 * computes, the JSON pointer of the cluster-file entry that caused it (as Butane's translation set
 * records, for every output path, the input path it came from). A finding on the seed is then
 * told at that entry's line and column. Fields are named in the internal model's terms (a service
 * file and a flag, a SAN, an addon, a registry namespace), not by the seed's YAML keys.
 */
public final class Origins {
    public static final Origins NONE = new Origins(Map.of());

    private final Map<String, String> pointers;

    private Origins(Map<String, String> pointers) {
        this.pointers = pointers;
    }

    /** The cluster pointer a seed field comes from, or null when none was recorded. */
    public String of(String field) {
        return pointers.get(field);
    }

    /** Every recorded field and its cluster pointer, in the order they were recorded. */
    public Map<String, String> all() {
        return pointers;
    }

    /** A key (a flag or env name) of a service file's args. */
    public static String arg(ServiceFile file, String key) {
        return "args/" + file.name() + "/" + key;
    }

    /** A service file's args as a whole (a finding about a key that is missing from them). */
    public static String args(ServiceFile file) {
        return "args/" + file.name();
    }

    /** One extraSANs entry. */
    public static String san(String value) {
        return "extraSANs/" + value;
    }

    /** The extraSANs list as a whole. */
    public static final String SANS = "extraSANs";

    /** An addon of the seed, with its arguments. */
    public static String addon(String name) {
        return "addons/" + name;
    }

    /** The hosts.toml of one registry namespace. */
    public static String registry(String namespace) {
        return "registries/" + namespace;
    }

    /** The join URL (bootstrap address and token). */
    public static final String JOIN = "join";

    /** The persistent cluster token of the bootstrap node. */
    public static final String TOKEN = "token";

    /** Records origins while a seed is derived; a later record of a field replaces the earlier one, as the value does. */
    public static final class Builder {
        private final Map<String, String> pointers = new LinkedHashMap<>();

        public Builder() {}

        /** A builder that starts with what {@code from} has recorded (fields shared by every node). */
        public Builder(Builder from) {
            pointers.putAll(from.pointers);
        }

        /** Records a field's origin unless one is recorded already. */
        public Builder putIfAbsent(String field, String pointer) {
            if (pointer != null) {
                pointers.putIfAbsent(field, pointer);
            }
            return this;
        }

        public Builder put(String field, String pointer) {
            if (pointer != null) {
                pointers.put(field, pointer);
            }
            return this;
        }

        public Origins build() {
            return new Origins(Collections.unmodifiableMap(new LinkedHashMap<>(pointers)));
        }
    }
}
