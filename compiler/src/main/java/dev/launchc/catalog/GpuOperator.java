package dev.launchc.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** One NVIDIA GPU Operator version: its images and the MIG configs valid per GPU model. */
public final class GpuOperator {
    private final JsonNode data;

    GpuOperator(JsonNode data) {
        this.data = data;
    }

    /**
     * The whole catalog entry, for the facts that have no accessor of their own ({@code unsupported},
     * {@code partialMigConfigs}, the top-level {@code migConfigs}, {@code migStrategyDefault}).
     */
    public JsonNode data() {
        return data;
    }

    public String version() {
        return data.path("version").asText();
    }

    public List<String> images() {
        return Catalog.strings(data.path("images"));
    }

    public List<String> models() {
        TreeSet<String> names = new TreeSet<>();
        data.path("models").fieldNames().forEachRemaining(names::add);
        return List.copyOf(names);
    }

    /** The catalog's name of a GPU model without MIG (T4, L4, …) that {@code written} names, ignoring case, or null. */
    public String modelWithoutMig(String written) {
        for (String m : Catalog.strings(data.path("modelsWithoutMig"))) {
            if (m.equalsIgnoreCase(written)) {
                return m;
            }
        }
        return null;
    }

    /** The MIG config names valid for a model, or empty when the model is unknown to this version. */
    public Optional<List<String>> migConfigs(String model) {
        JsonNode m = data.path("models").path(model);
        if (m.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(Catalog.strings(m.path("migConfigs")));
    }
}
