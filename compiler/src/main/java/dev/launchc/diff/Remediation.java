package dev.launchc.diff;

import dev.launchc.catalog.Track;
import dev.launchc.compile.NodeCompiler;
import dev.launchc.convert.LaunchConfigVersions;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.LaunchConfig;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.model.internal.Value;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The launch configuration that turns a node's args into what its config expects, applied with
 * {@code snap set microk8s config="$(cat FILE)"} (launch-config-facts §1.4): values for missing and
 * changed flags, null for unexpected ones (§4.2), the expected {@code hosts.toml} for a registry
 * that differs (§4.5), and the expected text through {@code extraConfigFiles} for other files
 * directly under {@code args/} (§4.7) and for what a flag map cannot say (a bare flag, a repeated
 * one, or an env file the track's launch-config version lacks). Differences written by MicroK8s or
 * an addon are left alone. A launch configuration cannot delete a file; those are listed as manual
 * steps.
 *
 * @param version    the launch-config version to write: the newest the track reads
 * @param args       per service file, key → value, null removes the key
 * @param registries registry → hosts.toml text
 * @param configFiles file name under args/ → text
 * @param changes    one line per file it changes, for the header
 * @param manual     what it cannot do
 * @param restarts   the services MicroK8s restarts when it applies the file
 */
public record Remediation(String version, Map<ServiceFile, Map<String, String>> args, Map<String, String> registries,
        Map<String, String> configFiles, List<String> changes, List<String> manual, List<String> restarts) {

    private static final String CERTS_D = "certs.d/";
    private static final String HOSTS_TOML = "/hosts.toml";

    /** True when it changes nothing (no drift, or only what needs a hand). */
    public boolean isEmpty() {
        return args.isEmpty() && registries.isEmpty() && configFiles.isEmpty();
    }

    /** The remediation of {@code differences} (from {@link DriftComparer}) between {@code expected} and {@code actual}. */
    public static Remediation of(List<Difference> differences, NodeState expected, NodeState actual, Track track) {
        String version = track.launchConfigMax();
        Map<ServiceFile, Map<String, String>> args = new EnumMap<>(ServiceFile.class);
        Map<String, String> registries = new LinkedHashMap<>();
        Map<String, String> configFiles = new LinkedHashMap<>();
        Set<String> manual = new LinkedHashSet<>();
        Map<String, String> changes = new LinkedHashMap<>();
        for (Difference d : differences) {
            if (!d.isDrift()) {
                continue;
            }
            String path = d.file();
            String want = expected.files().get(path);
            Optional<ServiceFile> service = DriftComparer.serviceFile(path);
            if (path.startsWith(CERTS_D) && path.endsWith(HOSTS_TOML)) {
                String registry = path.substring(CERTS_D.length(), path.length() - HOSTS_TOML.length());
                if (want == null || registry.contains("/")) {
                    manual.add("remove args/" + path + " by hand: a launch configuration cannot delete a file");
                } else {
                    registries.put(registry, want);
                    changes.put(path, "args/" + path + ": rewritten (containerdRegistryConfigs " + registry + ")");
                }
            } else if (path.contains("/")) {
                manual.add("args/" + path + " differs: a launch configuration writes only files directly under args/ or a registry's hosts.toml");
            } else if (want == null) {
                manual.add("remove args/" + path + " by hand: a launch configuration cannot delete a file");
            } else if (service.isPresent() && d.kind() != DiffKind.FILE_MISSING && byFlags(service.get(), version, d, expected, actual)) {
                Map<String, String> map = args.computeIfAbsent(service.get(), s -> new LinkedHashMap<>());
                if (d.kind() == DiffKind.UNEXPECTED) {
                    map.put(d.key(), null);
                } else {
                    List<DriftComparer.Setting> values = DriftComparer.settings(want, service.get().kind()).get(d.key());
                    map.put(d.key(), values.get(values.size() - 1).raw());
                }
                changes.merge(path, "args/" + path + ": " + verb(d), (a, b) -> a + ", " + verb(d));
            } else {
                configFiles.put(path, want);
                changes.put(path, "args/" + path + ": rewritten whole (extraConfigFiles)");
                if (service.isPresent() && !service.get().restarts().isEmpty()) {
                    manual.add("restart " + String.join(", ", service.get().restarts().stream().map(s -> "microk8s.daemon-" + s).toList())
                            + " by hand after args/" + path + " is rewritten: extraConfigFiles restarts nothing");
                }
            }
        }
        // A flag map of a file rewritten whole would be overwritten by the later step anyway.
        args.keySet().removeIf(s -> configFiles.containsKey(s.fileName()));
        Remediation draft = new Remediation(version, args, registries, configFiles, List.copyOf(changes.values()),
                List.copyOf(manual), List.of());
        NodeCompiler.Applied applied = NodeCompiler.applyToNode(actual.files(), draft.asConfig(), track);
        String kubelet = ServiceFile.KUBELET.fileName();
        manual.addAll(KubeletCheckpoints.steps(actual.files().get(kubelet), applied.args().get(kubelet), "before applying this file"));
        List<String> restarts = applied.restarts();
        return new Remediation(version, args, registries, configFiles, List.copyOf(changes.values()), List.copyOf(manual), restarts);
    }

    /**
     * True when a flag map can set this difference exactly: the version has the field, and neither
     * side repeats the key nor, for a value to set, is it a bare flag (the cluster agent writes
     * {@code key=value}, so it cannot write a flag without a value).
     */
    private static boolean byFlags(ServiceFile service, String version, Difference d, NodeState expected, NodeState actual) {
        if (LaunchConfigVersions.find(version).filter(v -> !v.keys().contains(service.nativeKey())).isPresent()) {
            return false;
        }
        if (d.key() == null) {
            return false;
        }
        List<DriftComparer.Setting> want = DriftComparer.settings(expected.files().get(d.file()), service.kind()).get(d.key());
        List<DriftComparer.Setting> have = DriftComparer.settings(actual.files().get(d.file()), service.kind()).get(d.key());
        if (want != null && (want.size() > 1 || want.get(0).raw() == null)) {
            return false;
        }
        return have == null || have.size() == 1;
    }

    private static String verb(Difference d) {
        return switch (d.kind()) {
            case MISSING -> "add " + d.key();
            case CHANGED -> "set " + d.key();
            case UNEXPECTED -> "remove " + d.key();
            default -> d.kind().label();
        };
    }

    /** This remediation as the one-part launch config MicroK8s would read from it. */
    public LaunchConfig asConfig() {
        Map<ServiceFile, List<ArgEntry>> serviceArgs = new EnumMap<>(ServiceFile.class);
        args.forEach((file, map) -> {
            List<ArgEntry> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(new ArgEntry(k, v, null)));
            serviceArgs.put(file, entries);
        });
        List<ArgEntry> regs = new ArrayList<>();
        registries.forEach((k, v) -> regs.add(new ArgEntry(k, v, null)));
        List<ArgEntry> files = new ArrayList<>();
        configFiles.forEach((k, v) -> files.add(new ArgEntry(k, v, null)));
        Part part = Part.builder(0, null).version(new Value(version, null)).serviceArgs(serviceArgs, Map.of())
                .registryConfigs(regs).configFiles(files).build();
        return new LaunchConfig(null, version, List.of(part));
    }
}
