package dev.launchc.rules;

import dev.launchc.resolve.CniEnv;
import dev.launchc.net.Inet;
import dev.launchc.diag.Code;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the effective {@code args/cni-env} (the track's default file, then every part's
 * extraCNIEnv in order, null removing a key) the way MicroK8s' {@code generate-cni.sh} reads it at
 * install (reference launch-config-facts §4.6). Runs only when some part has extraCNIEnv entries.
 * <ul>
 *   <li>LC1013 (CNI_BAD_CIDR): an {@code IPv4_/IPv6_CLUSTER_CIDR} or {@code _SERVICE_CIDR} set by a
 *       part that is not a network CIDR of its family (host bits set: the hint names the network);</li>
 *   <li>LC1014 (CNI_FAMILY_INCOMPLETE): a family whose {@code IPvX_SUPPORT} is {@code true} without
 *       both of its CIDRs: the script prints "Failed: IPvX_SUPPORT is true, but no …" and exits 1;</li>
 *   <li>LC1015 (CNI_NO_FAMILY): neither {@code IPv4_SUPPORT} nor {@code IPv6_SUPPORT} is {@code true};</li>
 *   <li>LC1016 (CNI_UNSUPPORTED): {@code CNI} other than {@code calico} (the only case the script has);</li>
 *   <li>LC1017 (CNI_BAD_BOOLEAN): {@code IPv4_SUPPORT}/{@code IPv6_SUPPORT} not literally {@code true}
 *       or {@code false}; the script tests {@code "x$IPv4_SUPPORT" = "xtrue"}, so {@code yes} or
 *       {@code True} silently count as false.</li>
 * </ul>
 * Findings point at the part entry responsible (the value that set the key, or the null that
 * removed it), else at the last extraCNIEnv map.
 */
public final class CniEnvRule implements Rule {
    private static final String[] CIDR_KEYS = {
        "IPv4_CLUSTER_CIDR", "IPv4_SERVICE_CIDR", "IPv6_CLUSTER_CIDR", "IPv6_SERVICE_CIDR"};

    @Override
    public void check(RuleContext ctx) {
        CniEnv env = ctx.resolved().cniEnv();
        if (env == null) {
            return;
        }
        checkCni(ctx, env);
        checkBooleans(ctx, env);
        checkFamilies(ctx, env);
        checkCidrs(ctx, env);
    }

    private static void checkCni(RuleContext ctx, CniEnv env) {
        String cni = env.value("CNI");
        if ("calico".equals(cni)) {
            return;
        }
        String message = cni == null
                ? "extraCNIEnv leaves CNI unset; generate-cni.sh accepts only CNI=calico and stops the install"
                : "CNI is '" + cni + "'; generate-cni.sh accepts only calico and stops the install";
        String hint = "set CNI: calico, or leave CNI out; other CNIs are installed as addons after the install";
        report(ctx, env, Code.CNI_UNSUPPORTED, "CNI", message, hint);
    }

    private static void checkBooleans(RuleContext ctx, CniEnv env) {
        for (String key : new String[] {"IPv4_SUPPORT", "IPv6_SUPPORT"}) {
            CniEnv.Setting s = env.setting(key);
            if (s == null || s.fromDefault() || "true".equals(s.value()) || "false".equals(s.value())) {
                continue;
            }
            ctx.atValue(Code.CNI_BAD_BOOLEAN, s.part(), s.entry().pointer(), key + " is '" + s.value()
                    + "'; generate-cni.sh compares it with the string \"true\", so this counts as false",
                    "write " + key + ": " + (looksTrue(s.value()) ? "true" : "false"));
        }
    }

