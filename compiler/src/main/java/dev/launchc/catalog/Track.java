package dev.launchc.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One MicroK8s track: its component versions, default files and addons. */
public final class Track {
    private final JsonNode data;
    private Map<String, String> defaultArgs;
    private Map<String, TrackAddon> addons;

    Track(JsonNode data) {
        this.data = data;
    }

    public String name() {
        return data.path("track").asText();
    }

    public String kubernetesMinor() {
        return data.path("kubernetesMinor").asText();
    }

    public String containerdVersion() {
        return data.path("containerd").asText();
    }

    public String pauseImage() {
        return data.path("pauseImage").asText();
    }

    public String launchConfigMin() {
        return data.path("launchConfig").path("min").asText("0.1.0");
    }

    public String launchConfigMax() {
        return data.path("launchConfig").path("max").asText("0.2.0");
    }

    /** True when MicroK8s' own helper inserts missing options at the top of an args file. */
    public boolean helperInsertsAtTop() {
        return "top".equals(data.path("helperInsert").asText("top"));
    }

    public boolean runsGenerateCni() {
        return data.path("generateCni").asBoolean(true);
    }

    public String csrTemplate() {
        return data.path("csrTemplate").asText();
    }

    public String defaultLaunchConfig() {
        return data.path("defaultLaunchConfig").asText();
    }

    /** Every default file under {@code args/} after install, by relative path, sorted. */
    public synchronized Map<String, String> defaultArgs() {
        if (defaultArgs == null) {
            Map<String, String> m = new TreeMap<>();
            data.path("defaultArgs").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
            defaultArgs = Collections.unmodifiableMap(m);
        }
        return defaultArgs;
    }

    public List<String> images() {
        return Catalog.strings(data.path("images"));
    }

    /** Addons of this track by name (core and community), in the catalog's order. */
    public synchronized Map<String, TrackAddon> addons() {
        if (addons == null) {
            Map<String, TrackAddon> m = new LinkedHashMap<>();
            data.path("addons").forEach(a -> m.putIfAbsent(a.path("name").asText(), new TrackAddon(a.path("name").asText(),
                    a.path("repository").asText(""), a.path("description").asText(""), a.path("version").asText(""),
                    a.path("confinement").asText(""), Catalog.strings(a.path("supportedArchitectures")))));
            addons = Collections.unmodifiableMap(m);
        }
        return addons;
    }

    /** The base snap the track's microk8s snap runs on (core20, core22). */
    public String snapBase() {
        return data.path("snaps").path("base").asText(data.path("snapBase").asText());
    }

    /** The snap channel of this track's microk8s: {@code <track>/stable}, or {@code <track>-strict/stable}. */
    public String snapChannel(boolean strict) {
        String fallback = name() + (strict ? "-strict" : "") + "/stable";
        return data.path("snaps").path("channels").path(strict ? "strict" : "classic").asText(fallback);
    }

    /** The script a strictly confined microk8s snap ships to connect its interfaces after an offline install. */
    public String strictConnectInterfaces() {
        return data.path("snaps").path("strict").path("connectInterfaces").asText();
    }

    /** The plugs of the strict snap that connect-all-interfaces.sh connects, in its order. */
    public List<String> strictInterfaces() {
        return Catalog.strings(data.path("snaps").path("strict").path("interfaces"));
    }

    /**
     * The host paths the strictly confined snap may read (its own areas, users' homes, the system CA
     * locations; an entry ending in '/' is a directory and all below it, any other one file): its
     * snapcraft.yaml grants no system-files plug. Empty when the catalog has no such fact.
     */
    public List<String> strictReadablePaths() {
        return Catalog.strings(data.path("snaps").path("strict").path("readablePaths"));
    }

    /** Where the strict snap facts were read. */
    public String strictSource() {
        return data.path("snaps").path("strict").path("source").asText();
    }

    /** The flags a non-Kubernetes service accepts (catalog {@code serviceFlags}); empty when the catalog does not list them. */
    public List<String> serviceFlags(String service) {
        return Catalog.strings(data.path("serviceFlags").path(service));
    }
}
