package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFacts.hostPortProblem;
import static dev.launchc.rules.cluster.ClusterFacts.printable;

import dev.launchc.diag.Code;
import dev.launchc.diag.Pos;
import dev.launchc.model.internal.Cluster;
import dev.launchc.model.internal.Value;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Registry mirrors, per-host TLS entries and the air-gap registry; compile turns them into
 * {@code containerdRegistryConfigs} ({@code certs.d/<namespace>/hosts.toml}).
 * <ul>
 *   <li>LC3020 (BAD_MIRROR_ENDPOINT): a mirror endpoint that is not
 *       {@code http(s)://host[:port][/path]} (no credentials, query or fragment), and an
 *       {@code airgap.registry} that is not {@code host[:port]}.</li>
 *   <li>LC1020 (REGISTRY_PATH_TRAVERSAL): a mirror namespace or {@code hosts} key with '/', '\',
 *       ".." or NUL: it names a directory under {@code certs.d/}.</li>
 *   <li>LC1019 (BAD_REGISTRY_NAME): a mirror namespace or {@code hosts} key that is not
 *       {@code host[:port]} or {@code _default}.</li>
 *   <li>LC3027 (MIRROR_ENDPOINT_REPEATED, warning): an endpoint listed again for the same
 *       namespace (see {@link Cluster.Mirror#sameEndpoint}), reported at the repeat. A warning, not
 *       an error: compile keeps the first and drops the repeat, so the seed is valid and containerd
 *       tries that mirror once, as it would anyway; but a repeat is almost always a slip, typically
 *       a second mirror the user meant to list, so it must not pass silently.</li>
 * </ul>
 * Messages never echo the credentials of an endpoint that carries {@code user:password@}.
 */
public final class RegistryRule implements ClusterRule {
    @Override
    public void check(ClusterRuleContext ctx) {
        Cluster c = ctx.cluster();
        for (Cluster.Mirror m : c.mirrors()) {
            directoryKey(ctx, "mirror namespace", m.namespace(), m.pointer());
            for (Value e : m.endpoints()) {
                endpoint(ctx, m.namespace(), e);
            }
            repeats(ctx, m);
        }
        for (Cluster.HostTls h : c.hostTls().values()) {
            directoryKey(ctx, "registries.hosts key", h.host(), h.pointer());
        }
        if (c.airgap() != null) {
            airgap(ctx, c.airgap().registry());
        }
    }

    private static void directoryKey(ClusterRuleContext ctx, String what, String key, String pointer) {
        String traversal = key.isEmpty() ? "is empty" : key.indexOf('\0') >= 0 ? "holds a NUL character"
                : key.indexOf('\\') >= 0 ? "holds '\\'" : key.contains("..") ? "holds '..'" : null;
        String host = hostOf(key);
        if (traversal == null && key.indexOf('/') >= 0 && host == null) {
            traversal = "holds '/'";
        }
        if (traversal != null) {
            ctx.atKey(Code.REGISTRY_PATH_TRAVERSAL, pointer, what + " '" + printable(key) + "' " + traversal
                    + ": compile writes certs.d/<" + (what.startsWith("mirror") ? "namespace" : "host") + ">/hosts.toml on"
                    + " every node, so it would write outside certs.d or in the wrong place",
                    "use the registry host only, e.g. docker.io or my.registry:5000");
            return;
        }
        String problem = key.equals("_default") ? null : hostPortProblem(key);
        if (problem == null) {
            return;
        }
        String hint = host != null && hostPortProblem(host) == null ? "use the host only: " + host
                : "use the registry host as it appears in image names, e.g. docker.io or my.registry:5000";
        ctx.atKey(Code.BAD_REGISTRY_NAME, pointer, what + " '" + printable(redact(key)) + "' " + problem
                + ": containerd on each node looks up certs.d/<host[:port]>/hosts.toml by the registry host of an image,"
                + " so this entry would never be used", hint);
    }

    /** The host[:port] of a URL, or null when {@code s} is not one. */
    private static String hostOf(String s) {
        int scheme = s.indexOf("://");
        if (scheme <= 0) {
            return null;
        }
        String rest = s.substring(scheme + 3);
        int at = rest.lastIndexOf('@', rest.indexOf('/') < 0 ? rest.length() - 1 : rest.indexOf('/'));
        if (at >= 0) {
            rest = rest.substring(at + 1);
        }
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static void endpoint(ClusterRuleContext ctx, String namespace, Value v) {
        String text = v.text();
        String problem = endpointProblem(text);
        if (problem == null) {
            return;
        }
        String host = hostOf(text);
        String hint;
        if (!text.contains("://")) {
            hint = hostPortProblem(text.indexOf('/') < 0 ? text : text.substring(0, text.indexOf('/'))) == null
                    ? "write https://" + text + " (or http:// for a plain-HTTP registry)"
                    : "write it as https://host[:port][/path]";
        } else if (problem.startsWith("holds credentials")) {
            hint = "remove the user:password@ part: hosts.toml has no credential fields; give pull credentials to"
                    + " Kubernetes as imagePullSecrets";
        } else if (host != null && hostPortProblem(host) == null && problem.startsWith("uses the scheme")) {
            hint = "use https://" + host + " (or http:// for a plain-HTTP registry)";
        } else {
            hint = "write it as https://host[:port][/path]";
        }
        ctx.atValue(Code.BAD_MIRROR_ENDPOINT, v.pointer(), "mirror endpoint '" + printable(redact(text)) + "' for "
                + printable(namespace) + " " + problem + ": compile writes it as [host.\"<endpoint>\"] in certs.d/"
                + printable(namespace) + "/hosts.toml on every node, and containerd can only pull through an"
                + " http(s)://host[:port][/path] URL there", hint);
    }

    private static void repeats(ClusterRuleContext ctx, Cluster.Mirror m) {
        List<Value> endpoints = m.endpoints();
        for (int i = 1; i < endpoints.size(); i++) {
            Value repeat = endpoints.get(i);
            for (Value first : endpoints.subList(0, i)) {
                if (!Cluster.Mirror.sameEndpoint(first.text(), repeat.text())) {
                    continue;
                }
                Pos firstAt = ctx.cluster().source().valuePos(first.pointer());
                boolean sameText = first.text().equals(repeat.text());
                ctx.atValue(Code.MIRROR_ENDPOINT_REPEATED, repeat.pointer(), "mirror endpoint '"
                        + printable(redact(repeat.text())) + "' for " + printable(m.namespace()) + " is listed twice"
                        + (sameText ? "" : " (as '" + printable(redact(first.text())) + "')")
                        + ", first at line " + firstAt.line() + ": containerd tries each endpoint once, so compile keeps"
                        + " the first and drops this one", "remove the repeat, or write the other mirror you meant to list here");
                break;
            }
        }
    }

    /** Null for {@code http(s)://host[:port][/path]}; otherwise what is wrong. */
    static String endpointProblem(String text) {
        if (text.isEmpty()) {
            return "is empty";
        }
        int scheme = text.indexOf("://");
        if (scheme < 0) {
            return "has no scheme";
        }
        String s = text.substring(0, scheme).toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) {
            return "uses the scheme " + printable(text.substring(0, scheme)) + "://";
        }
        String host = hostOf(text);
        String afterScheme = text.substring(scheme + 3);
        int slash = afterScheme.indexOf('/');
        if ((slash < 0 ? afterScheme : afterScheme.substring(0, slash)).indexOf('@') >= 0) {
            return "holds credentials";
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "has a query or fragment";
        }
        String hp = host == null ? "" : host;
        String why = hostPortProblem(hp);
        return why == null ? null : why.startsWith("has ") ? why : "has a host part that " + why;
    }

    private static void airgap(ClusterRuleContext ctx, Value v) {
        String text = v.text();
        String problem = hostPortProblem(text);
        if (problem == null) {
            return;
        }
        String host = hostOf(text);
        String hint;
        if (host != null && hostPortProblem(host) == null) {
            hint = "write " + host + (text.toLowerCase(Locale.ROOT).startsWith("http://") ? " and set plainHTTP: true" : "")
                    + " (the scheme comes from plainHTTP)";
        } else if (text.indexOf('/') > 0 && hostPortProblem(text.substring(0, text.indexOf('/'))) == null) {
            hint = "write the registry host only: " + text.substring(0, text.indexOf('/'));
        } else {
            hint = "write the registry as host[:port], e.g. registry.corp.example:5000";
        }
        ctx.atValue(Code.BAD_MIRROR_ENDPOINT, v.pointer(), "airgap.registry '" + printable(redact(text)) + "' " + problem
                + ": compile makes it the mirror of every upstream registry on every node, as [host.\"https://<registry>\"]"
                + " (http:// with plainHTTP), so it must be a bare host[:port]", hint);
    }

    /** The text with any {@code user:password@} before the host replaced. */
    static String redact(String text) {
        int scheme = text.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int slash = text.indexOf('/', start);
        int end = slash < 0 ? text.length() : slash;
        int at = text.lastIndexOf('@', end - 1);
        if (at < start) {
            return text;
        }
        return text.substring(0, start) + "<redacted>@" + text.substring(at + 1);
    }
}
