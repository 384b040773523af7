package dev.launchc.diff;

import dev.launchc.diag.Pos;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.LaunchConfig;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where in a launch config each args key and each written file comes from. A later part wins, as
 * it does on the node (the cluster agent applies parts in order).
 */
final class ConfigLines {
    private final Map<String, Difference.ConfigLine> byKey = new HashMap<>();
    private final Map<String, Difference.ConfigLine> byFile = new HashMap<>();

    private ConfigLines() {}

    static ConfigLines of(NodeState state) {
        ConfigLines lines = new ConfigLines();
        LaunchConfig config = state.config();
        if (config == null) {
            return lines;
        }
        for (Part part : config.parts()) {
            if (part.source() == null) {
                continue;
            }
            for (ServiceFile service : ServiceFile.values()) {
                List<ArgEntry> entries = part.args(service);
                for (ArgEntry e : entries) {
                    lines.byKey.put(service.fileName() + "\0" + e.key(), line(state, part, e.pointer()));
                }
                String pointer = part.serviceArgsPointers().get(service);
                if (pointer != null) {
                    lines.byFile.put(service.fileName(), line(state, part, pointer));
                }
            }
            for (ArgEntry e : part.registryConfigs()) {
                lines.byFile.put("certs.d/" + e.key() + "/hosts.toml", line(state, part, e.pointer()));
            }
            for (ArgEntry e : part.configFiles()) {
                lines.byFile.put(e.key(), line(state, part, e.pointer()));
            }
        }
        return lines;
    }

    private static Difference.ConfigLine line(NodeState state, Part part, String pointer) {
        Pos pos = part.source().keyPos(pointer == null ? "" : pointer);
        return new Difference.ConfigLine(state.configFile(), pos.line(), pos.column());
    }

    /** True when the config itself sets {@code key} in {@code file}: a difference there is the config's, whoever else writes the key. */
    boolean sets(String file, String key) {
        return byKey.containsKey(file + "\0" + key);
    }

    /** The line that sets {@code key} in {@code file}, or null (a track default, or a flag MicroK8s writes). */
    Difference.ConfigLine key(String file, String key) {
        return byKey.get(file + "\0" + key);
    }

    /** The line of the map or file entry that writes {@code file}: where a key to remove would go. */
    Difference.ConfigLine file(String file) {
        return byFile.get(file);
    }
}
