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

    /** True when this version knows {@code model} but marks it unsupported (no MIG config names it). */
    public boolean unsupported(String model) {
        return data.path("models").path(model).path("unsupported").asBoolean(false);
    }

    /** True when {@code model} names a family of variants ({@code aliasOf}), e.g. A100-80GB. */
    public boolean isModelFamily(String model) {
        return data.path("models").path(model).has("aliasOf");
    }

    /** The variants of {@code model} on which MIG config {@code mig} is valid when it is not valid on all, or null. */
    public List<String> partialMigConfig(String model, String mig) {
        JsonNode partial = data.path("models").path(model).path("partialMigConfigs").get(mig);
        return partial == null ? null : Catalog.strings(partial);
    }

    /** The MIG config names of the operator's whole MIG configuration, whatever the model. */
    public List<String> migConfigs() {
        return Catalog.strings(data.path("migConfigs"));
    }

    /** The MIG strategy the operator uses when none is set ("single" when the catalog does not say). */
    public String migStrategyDefault() {
        return data.path("migStrategyDefault").asText("single");
    }
}
