package dev.launchc.rules;

import dev.launchc.resolve.ServiceNetwork;
import dev.launchc.net.Inet;
import dev.launchc.diag.Code;
import dev.launchc.diag.Fix;
import dev.launchc.diag.Pos;
import dev.launchc.load.YDocument;
import dev.launchc.load.YMap;
import dev.launchc.load.YScalar;
import dev.launchc.load.YSeq;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.Value;
import java.util.Arrays;
import java.util.List;

/**
 * LC2002 (SERVICE_IP_NOT_IN_SANS, warning): the effective service CIDR (see {@link ServiceNetwork})
 * differs from the track default and its first address (network + 1, e.g. 10.153.183.1), which the
 * {@code kubernetes} Service gets, is not in the API server certificate. MicroK8s' certificate
 * template always lists 10.152.183.1 (the default's first address) and otherwise only what
 * extraSANs adds (reference launch-config-facts §4.4); MicroK8s' own dual-stack test adds
 * {@code extraSANs: [10.153.183.1]} for exactly this reason (§6.1). Without it, in-cluster clients
 * that reach the API server through {@code kubernetes.default} fail TLS verification.
 *
 * <p>The certificate template is rewritten by every part that has extraSANs, so the list that counts
 * is the last one given; when no part has extraSANs the stock template applies. A node that joins
 * as a worker is not checked: it runs no API server. Only the primary
 * family (IPv4 in dual stack) is checked: the {@code kubernetes} Service is single-stack.
 */
public final class ServiceIpSanRule implements Rule {
    /** Appends the address to the extraSANs list the certificate takes, in its own style; null if it cannot tell how. */
    static Fix appendSan(YDocument doc, String address) {
        if (!(doc.at("/extraSANs") instanceof YSeq seq)) {
            return null;
        }
        String description = "add " + address + " to extraSANs";
        if (seq.items().isEmpty()) {
            // [] is the only empty list YAML can write.
            return seq.flow() ? Fix.replace(description, seq.pos(), "[]", "[" + address + "]") : null;
        }
        if (!(seq.items().get(seq.items().size() - 1) instanceof YScalar last) || last.text().contains("\n")) {
            return null;
        }
        if (seq.flow()) {
            if (!last.plain()) {
                return null;
            }
            return Fix.replace(description, last.pos(), last.text(), last.text() + ", " + address);
        }
        // A block list: a new "- " item on the line after the last, at the column of the list's dashes.
        return Fix.insert(description, new Pos(last.pos().line() + 1, 1),
                " ".repeat(seq.pos().column() - 1) + "- " + address + "\n");
    }

    /** Adds {@code extraSANs: [address]} to a native block-mapping part, after its version line; null if it cannot tell where. */
    static Fix addSans(YDocument doc, String address) {
        if (!(doc.root() instanceof YMap root) || root.flow() || root.entries().isEmpty()) {
            return null;
        }
        String line = " ".repeat(root.pos().column() - 1) + "extraSANs: [" + address + "]\n";
        String description = "add extraSANs: [" + address + "]";
        // Only a native part (it has a version) takes extraSANs; a cluster file sets its network elsewhere.
        YMap.Entry version = root.entry("version");
        if (version != null && version.value() instanceof YScalar v && v.pos().line() == version.key().pos().line()
                && !v.text().contains("\n")) {
            return Fix.insert(description, new Pos(v.pos().line() + 1, 1), line);
        }
        return null;
    }

    @Override
    public void check(RuleContext ctx) {
        if (ctx.joinsAsWorker()) {
            // A worker runs no API server (it reaches the control plane through apiserver-proxy), so
            // its certificate's SANs do not matter; the control-plane nodes carry the check.
            return;
        }
        ServiceNetwork.Effective net = ctx.resolved().serviceNetwork();
        if (net == null || net.isDefault()) {
            return;
        }
        byte[] first = net.primary().plus(1);
        if (first == null) {
            return;
        }
        List<Inet.Cidr> defaults = ServiceNetwork.defaults(ctx.track());
        if (!defaults.isEmpty() && Arrays.equals(first, defaults.get(0).plus(1))) {
            return;
        }
        List<Value> sans = null;
        Part sansPart = null;
        for (Part part : ctx.config().parts()) {
            if (part.extraSANs() != null) {
                sans = part.extraSANs();
                sansPart = part;
            }
        }
        if (sans != null) {
            for (Value san : sans) {
                if (Arrays.equals(first, Inet.parseIp(san.text().strip()))) {
                    return;
                }
            }
        }
        String address = Inet.format(first);
        String hint = sans != null ? "add \"- " + address + "\" to extraSANs"
                : "add \"extraSANs: [" + address + "]\" to this part";
        ctx.atValue(Code.SERVICE_IP_NOT_IN_SANS, net.part(), net.pointer(), "the service CIDR becomes "
                + net.primary() + " (from " + net.origin() + "), so the kubernetes Service gets " + address
                + ", but the API server certificate does not list it; clients using kubernetes.default will fail TLS"
                + " verification", hint, sans != null ? appendSan(sansPart.source(), address) : addSans(net.part().source(), address));
    }
}
