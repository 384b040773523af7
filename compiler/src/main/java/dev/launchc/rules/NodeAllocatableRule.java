package dev.launchc.rules;

import dev.launchc.catalog.KubeFlags;
import dev.launchc.diag.Code;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.resolve.KubeArgs;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * LC1028 (BAD_FLAG_VALUE) for kubelet flags that are each valid alone but stop the kubelet
 * together, judged on the flags the kubelet ends up with (the track's default args and every part,
 * {@link KubeArgs}), reported at the entry of the launch config that makes the combination:
 * <ul>
 *   <li>{@code --enforce-node-allocatable} with {@code none} and another item, or naming
 *       {@code system-reserved} ({@code -compressible}) without a {@code --system-reserved-cgroup},
 *       or {@code kube-reserved} ({@code -compressible}) without a {@code --kube-reserved-cgroup}:
 *       ValidateKubeletConfiguration (pkg/kubelet/apis/config/validation/validation.go: "may not
 *       contain additional enforcements when \"none\" is specified", "systemReservedCgroup
 *       (--system-reserved-cgroup) must be specified when \"system-reserved\" ...");</li>
 *   <li>{@code --enforce-node-allocatable} naming both {@code system-reserved} and
 *       {@code system-reserved-compressible} (or the kube- pair), which 1.32 added: "both %q and
 *       %q cannot be specified together", in the same function;</li>
 *   <li>{@code --cgroups-per-qos=false} while an enforcement is in force (the flag's default is
 *       {@code pods}): "enforceNodeAllocatable (--enforce-node-allocatable) is not supported unless
 *       cgroupsPerQOS (--cgroups-per-qos) is set to true", in the same function. Up to 1.30 a lone
 *       {@code none} is refused too; from 1.31 the check is per item and skips it (the catalog's
 *       {@link KubeFlags#kubeletEnforcementsWithoutPodCgroups});</li>
 *   <li>{@code --reserved-cpus} with a {@code --system-reserved-cgroup} or
 *       {@code --kube-reserved-cgroup}: "can't use reservedSystemCPUs (--reserved-cpus) with
 *       systemReservedCgroup (--system-reserved-cgroup) or kubeReservedCgroup
 *       (--kube-reserved-cgroup)", in the same function, in every minor;</li>
 *   <li>{@code --cpu-manager-policy=static} with no CPU reserved: cpu_manager.go NewManager
 *       (pkg/kubelet/cm/cpumanager) refuses "the static policy requires systemreserved.cpu +
 *       kubereserved.cpu to be greater than zero", and the container manager's error ends the
 *       kubelet. {@code --reserved-cpus} counts (server.go moves its CPU count into system-reserved);
 *       MicroK8s' default kubelet args reserve nothing.</li>
 * </ul>
 * MicroK8s runs the kubelet inside kubelite, so the node's API server and the rest stop with it.
 * Flags that more than one line names are left alone (which one counts is the flag library's call),
 * and so are values with a {@code $}: kubelite expands {@code $VAR} from its environment, which
 * launchc does not see. A kubelet {@code --config} file or {@code --config-dir} drop-in may set
 * what no flag sets (the enforcements, the reserved cgroups and CPUs: cmd/kubelet/app/server.go
 * loads the files, then parses the command line again over them), and so may the kubelet args of
 * the node a {@code join} contacts, which replace the file ({@link KubeArgs#replacedByJoin}): with
 * any of these only what the flags themselves set is judged.
 */
public final class NodeAllocatableRule implements Rule {
    private static final String ENFORCE = "--enforce-node-allocatable";
    private static final String PER_QOS = "--cgroups-per-qos";
    private static final String CPU_POLICY = "--cpu-manager-policy";
    private static final String MEMORY_POLICY = "--memory-manager-policy";
    private static final String RESERVED_CPUS = "--reserved-cpus";
    private static final List<String> RESERVED_CGROUPS = List.of("--system-reserved-cgroup", "--kube-reserved-cgroup");
    private static final String EVICTION_SOFT = "--eviction-soft";
    private static final String SOFT_GRACE = "--eviction-soft-grace-period";
    /** The eviction signals of every minor 1.27-1.36 (pkg/kubelet/eviction/api/types.go). */
    private static final Set<String> SIGNALS = Set.of("memory.available", "nodefs.available", "nodefs.inodesFree",
            "imagefs.available", "imagefs.inodesFree", "pid.available");
    private static final Set<String> WATCHED = Set.of(ENFORCE, PER_QOS, CPU_POLICY, MEMORY_POLICY, RESERVED_CPUS,
            RESERVED_CGROUPS.get(0), RESERVED_CGROUPS.get(1), EVICTION_SOFT, SOFT_GRACE);

    @Override
    public void check(RuleContext ctx) {
        KubeFlags kube = ctx.kube();
        if (kube == null || !setsAny(ctx)) {
            return; // the track's defaults alone set none of these flags
        }
        KubeArgs args = ctx.resolved().kubeArgs(ServiceFile.KUBELET);
        KubeArgs.Setting enforce = args.setting(ENFORCE);
        if (enforce != null && !enforce.fromDefault()) {
            enforcements(ctx, kube, args, enforce);
        }
        perQos(ctx, kube, args);
        reservedCpusWithCgroup(ctx, args);
        cpuPolicy(ctx, args);
        memoryPolicy(ctx, args);
        softEvictionGrace(ctx, args);
    }

    private static boolean setsAny(RuleContext ctx) {
        boolean[] sets = {false};
        ctx.forEachKubeArg((part, component, e) -> sets[0] |= "kubelet".equals(component)
                && WATCHED.contains(KubeFlags.normalize(e.key())));
        return sets[0];
    }

    private static void enforcements(RuleContext ctx, KubeFlags kube, KubeArgs args, KubeArgs.Setting enforce) {
        KubeFlags.Choices choices = kube.choices("kubelet", ENFORCE);
        if (choices == null || KubeFlagRule.notAChoice(choices, enforce.value()) != null || enforce.value().isEmpty()) {
            return; // a name it does not take is KubeFlagRule's finding
        }
        List<String> items = List.of(enforce.value().split(",", -1));
        ArgEntry e = enforce.entry();
        if (items.contains("none") && items.size() > 1) {
            ctx.atValue(Code.BAD_FLAG_VALUE, enforce.part(), e.pointer(), "kubelet flag " + ENFORCE + " takes none only"
                    + " alone: '" + enforce.value() + "' names none with other enforcements, so kubelet does not start",
                    "write none alone, or drop none");
            return;
        }
        for (String level : List.of("system-reserved", "kube-reserved")) {
            if (items.contains(level) && items.contains(level + "-compressible")) {
                ctx.atValue(Code.BAD_FLAG_VALUE, enforce.part(), e.pointer(), "kubelet flag " + ENFORCE + " names both " + level
                        + " and " + level + "-compressible, which the kubelet refuses together, so kubelet does not start",
                        "keep one: " + level + " limits every resource of the cgroup, " + level + "-compressible only its CPU");
                return;
            }
        }
        for (String level : List.of("system-reserved", "kube-reserved")) {
            String cgroupFlag = "--" + level + "-cgroup";
            boolean named = items.contains(level) || items.contains(level + "-compressible");
            KubeArgs.Setting cgroup = args.setting(cgroupFlag);
            if (named && !args.ambiguous(cgroupFlag) && (cgroup != null || !args.settingsUnseen()) && (cgroup == null || cgroup.value() == null || cgroup.value().isEmpty())) {
                String item = items.contains(level) ? level : level + "-compressible";
                ctx.atValue(Code.BAD_FLAG_VALUE, enforce.part(), e.pointer(), "kubelet flag " + ENFORCE + " names "
                        + item + ", which needs the cgroup to enforce it on in "
                        + cgroupFlag + ", and no " + cgroupFlag + " is set, so kubelet does not start",
                        "add " + cgroupFlag + " (the cgroup of the " + (level.startsWith("system") ? "system's daemons" : "Kubernetes daemons")
                                + ", which must exist), or drop " + item + " from " + ENFORCE);
            }
        }
    }

    private static void perQos(RuleContext ctx, KubeFlags kube, KubeArgs args) {
        KubeArgs.Setting perQos = args.setting(PER_QOS);
        if (perQos == null || perQos.fromDefault() || perQos.value() == null
                || !KubeFlagRule.isGoBool(perQos.value()) || KubeFlagRule.parseGoBool(perQos.value()) || KubeArgs.expanded(perQos.value())) {
            return;
        }
        if (args.ambiguous(ENFORCE)) {
            return;
        }
        KubeArgs.Setting enforce = args.setting(ENFORCE);
        if (enforce == null && args.settingsUnseen()) {
            return; // the kubelet's config file may set enforceNodeAllocatable: []
        }
        String value = enforce != null ? enforce.value() : flagDefault(kube);
        if (value == null || KubeArgs.expanded(value)) {
            return;
        }
        KubeFlags.Choices choices = kube.choices("kubelet", ENFORCE);
        if (enforce != null && choices != null && KubeFlagRule.notAChoice(choices, value) != null) {
            return; // KubeFlagRule's finding; from 1.31 the kubelet skips the pod-cgroups check for an unknown item
        }
        List<String> enforced = value.isEmpty() ? List.of() : List.of(value.split(",", -1));
        if (kube.kubeletEnforcementsWithoutPodCgroups().containsAll(enforced)) {
            return;
        }
        String why = enforced.equals(List.of("none"))
                ? " is refused by the kubelet of Kubernetes " + kube.minor() + " with any " + ENFORCE + ", none included"
                        + " (the kubelet takes none without pod cgroups from 1.31)"
                : " leaves no pod cgroups to enforce node allocatable on, and " + ENFORCE + " is " + value
                        + (enforce == null ? " (its default)" : "");
        ctx.atValue(Code.BAD_FLAG_VALUE, perQos.part(), perQos.entry().pointer(), "kubelet flag " + PER_QOS + "=" + perQos.value()
                + why + ", so kubelet does not start",
                "add " + ENFORCE + ": \"\" (no enforcement), or keep " + PER_QOS + " true");
    }

    /** {@code --reserved-cpus} beside a reserved cgroup, both set by flags (a config file cannot undo a flag). */
    private static void reservedCpusWithCgroup(RuleContext ctx, KubeArgs args) {
        KubeArgs.Setting cpus = args.setting(RESERVED_CPUS);
        if (cpus == null || cpus.fromDefault() || cpus.value() == null || cpus.value().strip().isEmpty()
                || KubeArgs.expanded(cpus.value())) {
            return;
        }
        for (String cgroupFlag : RESERVED_CGROUPS) {
            KubeArgs.Setting cgroup = args.setting(cgroupFlag);
            if (cgroup != null && cgroup.value() != null && !cgroup.value().isEmpty() && !KubeArgs.expanded(cgroup.value())) {
                ctx.atValue(Code.BAD_FLAG_VALUE, cpus.part(), cpus.entry().pointer(), "kubelet flag " + RESERVED_CPUS
                        + " cannot be used with " + cgroupFlag + " (set to " + cgroup.value() + "), so kubelet does not start"
                        + " (\"can't use reservedSystemCPUs (--reserved-cpus) with systemReservedCgroup (--system-reserved-cgroup)"
                        + " or kubeReservedCgroup (--kube-reserved-cgroup)\")",
                        "reserve the CPUs with --system-reserved or --kube-reserved (cpu=1) instead, or drop " + cgroupFlag);
                return;
            }
        }
    }

    /** The kubelet's own default for --enforce-node-allocatable in this minor, as the catalog records it. */
    private static String flagDefault(KubeFlags kube) {
        KubeFlags.Flag flag = kube.flag("kubelet", ENFORCE);
        return flag == null || flag.defaultValue() == null ? null : KubeArgs.kubeliteView(flag.defaultValue());
    }

    private static void cpuPolicy(RuleContext ctx, KubeArgs args) {
        KubeArgs.Setting policy = args.setting(CPU_POLICY);
        if (policy == null || policy.fromDefault() || !"static".equals(policy.value()) || args.settingsUnseen()) {
            return;
        }
        if (args.anyAmbiguous(List.of("--reserved-cpus", "--kube-reserved", "--system-reserved"))) {
            return;
        }
        KubeArgs.Setting reservedCpus = args.setting("--reserved-cpus");
        if (reservedCpus != null && reservedCpus.value() != null && !reservedCpus.value().strip().isEmpty()) {
            return;
        }
        for (String flag : List.of("--kube-reserved", "--system-reserved")) {
            KubeArgs.Setting reserved = args.setting(flag);
            Boolean positive = reserved == null || reserved.value() == null ? Boolean.FALSE : cpuReserved(reserved.value());
            if (positive == null || positive) {
                return; // reserved, or a quantity launchc does not read (the kubelet judges it)
            }
        }
        ctx.atValue(Code.BAD_FLAG_VALUE, policy.part(), policy.entry().pointer(), "kubelet flag " + CPU_POLICY
                + "=static needs CPUs reserved for the system, and neither --reserved-cpus nor a cpu in --kube-reserved or"
                + " --system-reserved reserves any, so kubelet does not start (\"the static policy requires systemreserved.cpu"
                + " + kubereserved.cpu to be greater than zero\")",
                RESERVED_CGROUPS.stream().anyMatch(flag -> mayHoldCgroup(args, flag))
                        ? "add --kube-reserved: cpu=500m (not --reserved-cpus, which the kubelet refuses beside a reserved cgroup)"
                        : "add --reserved-cpus: \"0\" (the CPUs kept for the system), or --kube-reserved: cpu=500m");
    }

    /** Whether a line may give {@code cgroupFlag} a cgroup: a non-empty value, or lines the flag library picks from. */
    private static boolean mayHoldCgroup(KubeArgs args, String cgroupFlag) {
        KubeArgs.Setting cgroup = args.setting(cgroupFlag);
        return args.ambiguous(cgroupFlag) || cgroup != null && cgroup.value() != null && !cgroup.value().isEmpty();
    }

    /**
     * {@code --memory-manager-policy=Static} with no {@code --reserved-memory} where Node Allocatable
     * reserves memory: pkg/kubelet/cm/memorymanager/memory_manager.go validateReservedMemory wants
     * the per-NUMA reservations to add up to exactly the memory Node Allocatable reserves
     * (kube-reserved + system-reserved memory + the memory.available hard-eviction threshold), and
     * refuses "the total amount \"0\" of type \"memory\" is not equal to the value ... determined by
     * Node Allocatable feature", which ends the kubelet. MicroK8s' default kubelet args set
     * {@code --eviction-hard="memory.available<100Mi,..."}, so on MicroK8s the policy alone always
     * fails. Only that case is judged: with a {@code --reserved-memory} the sums are the kubelet's
     * (they need each NUMA node's share), and an {@code --eviction-hard} without memory.available is
     * left alone (which defaults then fill in differs between minors).
     */
    private static void memoryPolicy(RuleContext ctx, KubeArgs args) {
        KubeArgs.Setting policy = args.setting(MEMORY_POLICY);
        if (policy == null || policy.fromDefault() || !"Static".equals(policy.value()) || args.settingsUnseen()
                || args.has("--reserved-memory")) {
            return;
        }
        KubeFlags.Choices policies = ctx.kube().choices("kubelet", MEMORY_POLICY);
        if (policies != null && policies.readOnlyWithGate() != null
                && KubeFlagRule.gateMayBeOff(ctx, ctx.kube(), "kubelet", policies.readOnlyWithGate())) {
            return; // up to 1.31 the memory manager exists only under its gate
        }
        if (args.anyAmbiguous(List.of("--eviction-hard", "--kube-reserved", "--system-reserved"))) {
            return;
        }
        KubeArgs.Setting eviction = args.setting("--eviction-hard");
        String reserved;
        if (eviction == null) {
            reserved = "the kubelet's default memory.available<100Mi";
        } else if (eviction.value() == null || KubeArgs.expanded(eviction.value())) {
            return;
        } else {
            String threshold = memoryEvictionThreshold(eviction.value());
            reserved = threshold == null ? null : "memory.available<" + threshold + " in --eviction-hard";
        }
        if (reserved == null) {
            for (String flag : List.of("--kube-reserved", "--system-reserved")) {
                KubeArgs.Setting map = args.setting(flag);
                String memory = map == null || map.value() == null || KubeArgs.expanded(map.value()) ? null : reservedMemory(map.value());
                if (memory != null) {
                    reserved = "memory=" + memory + " in " + flag;
                }
            }
        }
        if (reserved == null) {
            return;
        }
        ctx.atValue(Code.BAD_FLAG_VALUE, policy.part(), policy.entry().pointer(), "kubelet flag " + MEMORY_POLICY
                + "=Static needs --reserved-memory adding up to the memory Node Allocatable reserves (here at least " + reserved
                + "), and none is set, so kubelet does not start (the total amount \"0\" of type \"memory\" is not equal to the"
                + " value ... determined by Node Allocatable feature)",
                "add --reserved-memory: \"0:memory=100Mi\" (per NUMA node; the amounts must add up to kube-reserved plus"
                        + " system-reserved memory plus the memory.available eviction threshold exactly), or drop " + MEMORY_POLICY);
    }

    /**
     * A soft eviction threshold without its grace period: pkg/kubelet/eviction/helpers.go
     * ParseThresholdConfig refuses it ("grace period must be specified for the soft eviction
     * threshold %v"), an error of the kubelet's start, in every minor. Judged only for the signals
     * every minor knows (an unknown one fails first, with another message), on values without a
     * {@code $}, and when no config file, drop-in or join may hold the grace periods.
     */
    private static void softEvictionGrace(RuleContext ctx, KubeArgs args) {
        KubeArgs.Setting soft = args.setting(EVICTION_SOFT);
        if (soft == null || soft.fromDefault() || soft.value() == null || KubeArgs.expanded(soft.value())
                || args.settingsUnseen() || args.ambiguous(SOFT_GRACE)) {
            return;
        }
        KubeArgs.Setting grace = args.setting(SOFT_GRACE);
        if (grace != null && (grace.value() == null || KubeArgs.expanded(grace.value()))) {
            return;
        }
        for (String item : soft.value().split(",", -1)) {
            int lt = item.indexOf('<');
            if (item.isEmpty() || lt < 0) {
                continue; // a malformed pair is KubeFlagRule's finding
            }
            String signal = item.substring(0, lt).strip();
            if (SIGNALS.contains(signal) && (grace == null || mapValues(grace.value(), '=', signal).isEmpty())) {
                ctx.atValue(Code.BAD_FLAG_VALUE, soft.part(), soft.entry().pointer(), "kubelet flag " + EVICTION_SOFT
                        + " sets a soft threshold for " + signal + " with no grace period for it in " + SOFT_GRACE
                        + ", so kubelet does not start (grace period must be specified for the soft eviction threshold "
                        + signal + ")", "add " + SOFT_GRACE + ": " + signal + "=1m30s (how long the threshold must hold before"
                                + " pods are evicted)");
                return;
            }
        }
    }

    /**
     * The memory.available threshold of an {@code --eviction-hard} map (items split at ',', each a
     * signal, '<' and a quantity or percentage) when it is above zero; null when it is zero, absent or
     * holds a variable.
     */
    static String memoryEvictionThreshold(String value) {
        String q = last(mapValues(value, '<', "memory.available")); // component-base LangleSeparatedMapStringString
        return q == null || q.isEmpty() || q.matches("\\+?0*(\\.0*)?[A-Za-z%]*") ? null : q;
    }

    /** The memory a {@code --kube-reserved}/{@code --system-reserved} map reserves when above zero, else null. */
    static String reservedMemory(String map) {
        String q = last(mapValues(map, '=', "memory"));
        return q == null || q.isEmpty() || q.matches("\\+?0*(\\.0*)?[A-Za-z]*") ? null : q;
    }

    /**
     * The values given {@code key} in a map flag's value, in order (component-base MapStringString
     * and LangleSeparatedMapStringString: items split at ',', key and value at the first
     * {@code separator}, both trimmed; the last one of a key is the one the component keeps).
     */
    static List<String> mapValues(String map, char separator, String key) {
        List<String> values = new java.util.ArrayList<>();
        for (String item : map.split(",", -1)) {
            int at = item.indexOf(separator);
            if (at > 0 && item.substring(0, at).strip().equals(key)) {
                values.add(item.substring(at + 1).strip());
            }
        }
        return values;
    }

    private static String last(List<String> values) {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /**
     * Whether a {@code --kube-reserved}/{@code --system-reserved} map (component-base
     * MapStringString: items split at ',', key and value at the first '=', blanks trimmed) reserves
     * a CPU quantity above zero; null when its cpu is not a plain decimal quantity, or when the map
     * holds a variable (kubelite expands it, and it may stand for a cpu item).
     */
    static Boolean cpuReserved(String map) {
        if (KubeArgs.expanded(map)) {
            return null;
        }
        Boolean reserved = Boolean.FALSE;
        for (String quantity : mapValues(map, '=', "cpu")) {
            String number = quantity.endsWith("m") ? quantity.substring(0, quantity.length() - 1) : quantity;
            if (!number.matches("\\+?[0-9]+(\\.[0-9]*)?|\\+?\\.[0-9]+")) {
                return null;
            }
            reserved = new BigDecimal(number.replace("+", "")).signum() > 0; // the last item of a key counts
        }
        return reserved;
    }
}
