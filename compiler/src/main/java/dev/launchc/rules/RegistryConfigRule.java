package dev.launchc.rules;

import dev.launchc.resolve.HostPort;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import dev.launchc.diag.Code;
import dev.launchc.diag.DidYouMean;
import dev.launchc.diag.Pos;
import dev.launchc.json.JsonTrees;
import dev.launchc.load.YNode;
import dev.launchc.load.YScalar;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Part;
import dev.launchc.net.Inet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks {@code containerdRegistryConfigs}: each key names a directory under {@code args/certs.d/}
 * and each value is written verbatim as its {@code hosts.toml} (reference launch-config-facts §4.5).
 * <ul>
 *   <li>LC1020 (REGISTRY_PATH_TRAVERSAL, an error in every mode): a key MicroK8s refuses, as it
 *       resolves outside args/certs.d or holds NUL ({@link #hostsTomlPath});</li>
 *   <li>LC1019 (BAD_REGISTRY_NAME): a key that MicroK8s accepts but that is not {@code host[:port]}
 *       (host = DNS name, IPv4, or [IPv6] in brackets; port 1–65535 without leading zeros) or
 *       {@code _default}: a key with '/' makes nested directories (or, through MicroK8s'
 *       string-prefix guard, e.g. {@code ../certs.d-x}, a sibling of certs.d). containerd looks the
 *       directory up by the registry host of the image reference, so any other name is never read;</li>
 *   <li>LC1021 (BAD_HOSTS_TOML): a value that is not TOML; the message carries the parser's reason
 *       and its line within the value (and, for a block scalar, the line in the file);</li>
 *   <li>LC1022 (BAD_CAPABILITY): a {@code capabilities} entry (top level or in a
 *       {@code [host."…"]} table) other than pull, resolve, push (compared case-insensitively as
 *       containerd does; {@code referrers} too from containerd 2.2). containerd fails the whole
 *       file with "unknown capability";</li>
 *   <li>LC2004 (HOSTS_TOML_WITHOUT_HOST, warning): no {@code host} table at all. containerd 1.6
 *       and 1.7 fail to decode such a file ("invalid `host` tree", containerd issue #10027), so
 *       pulls from that registry fail; {@code server = "…"} alone is valid TOML but hits this.</li>
 * </ul>
 */
public final class RegistryConfigRule implements Rule {
    /** A factory, not a TomlMapper: a mapper's static set-up costs a cold lint more than its TOML parses. */
    private static final TomlFactory TOML = new TomlFactory();
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** Compiled once: String.split compiles a pattern of more than one character on every call. */
    private static final Pattern VERSION_SEPARATORS = Pattern.compile("[.-]");

    @Override
    public void check(RuleContext ctx) {
        String containerd = ctx.track().containerdVersion();
        for (Part part : ctx.config().parts()) {
            for (ArgEntry e : part.registryConfigs()) {
                checkKey(ctx, part, e);
                checkValue(ctx, part, e, containerd);
            }
        }
    }

    private static void checkKey(RuleContext ctx, Part part, ArgEntry e) {
        String key = e.key();
        String written = hostsTomlPath(key);
        if (written == null) {
            String why = key.indexOf('\0') >= 0 ? "holds a NUL character, which no directory name can hold"
                    : "resolves outside args/certs.d";
            ctx.atKey(Code.REGISTRY_PATH_TRAVERSAL, part, e.pointer(), "registry key '" + printable(key) + "' " + why
                    + "; MicroK8s refuses it (\"invalid registry name, possible path-traversal prevented\") and the"
                    + " whole launch configuration fails to apply", hostHint(key));
            return;
        }
        if (key.indexOf('\\') >= 0) {
            // MicroK8s (Linux) would create the folder; launchc's preview and bundles write no name with a
            // backslash, a path separator where bundles travel (Windows), so it cannot show this node's files.
            ctx.atKey(Code.REGISTRY_KEY_NOT_WRITABLE, part, e.pointer(), "registry key '" + printable(key)
                    + "' holds a backslash: launchc writes no folder of that name (a path separator on Windows,"
                    + " where bundles travel), and containerd never reads it (it looks hosts.toml up as"
                    + " certs.d/<host[:port]>)", hostHint(key));
            return;
        }
        if (key.indexOf('/') >= 0 || !written.equals("args/certs.d/" + key + "/hosts.toml")) {
            String where = written.startsWith("args/certs.d/") ? written : written + ", outside certs.d (MicroK8s' guard"
                    + " only tests that the path starts with args/certs.d)";
            ctx.atKey(Code.BAD_REGISTRY_NAME, part, e.pointer(), "registry key '" + printable(key) + "' makes MicroK8s write "
                    + where + "; containerd looks hosts.toml up by the registry host alone"
                    + " (certs.d/<host[:port]>/hosts.toml), so this file is never read", hostHint(key));
            return;
        }
        String problem = HostPort.registryKeyProblem(key);
        if (problem == null) {
            return;
        }
        String hint = "use the registry host as it appears in image names, e.g. docker.io or my.registry:5000";
        if (key.contains("__") && HostPort.registryKeyProblem(key.replace("__", ":")) == null) {
            hint = "write it as " + key.replace("__", ":") + " (the '__' form is only how the snap ships the file)";
        } else if (key.indexOf(':') != key.lastIndexOf(':') && !key.startsWith("[") && Inet.parseIpv6(key) != null) {
            hint = "put the IPv6 address in brackets: [" + key + "]";
        } else if (key.toLowerCase(Locale.ROOT).equals("default")) {
            hint = "write it as _default";
        }
        ctx.atKey(Code.BAD_REGISTRY_NAME, part, e.pointer(), "registry key '" + printable(key) + "' " + problem
                + "; containerd reads certs.d/<host[:port]>/hosts.toml for the registry host of an image, so this"
                + " directory is never used", hint);
    }

    /** The host to key the entry by instead: the host part of a URL or of a host/path key. */
    private static String hostHint(String key) {
        String rest = key;
        int scheme = key.indexOf("://");
        if (scheme > 0) {
            rest = key.substring(scheme + 3);
        }
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        return !host.isEmpty() && HostPort.registryKeyProblem(host) == null
                ? "use the registry host only: " + host + " (its hosts.toml applies to every repository under it)"
                : "use the registry host only, e.g. docker.io or my.registry:5000";
    }

    /**
     * The file MicroK8s writes for a registry key, relative to $SNAP_DATA, or null when it refuses
     * the key. pkg/snap/snap.go (UpdateContainerdRegistryConfigs) joins the key to the absolute
     * args/certs.d with Go's filepath.Join, which cleans the result ('.', '..', doubled and leading
     * slashes), refuses it unless the result starts with that directory as a string, and creates the
     * directory with MkdirAll; a NUL fails that system call.
     */
    public static String hostsTomlPath(String key) {
        if (key.indexOf('\0') >= 0) {
            return null;
        }
        String certsD = "/snap-data/args/certs.d";
        if (!key.isEmpty() && key.indexOf('/') < 0 && !key.equals(".") && !key.equals("..")) {
            return "args/certs.d/" + key + "/hosts.toml"; // one plain name: nothing for Clean to do
        }
        String joined = goClean(certsD + "/" + key);
        if (!joined.startsWith(certsD)) {
            return null;
        }
        return joined.substring("/snap-data/".length()) + "/hosts.toml";
    }

    /** Go's path.Clean for an absolute path. */
    private static String goClean(String path) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String element : path.split("/")) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(element);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** One parse of a hosts.toml text: its tree, or the parser's error, or that it nests too deeply. */
    private record ParsedToml(JsonNode root, JacksonException error, boolean tooDeep) {}

    /**
     * Fleets repeat one registry configuration on every node, so each distinct text is parsed
     * once per run. The trees are only read. Bounded, so that many distinct texts are not all kept.
     */
    private static final Map<String, ParsedToml> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_MAX_ENTRIES = 256;
    private static final int PARSED_MAX_TEXT = 16 * 1024;

    private static ParsedToml parse(String text) {
        ParsedToml parsed = PARSED.get(text);
        if (parsed == null) {
            parsed = parseNow(text);
            if (text.length() <= PARSED_MAX_TEXT) {
                if (PARSED.size() >= PARSED_MAX_ENTRIES) {
                    PARSED.clear();
                }
                PARSED.put(text, parsed);
            }
        }
        return parsed;
    }

    private static ParsedToml parseNow(String text) {
        try {
            return new ParsedToml(JsonTrees.read(TOML.createParser(text)), null, false);
        } catch (JacksonException ex) {
            return new ParsedToml(null, ex, false);
        } catch (IOException ex) {
            throw new UncheckedIOException("reading a string cannot fail", ex);
        } catch (StackOverflowError ex) {
            return new ParsedToml(null, null, true);
        }
    }

    private static void checkValue(RuleContext ctx, Part part, ArgEntry e, String containerd) {
        String text = e.value() == null ? "" : e.value();
        ParsedToml parsed = parse(text);
        JsonNode root = parsed.root();
        if (parsed.error() != null) {
            JacksonException ex = parsed.error();
            String reason = reason(ex);
            ctx.atValue(Code.BAD_HOSTS_TOML, part, e.pointer(), "hosts.toml for '" + printable(e.key())
                    + "' is not valid TOML: " + reason + where(part, e, ex.getLocation())
                    + "; containerd cannot decode it, so pulls from this registry fail",
                    reason.startsWith("Unknown token")
                            ? "TOML strings need double quotes, e.g. server = \"https://registry.example.com\"" : null);
            return;
        }
        if (parsed.tooDeep()) {
            ctx.atValue(Code.BAD_HOSTS_TOML, part, e.pointer(), "hosts.toml for '" + printable(e.key())
                    + "' nests too deeply to parse", null);
            return;
        }
        if (root == null || !root.isObject()) {
            return;
        }
        List<String> allowed = containerdAtLeast(containerd, 2, 2) ? List.of("pull", "resolve", "push", "referrers") : List.of("pull", "resolve", "push");
        checkCapabilities(ctx, part, e, root.get("capabilities"), "at the top level", allowed);
        JsonNode hosts = root.get("host");
        if (hosts != null && hosts.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = hosts.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> h = it.next();
                if (h.getValue().isObject()) {
                    checkCapabilities(ctx, part, e, h.getValue().get("capabilities"),
                            "in [host.\"" + stripUserInfo(h.getKey()) + "\"]", allowed);
                }
            }
        } else {
            JsonNode server = root.get("server");
            String hint = server != null && server.isTextual()
                    ? "add a host table for the server below it: [host.\"" + stripUserInfo(server.asText())
                            + "\"] with capabilities = [\"pull\", \"resolve\"]"
                    : "add a [host.\"https://<mirror>\"] table with capabilities = [\"pull\", \"resolve\"]";
            String effect = containerdAtLeast(containerd, 2, 0)
                    ? "containerd 1.6 and 1.7 reject such a file (\"invalid `host` tree\"), and containerd " + containerd
                            + " falls back to the server alone"
                    : "containerd " + containerd + " rejects such a file (\"invalid `host` tree\") and pulls from this"
                            + " registry fail";
            ctx.atValue(Code.HOSTS_TOML_WITHOUT_HOST, part, e.pointer(), "hosts.toml for '" + printable(e.key())
                    + "' has no [host.\"…\"] table; " + effect, hint);
        }
    }

    private static void checkCapabilities(RuleContext ctx, Part part, ArgEntry e, JsonNode caps, String where,
            List<String> allowed) {
        if (caps == null) {
            return;
        }
        if (!caps.isArray()) {
            ctx.atValue(Code.BAD_CAPABILITY, part, e.pointer(), registry(e) + ": capabilities " + where
                    + " is not an array", "write capabilities = [\"pull\", \"resolve\"]");
            return;
        }
        List<String> bad = new ArrayList<>();
        for (JsonNode c : caps) {
            String name = c.isTextual() ? c.asText() : c.toString();
            if (!c.isTextual() || !allowed.contains(name.toLowerCase(Locale.ROOT))) {
                bad.add(name);
            }
        }
        for (String name : bad) {
            String hint = DidYouMean.hint(name, allowed).orElse("use " + String.join(", ", allowed));
            ctx.atValue(Code.BAD_CAPABILITY, part, e.pointer(), registry(e) + ": capability '" + printable(name) + "' "
                    + where + " is not one of " + String.join(", ", allowed) + "; containerd rejects the file"
                    + " (\"unknown capability\")", hint);
        }
    }

    /** How a finding names the entry's file; built only for a finding (printable runs a regex). */
    private static String registry(ArgEntry e) {
        return "hosts.toml for '" + printable(e.key()) + "'";
    }

    /** The parser's reason without Jackson's location suffix. */
    private static String reason(JacksonException ex) {
        String m = ex.getOriginalMessage();
        if (m == null || m.isBlank()) {
            m = "syntax error";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * " at line L, column C of the value", plus the file line when the value is a block scalar
     * ({@code |}): its text starts on the line after the key, so value line L is file line key+L.
     */
    private static String where(Part part, ArgEntry e, JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) {
            return "";
        }
        String s = " at line " + loc.getLineNr() + (loc.getColumnNr() > 0 ? ", column " + loc.getColumnNr() : "")
                + " of the value";
        YNode node = part.source().at(e.pointer());
        if (node instanceof YScalar scalar && !scalar.plain() && scalar.text().indexOf('\n') >= 0) {
            Pos start = scalar.pos();
            s += " (line " + (start.line() + loc.getLineNr()) + " of the file)";
        }
        return s;
    }

    /** A server URL without any user:password@ part, so hints never echo credentials. */
    private static String stripUserInfo(String url) {
        int scheme = url.indexOf("://");
        int at = url.indexOf('@');
        int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        if (at >= 0 && (slash < 0 || at < slash)) {
            return (scheme < 0 ? "" : url.substring(0, scheme + 3)) + url.substring(at + 1);
        }
        return url;
    }

    private static String printable(String s) {
        return CONTROL.matcher(s).replaceAll("?");
    }

    /** True when a version such as "v1.7.29" is at least major.minor. */
    static boolean containerdAtLeast(String version, int major, int minor) {
        if (version == null) {
            return false;
        }
        int[] parsed = CONTAINERD_VERSIONS.computeIfAbsent(version, RegistryConfigRule::majorMinor);
        return parsed.length == 2 && (parsed[0] > major || (parsed[0] == major && parsed[1] >= minor));
    }

    /** The major and minor of each track's containerd version (catalog data, a handful), read once. */
    private static final Map<String, int[]> CONTAINERD_VERSIONS = new ConcurrentHashMap<>();

    /** {major, minor} of a version such as "v1.7.29", or no numbers when it is none. */
    private static int[] majorMinor(String version) {
        String v = version.startsWith("v") ? version.substring(1) : version;
        String[] parts = VERSION_SEPARATORS.split(v);
        try {
            return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
        } catch (NumberFormatException ex) {
            return new int[0];
        }
    }
}