    private static void checkFamilies(RuleContext ctx, CniEnv env) {
        boolean v4 = "true".equals(env.value("IPv4_SUPPORT"));
        boolean v6 = "true".equals(env.value("IPv6_SUPPORT"));
        if (!v4 && !v6) {
            String key = responsible(env, "IPv4_SUPPORT") ? "IPv4_SUPPORT" : "IPv6_SUPPORT";
            report(ctx, env, Code.CNI_NO_FAMILY, key, "neither IPv4_SUPPORT nor IPv6_SUPPORT is true; generate-cni.sh"
                    + " stops the install (\"At least one of IPv4_SUPPORT or IPv6_SUPPORT must be true\")",
                    "set IPv4_SUPPORT: true (the default) or IPv6_SUPPORT: true");
            return;
        }
        for (int family : new int[] {4, 6}) {
            if (family == 4 ? !v4 : !v6) {
                continue;
            }
            String support = "IPv" + family + "_SUPPORT";
            List<String> missing = new ArrayList<>();
            for (String kind : new String[] {"CLUSTER", "SERVICE"}) {
                String key = "IPv" + family + "_" + kind + "_CIDR";
                String value = env.value(key);
                if (value == null || value.isEmpty()) {
                    missing.add(key);
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            String first = missing.get(0);
            String at = responsible(env, first) ? first : support;
            String names = String.join(" and ", missing);
            List<String> adds = new ArrayList<>();
            for (String key : missing) {
                String example = env.example(key);
                adds.add(key + ": " + (example == null || example.isEmpty() ? "<CIDR>" : example));
            }
            report(ctx, env, Code.CNI_FAMILY_INCOMPLETE, at, support + " is true but " + names
                    + (missing.size() == 1 ? " is" : " are") + " not set; generate-cni.sh stops the install (\"Failed: "
                    + support + " is true, but no " + first + " was set\")",
                    "set " + String.join(" and ", adds) + " in extraCNIEnv");
        }
    }

    private static void checkCidrs(RuleContext ctx, CniEnv env) {
        for (String key : CIDR_KEYS) {
            CniEnv.Setting s = env.setting(key);
            if (s == null || s.fromDefault() || s.value().isEmpty()) {
                continue;
            }
            int family = key.startsWith("IPv4") ? 4 : 6;
            String value = s.value();
            Inet.Cidr cidr = Inet.parseCidr(value);
            String message = null;
            String hint = null;
            if (cidr == null) {
                message = key + " '" + value + "' is not a CIDR (address/prefix-length)";
                if (value.indexOf(',') >= 0) {
                    hint = "give one CIDR per key; generate-cni.sh joins IPv4 and IPv6 itself for dual stack";
                } else {
                    byte[] ip = Inet.parseIp(value);
                    if (ip != null) {
                        hint = "add a prefix length, e.g. " + value + (ip.length == 4 ? "/16" : "/64");
                    }
                }
            } else if (cidr.family() != family) {
                message = key + " '" + value + "' is an IPv" + cidr.family() + " CIDR; " + key + " needs IPv" + family;
                hint = "move it to IPv" + cidr.family() + key.substring(4);
            } else if (!cidr.isNetwork()) {
                message = key + " '" + value + "' has host bits set: it is not the network address of its range";
                hint = "use the network address " + cidr.network();
            }
            if (message != null) {
                ctx.atValue(Code.CNI_BAD_CIDR, s.part(), s.entry().pointer(), message, hint);
            }
        }
    }

    /** True when a part entry (a value or a removal) decides the key's current state. */
    private static boolean responsible(CniEnv env, String key) {
        CniEnv.Setting s = env.setting(key);
        return (s != null && !s.fromDefault()) || (s == null && env.removal(key) != null);
    }

    /** Reports at the entry that decides {@code key}: its value, the null that removed it, or the map. */
    private static void report(RuleContext ctx, CniEnv env, Code code, String key, String message, String hint) {
        CniEnv.Setting s = env.setting(key);
        if (s != null && !s.fromDefault()) {
            ctx.atValue(code, s.part(), s.entry().pointer(), message, hint);
            return;
        }
        CniEnv.Setting removal = s == null ? env.removal(key) : null;
        if (removal != null) {
            ctx.atKey(code, removal.part(), removal.entry().pointer(), message, hint);
            return;
        }
        Part part = env.lastPart();
        ctx.atKey(code, part, part.serviceArgsPointers().get(ServiceFile.CNI_ENV), message, hint);
    }

    private static boolean looksTrue(String v) {
        String t = v.strip().toLowerCase(java.util.Locale.ROOT);
        return t.equals("yes") || t.equals("y") || t.equals("on") || t.equals("1") || t.equals("true");
    }
}
