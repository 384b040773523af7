package dev.launchc.resolve;

import dev.launchc.catalog.KubeFlags;
import dev.launchc.catalog.Track;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.ArgsLines;
import dev.launchc.model.internal.LaunchConfig;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags a Kubernetes component of the node is started with: the track's default args file,
 * then each part's entries written over it by key as the cluster agent's
 * {@code UpdateServiceArguments} does (reference launch-config-facts §4.2: a line with the same key
 * replaced, a new key added, a null value deleting the line), each value as kubelite hands it on
 * (every quote deleted). Flags are looked up as the component's flag library names them ('_' read
 * as '-'), so several lines can name one flag: {@link #setting} then gives none, since which of them
 * wins (or whether a list flag adds them up) is the flag library's order on the command line, not
 * something a rule should guess at.
 *
 * <p>{@code microk8s join} replaces args/kubelet with the kubelet args of the node it contacts
 * (MicroK8s scripts/wrappers/join.py store_base_kubelet_args), after its part's own args are
 * written: for the kubelet only the lines of later parts are known then, and whatever they leave
 * unset may come from that node ({@link #replacedByJoin}).
 */
public final class KubeArgs {
    /**
     * One flag's line: its value as the component reads it; {@code entry} and {@code part} the
     * launch config's entry that set it, or null for a line of the track's default args file.
     */
    public record Setting(String flag, String value, Part part, ArgEntry entry) {
        public boolean fromDefault() {
            return entry == null;
        }
    }

    private final Map<String, Setting> byFlag = new HashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private final boolean replacedByJoin;

    private KubeArgs(Map<String, Setting> byKey, boolean replacedByJoin) {
        this.replacedByJoin = replacedByJoin;
        for (Setting s : byKey.values()) {
            String flag = KubeFlags.normalize(s.flag());
            byFlag.put(flag, s);
            lines.merge(flag, 1, Integer::sum);
        }
    }

    /** Rules read it through {@link ResolvedConfig}, which computes each component's once per config. */
    static KubeArgs of(LaunchConfig config, Track track, ServiceFile file) {
        Map<String, Setting> byKey = new LinkedHashMap<>();
        ArgsLines.read(track.defaultArgs().get(file.fileName())).forEach((key, value) ->
                byKey.put(key, new Setting(key, value == null ? null : kubeliteView(value), null, null)));
        boolean replacedByJoin = false;
        for (Part part : config.parts()) {
            for (ArgEntry e : part.args(file)) {
                if (e.isRemoval()) {
                    byKey.remove(e.key());
                } else {
                    byKey.put(e.key(), new Setting(e.key(), kubeliteView(e.value()), part, e));
                }
            }
            if (file == ServiceFile.KUBELET && part.joins()) {
                byKey.clear(); // the contacted node's kubelet args, which launchc does not see
                replacedByJoin = true;
            }
        }
        return new KubeArgs(byKey, replacedByJoin);
    }

    /**
     * Whether {@code microk8s join} replaced the args file with another node's: then the lines here
     * are only those of later parts, and a flag none of them names may still be set.
     */
    public boolean replacedByJoin() {
        return replacedByJoin;
    }

    /** The one line that sets {@code flag} ('_' or '-' alike); null when none does, or more than one. */
    public Setting setting(String flag) {
        String name = KubeFlags.normalize(flag);
        return lines.getOrDefault(name, 0) == 1 ? byFlag.get(name) : null;
    }

    /** Whether more than one line names {@code flag} (the component's flag library decides which counts). */
    public boolean ambiguous(String flag) {
        return lines.getOrDefault(KubeFlags.normalize(flag), 0) > 1;
    }

    /** Whether more than one line names any of {@code flags}. */
    public boolean anyAmbiguous(List<String> flags) {
        return flags.stream().anyMatch(this::ambiguous);
    }

    /** Whether any line names {@code flag}. */
    public boolean has(String flag) {
        return lines.containsKey(KubeFlags.normalize(flag));
    }

    /**
     * For the kubelet: whether something launchc does not see may set what the lines here leave
     * unset: a kubelet config file or drop-in folder (cmd/kubelet/app/server.go loads them, then
     * parses the command line again over them), or the kubelet args of the node a join contacted.
     */
    public boolean settingsUnseen() {
        return has("--config") || has("--config-dir") || replacedByJoin;
    }

    /** Whether kubelite expands a variable in the value (from an environment launchc does not see) before the component reads it. */
    public static boolean expanded(String value) {
        return value.contains("$");
    }

    /** The value as kubelite passes it on: every quote deleted, the line's trailing blanks trimmed. */
    public static String kubeliteView(String value) {
        return value.replace("\"", "").replace("'", "").stripTrailing();
    }
}
