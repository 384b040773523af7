package dev.launchc.rules;

import dev.launchc.diag.Code;
import dev.launchc.diag.Quote;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.resolve.KubeArgs;

/**
 * LC1043 (QUOTE_CHANGES_VALUE): a value in an args file whose quotes or backslashes its reader
 * removes, so the service gets another value than the one written. One pair of matching quotes
 * around the whole value is fine (MicroK8s' own defaults write {@code --etcd-servers="unix://…"}).
 * <ul>
 *   <li>kubelite's files (kube-apiserver, kubelet, …): kubelite deletes every {@code "} and
 *       {@code '} of a line (reference launch-config-facts §4.3), so {@code 150"x} reaches the flag
 *       as {@code 150x}.</li>
 *   <li>the files a wrapper reads with {@code declare -a args="($(cat file))"} (containerd,
 *       k8s-dqlite, cluster-agent, apiserver-proxy, etcd, flanneld): bash pairs and removes quotes
 *       (an unpaired one is a syntax error and the service does not start) and removes
 *       backslashes; one at the end of the value joins the next line, that is the next flag.</li>
 * </ul>
 * Env files that bash sources have the same problem and more (LC1029); values with line breaks or
 * blanks are LC1010's and LC1011's.
 */
public final class ArgQuoteRule implements Rule {
    @Override
    public void check(RuleContext ctx) {
        ctx.forEachServiceArg((part, file, e) -> {
            if (e.value() != null && ValueSafetyRule.lineBreak(e.value()) == null) {
                check(ctx, part, file, e);
            }
        });
    }

    private static void check(RuleContext ctx, Part part, ServiceFile file, ArgEntry e) {
        String inner = unwrapped(e.value());
        if (file.reader() == ServiceFile.Reader.KUBELITE && hasQuote(inner)) {
            String seen = KubeArgs.kubeliteView(e.value());
            ctx.atValue(Code.QUOTE_CHANGES_VALUE, part, e.pointer(), where(ctx, file, e) + " holds a quote inside it; kubelite deletes every"
                    + " quote of args/" + file.fileName() + ", so the flag gets '" + Quote.printable(seen) + "'",
                    "write the value without inner quotes: kubelite cannot pass a quote to a flag");
        } else if (file.reader() == ServiceFile.Reader.BASH_WORDS) {
            String problem = hasQuote(inner) ? "a quote inside it, which bash pairs and removes (an unpaired one stops the"
                    + " service from starting)"
                    : inner.endsWith("\\") ? "a trailing backslash, which joins the next line (the next flag) to this value"
                    : inner.indexOf('\\') >= 0 ? "a backslash, which bash removes" : null;
            if (problem != null) {
                ctx.atValue(Code.QUOTE_CHANGES_VALUE, part, e.pointer(), where(ctx, file, e) + " holds " + problem + ": the wrapper reads"
                        + " args/" + file.fileName() + " with bash (declare -a args=\"($(cat file))\")",
                        "write the value without quotes and backslashes");
            }
        }
    }

    /** How findings name the value; built only for a finding. */
    private static String where(RuleContext ctx, ServiceFile file, ArgEntry e) {
        return "value of " + e.key() + " in " + ctx.sectionName(file);
    }

    /** The value without one pair of matching quotes around all of it. */
    static String unwrapped(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static boolean hasQuote(String s) {
        return s.indexOf('"') >= 0 || s.indexOf('\'') >= 0;
    }
}
