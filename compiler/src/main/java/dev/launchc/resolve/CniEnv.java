package dev.launchc.resolve;

import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.LaunchConfig;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.catalog.Track;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The effective {@code args/cni-env} that MicroK8s' {@code generate-cni.sh} sources at install:
 * the track's default file ({@code KEY=value} lines), then every part's {@code extraCNIEnv}
 * entries applied in order, a null value removing the key (reference launch-config-facts §4.2,
 * §4.6). Each key remembers the entry that set or removed it, so findings point at the input.
 */
public final class CniEnv {
    /** Where a key's current state comes from; {@code entry} is null for the track's default file. */
    public record Setting(String value, Part part, ArgEntry entry) {
        public boolean fromDefault() {
            return entry == null;
        }
    }

    private final Map<String, Setting> values = new LinkedHashMap<>();
    private final Map<String, Setting> removals = new LinkedHashMap<>();
    private final Map<String, String> examples = new LinkedHashMap<>();
    private final Map<String, Boolean> setByParts = new LinkedHashMap<>();
    private Part lastPart;

    private CniEnv() {}

    /** A track's default cni-env: its settings, and example values from its commented-out lines too. */
    private record Defaults(Map<String, Setting> values, Map<String, String> examples) {
        static Defaults parse(String file) {
            Map<String, Setting> values = new LinkedHashMap<>();
            Map<String, String> examples = new LinkedHashMap<>();
            for (String raw : file.split("\n", -1)) {
                String line = raw.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("#")) {
                    String commented = line.substring(1).strip();
                    int eq = commented.indexOf('=');
                    if (eq > 0 && ENV_NAME.matcher(commented.substring(0, eq)).matches()) {
                        examples.putIfAbsent(commented.substring(0, eq), unquote(commented.substring(eq + 1)));
                    }
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq > 0) {
                    String key = line.substring(0, eq);
                    String value = unquote(line.substring(eq + 1));
                    values.put(key, new Setting(value, null, null));
                    examples.putIfAbsent(key, value);
                }
            }
            return new Defaults(Collections.unmodifiableMap(values), Collections.unmodifiableMap(examples));
        }
    }

    /** The parsed default file of each track, read once per process: every file linted needs it. */
    private static final Map<Track, Defaults> TRACK_DEFAULTS = new ConcurrentHashMap<>();
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * The effective cni-env, or null when no part has extraCNIEnv entries or the track runs no
     * generate-cni.sh (MicroK8s 1.27 has neither the script nor a cni-env file). Rules read it
     * through {@link ResolvedConfig}, which computes it once per config.
     */
    static CniEnv of(LaunchConfig config, Track track) {
        if (!track.runsGenerateCni()) {
            return null;
        }
        String defaults = track.defaultArgs().get(ServiceFile.CNI_ENV.fileName());
        if (defaults == null) {
            return null;
        }
        if (!setsCniEnv(config)) {
            return null; // most configs: no copy of the track's defaults for nothing
        }
        CniEnv env = new CniEnv();
        Defaults trackDefaults = TRACK_DEFAULTS.computeIfAbsent(track, t -> Defaults.parse(defaults));
        env.values.putAll(trackDefaults.values());
        env.examples.putAll(trackDefaults.examples());
        for (Part part : config.parts()) {
            List<ArgEntry> entries = part.args(ServiceFile.CNI_ENV);
            if (entries.isEmpty()) {
                continue;
            }
            env.lastPart = part;
            for (ArgEntry e : entries) {
                if (e.isRemoval()) {
                    env.values.remove(e.key());
                    env.removals.put(e.key(), new Setting(null, part, e));
                } else {
                    env.values.put(e.key(), new Setting(unquote(e.value()), part, e));
                    env.removals.remove(e.key());
                    env.setByParts.put(e.key(), true);
                }
            }
        }
        return env;
    }

    private static boolean setsCniEnv(LaunchConfig config) {
        for (Part part : config.parts()) {
            if (!part.args(ServiceFile.CNI_ENV).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The value generate-cni.sh sees, or null when the key is absent. */
    public String value(String key) {
        Setting s = values.get(key);
        return s == null ? null : s.value();
    }

    /** The key's current setting, or null when absent. */
    public Setting setting(String key) {
        return values.get(key);
    }

    /** The entry that removed the key, when a removal is why it is absent now. */
    public Setting removal(String key) {
        return removals.get(key);
    }

    /** True when some part gives the key a value (not merely removes it). */
    public boolean setByParts(String key) {
        return setByParts.containsKey(key);
    }

    /** The value MicroK8s' default cni-env uses or suggests (in a comment) for the key, or null. */
    public String example(String key) {
        return examples.get(key);
    }

    /** The last part with extraCNIEnv entries: where findings about the map as a whole go. */
    public Part lastPart() {
        return lastPart;
    }

    /** bash removes one pair of surrounding quotes when it sources {@code KEY="value"}. */
    public static String unquote(String v) {
        if (v.length() >= 2) {
            char first = v.charAt(0);
            if ((first == '"' || first == '\'') && v.charAt(v.length() - 1) == first) {
                return v.substring(1, v.length() - 1);
            }
        }
        return v;
    }
}
