package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFacts.printable;

import dev.launchc.diag.Code;
import dev.launchc.model.internal.Cluster;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * LC3055 (HOST_PATH_NOT_UNDER_STRICT): with {@code spec.confinement: strict}, a registry TLS file
 * ({@code registries.hosts.<h>.ca}, {@code cert}, {@code key}, {@code airgap.ca}) given as an
 * absolute host path outside the prefixes the track's catalog lists as readable by the strict snap
 * ({@code snaps.strict.readablePaths}: its own areas, users' homes and the system CA
 * locations). compile writes these paths into hosts.toml, where the confined containerd opens
 * them; the strict snapcraft.yaml has no system-files plug, so a path such as
 * /etc/docker/certs.d/… or /etc/ssl/site-ca.pem is not granted. Relative paths are not
 * judged: containerd resolves them, not the host.
 */
public final class StrictHostPathRule implements ClusterRule {
    @Override
    public void check(ClusterRuleContext ctx) {
        Cluster cluster = ctx.cluster();
        if (!cluster.strict() || ctx.track() == null) {
            return;
        }
        List<String> readable = ctx.track().strictReadablePaths();
        if (readable.isEmpty()) {
            return;
        }
        for (Cluster.HostTls tls : cluster.hostTls().values()) {
            check(ctx, readable, tls.ca(), tls.pointer() + "/ca", "the CA of " + tls.host());
            check(ctx, readable, tls.cert(), tls.pointer() + "/cert", "the client certificate for " + tls.host());
            check(ctx, readable, tls.key(), tls.pointer() + "/key", "the client key for " + tls.host());
        }
        if (cluster.airgap() != null) {
            check(ctx, readable, cluster.airgap().ca(), cluster.airgap().pointer() + "/ca",
                    "the CA of the air-gap registry");
        }
    }

    private static void check(ClusterRuleContext ctx, List<String> readable, String path, String pointer, String what) {
        if (path == null || !path.startsWith("/") || readable(path, readable)) {
            return;
        }
        String track = ctx.track().name();
        ctx.atValue(Code.HOST_PATH_NOT_UNDER_STRICT, pointer, "'" + printable(path) + "' (" + what + ") is outside what"
                + " the strictly confined MicroK8s " + track + " may read (spec.confinement: strict): containerd opens it"
                + " from hosts.toml inside the snap's confinement, which grants reads only of " + String.join(", ", readable)
                + " (the strict snap has no system-files plug), so pulls from that registry fail with a permission error",
                "copy the file to /var/snap/microk8s/current/args/certs.d/<host>/ and name it there, or use"
                        + " spec.confinement: classic");
    }

    /**
     * True when the normalised path is one of the readable entries: under one that ends in '/' (a
     * directory), or equal to one that does not (a file).
     */
    private static boolean readable(String path, List<String> readable) {
        String normal;
        try {
            normal = Path.of(path).normalize().toString();
        } catch (InvalidPathException e) {
            return true; // not a path launchc can judge; other rules speak for malformed values
        }
        return readable.stream().anyMatch(entry -> entry.endsWith("/")
                ? normal.startsWith(entry) && normal.length() > entry.length()
                : normal.equals(entry));
    }
}
