package dev.launchc.rules;

import dev.launchc.net.Inet;
import dev.launchc.diag.Code;
import dev.launchc.model.internal.JoinRequest;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * LC1024 (BAD_JOIN_URL): a non-empty join.url that {@code microk8s join} would refuse. Its
 * {@code get_valid_connection_parts} wants {@code <IP>:<port>/<token>[/<fingerprint>]}: two or three
 * '/'-separated parts; the first split at ':' into exactly two (so an IPv6 address never fits); an
 * IP address, not a host name; a port 1–65535; a token of at least 32 characters; a fingerprint,
 * when given, of at least 12 (reference launch-config-facts §4.10). One finding per problem.
 *
 * <p>LC2003 (JOIN_OVERWRITES_KUBELET_ARGS, warning): extraKubeletArgs in the part that joins, or in
 * an earlier part. {@code microk8s join} runs last in its part and replaces {@code args/kubelet} with
 * the kubelet args of the node it joins, so those settings are lost (MicroK8s issue #5236).
 * Reported at the extraKubeletArgs key.
 *
 * <p>The URL holds a secret: messages show it redacted, e.g.
 * {@code 10.0.0.10:25000/<token: 8 chars>/<fingerprint: 4 chars>}.
 */
public final class JoinRule implements Rule {
    static final int MIN_TOKEN = 32;
    static final int MIN_FINGERPRINT = 12;
    private static final String FORMAT = "<IP>:<port>/<token>[/<fingerprint>]";

    @Override
    public void check(RuleContext ctx) {
        List<Part> parts = ctx.config().parts();
        Set<Integer> warned = new HashSet<>();
        for (int k = 0; k < parts.size(); k++) {
            Part part = parts.get(k);
            JoinRequest join = part.join();
            if (join == null || join.url().isEmpty()) {
                continue;
            }
            checkUrl(ctx, part, join);
            for (int i = 0; i <= k; i++) {
                Part earlier = parts.get(i);
                if (earlier.args(ServiceFile.KUBELET).isEmpty() || !warned.add(i)) {
                    continue;
                }
                String pointer = earlier.serviceArgsPointers().get(ServiceFile.KUBELET);
                if (i == k) {
                    ctx.atKey(Code.JOIN_OVERWRITES_KUBELET_ARGS, earlier, pointer, "extraKubeletArgs is in the same"
                            + " part as join: microk8s join runs after it and replaces args/kubelet with the kubelet"
                            + " args of the node it joins, so these settings are lost",
                            "move extraKubeletArgs to a later part (a new '---' document after this one)");
                } else {
                    ctx.atKey(Code.JOIN_OVERWRITES_KUBELET_ARGS, earlier, pointer, "extraKubeletArgs of part "
                            + (i + 1) + " is applied before the join in part " + (k + 1) + ", which replaces"
                            + " args/kubelet with the kubelet args of the node it joins, so these settings are lost",
                            "move extraKubeletArgs to a part after the join (a new '---' document after part "
                                    + (k + 1) + ")");
                }
            }
        }
    }

    private static void checkUrl(RuleContext ctx, Part part, JoinRequest join) {
        String url = join.url();
        String pointer = join.pointer() + "/url";
        String shown = "join.url " + redact(url);
        if (!url.strip().equals(url) || url.chars().anyMatch(Character::isWhitespace)) {
            report(ctx, part, pointer, shown + " holds whitespace; microk8s join takes it as one argument and"
                    + " rejects it", "remove the spaces");
            return;
        }
        int scheme = url.indexOf("://");
        if (scheme > 0 && url.substring(0, scheme).chars().allMatch(Character::isLetter)) {
            // Told before the parts are counted: "https://..." otherwise reads as a garbled URL.
            String rest = url.substring(scheme + 3);
            report(ctx, part, pointer, "join.url starts with the scheme " + url.substring(0, scheme + 3)
                    + "; microk8s join takes no scheme, only " + FORMAT,
                    "remove the scheme: " + redact(rest));
            return;
        }
        String[] pieces = url.split("/", -1);
        if (pieces.length < 2 || pieces.length > 3) {
            report(ctx, part, pointer, shown + " has " + pieces.length + " '/'-separated part"
                    + (pieces.length == 1 ? "" : "s") + "; microk8s join expects " + FORMAT,
                    "write it as <IP>:25000/<token>, as printed by 'microk8s add-node'");
            return;
        }
        String[] endpoint = pieces[0].split(":", -1);
        if (endpoint.length != 2) {
            if (endpoint.length > 2 || pieces[0].startsWith("[")) {
                report(ctx, part, pointer, shown + " uses an IPv6 address; microk8s join splits the address"
                        + " at ':' and needs exactly two parts, so IPv6 cannot be used",
                        "join through an IPv4 address of the node");
            } else {
                report(ctx, part, pointer, shown + " has no port; microk8s join expects " + FORMAT,
                        "add the cluster agent port, usually 25000: <IP>:25000/<token>");
            }
        } else {
            String host = endpoint[0];
            if (Inet.parseIpv4(host) == null) {
                boolean name = Inet.isDnsName(host) && !Inet.looksNumeric(host);
                report(ctx, part, pointer, shown + (name ? " names a host; microk8s join needs an IP address"
                        : " does not start with a valid IPv4 address"), "use the IPv4 address of the node to join");
            }
            String port = endpoint[1];
            if (!Inet.digits(port) || port.length() > 5 || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                report(ctx, part, pointer, shown + " has a port outside 1-65535", "the cluster agent listens on 25000");
            }
        }
        int token = pieces[1].codePointCount(0, pieces[1].length());
        if (token < MIN_TOKEN) {
            report(ctx, part, pointer, shown + ": the token has " + token + " character" + (token == 1 ? "" : "s")
                    + "; microk8s join requires at least " + MIN_TOKEN,
                    "use the full token printed by 'microk8s add-node', or a persistentClusterToken of 32 characters");
        }
        if (pieces.length == 3) {
            int fingerprint = pieces[2].codePointCount(0, pieces[2].length());
            if (fingerprint < MIN_FINGERPRINT) {
                report(ctx, part, pointer, shown + ": the certificate fingerprint has " + fingerprint + " character"
                        + (fingerprint == 1 ? "" : "s") + "; microk8s join requires at least " + MIN_FINGERPRINT,
                        "leave the fingerprint out (" + "<IP>:<port>/<token>) or give it as printed by 'microk8s add-node'");
            }
        }
    }

    private static void report(RuleContext ctx, Part part, String pointer, String message, String hint) {
        ctx.atValue(Code.BAD_JOIN_URL, part, pointer, message, hint);
    }

    /**
     * The URL with its secret parts replaced by their lengths. The address part is shown only when it
     * looks like an address (holds '.' or ':', only address characters, no segment as long as a
     * token), never a stray token.
     */
    static String redact(String url) {
        String[] pieces = url.split("/", -1);
        StringBuilder sb = new StringBuilder();
        String first = pieces[0];
        boolean addressLike = first.length() <= 64 && (first.indexOf('.') >= 0 || first.indexOf(':') >= 0)
                && first.matches("[0-9A-Za-z.:\\[\\]-]*");
        for (String segment : first.split("[.:\\[\\]]")) {
            if (segment.length() >= 24) {
                addressLike = false;
            }
        }
        sb.append(addressLike ? first : "<" + first.length() + (first.length() == 1 ? " char>" : " chars>"));
        for (int i = 1; i < pieces.length; i++) {
            int n = pieces[i].codePointCount(0, pieces[i].length());
            String what = i == 1 ? "token: " : i == 2 ? "fingerprint: " : "";
            sb.append("/<").append(what).append(n).append(n == 1 ? " char>" : " chars>");
        }
        return sb.toString();
    }
}
