package dev.launchc.rules;

import dev.launchc.diag.Code;
import dev.launchc.load.YMap;
import dev.launchc.load.YScalar;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * LC1008 (ARG_KEY_NOT_A_FLAG): a key of an args map (e.g. extraKubeletArgs) that does not start
 * with '-'. MicroK8s writes keys verbatim ({@code max-pods=110}), adds no dashes, and the service
 * then reads the line as a positional argument.
 *
 * <p>LC1009 (ENV_KEY_NOT_A_NAME): a key of an env map (e.g. extraContainerdEnv) that is not a shell
 * variable name {@code [A-Za-z_][A-Za-z0-9_]*}; env files are sourced by bash, where such a line is
 * a command, not an assignment.
 *
 * <p>Both are reported at the key.
 */
public final class ArgKeyRule implements Rule {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public void check(RuleContext ctx) {
        for (Part part : ctx.config().parts()) {
            for (Map.Entry<ServiceFile, List<ArgEntry>> files : part.serviceArgs().entrySet()) {
                ServiceFile file = files.getKey();
                for (ArgEntry e : files.getValue()) {
                    if (file.kind() == ServiceFile.Kind.ARGS) {
                        checkFlag(ctx, part, file, e);
                    } else {
                        checkEnvName(ctx, part, file, e);
                    }
                }
            }
        }
    }

    private static void checkFlag(RuleContext ctx, Part part, ServiceFile file, ArgEntry e) {
        String key = e.key();
        String where = ctx.sectionName(file);
        if (key.startsWith("-")) {
            if (key.indexOf('=') > 0) {
                // MicroK8s reads a line's flag as the text before its first '=': the line would never match again.
                ctx.atKey(Code.ARG_KEY_NOT_A_FLAG, part, e.pointer(), "flag name '" + printable(key) + "' in " + where
                        + " holds '='; MicroK8s takes the text before the first '=' as the flag, so every apply"
                        + " appends the line again", "write the flag without '=' and put the rest in the value");
            }
            return;
        }
        if (key.isBlank()) {
            ctx.atKey(Code.ARG_KEY_NOT_A_FLAG, part, e.pointer(), "empty key in " + where
                    + ": args/" + file.fileName() + " would get a line without a flag name",
                    "remove the entry or name the flag");
            return;
        }
        String trimmed = printable(key.strip());
        String hint = flowCommaHint(part, e);
        if (hint == null) {
            hint = trimmed.startsWith("-") ? "remove the spaces around it: " + trimmed
                    : "write it as " + (trimmed.length() == 1 ? "-" : "--") + trimmed;
        }
        ctx.atKey(Code.ARG_KEY_NOT_A_FLAG, part, e.pointer(), "'" + printable(key) + "' in " + where
                + " is not a flag: MicroK8s writes keys verbatim into args/" + file.fileName()
                + " and adds no dashes", hint);
    }

    private static void checkEnvName(RuleContext ctx, Part part, ServiceFile file, ArgEntry e) {
        String key = e.key();
        if (ENV_NAME.matcher(key).matches()) {
            return;
        }
        String where = ctx.sectionName(file);
        String message = (key.isEmpty() ? "empty key" : "'" + printable(key) + "'") + " in " + where
                + " is not a shell variable name; args/" + file.fileName()
                + " gets a line that is not a NAME=value assignment";
        ctx.atKey(Code.ENV_KEY_NOT_A_NAME, part, e.pointer(), message, envHint(ctx, file, key));
    }

    /**
     * {@code {--authorization-mode: RBAC,Node}} is a flow mapping, where the comma ends the entry:
     * the flag gets "RBAC" and "Node" becomes a key without a value. Returns the fix for that, or
     * null when the key did not come from such a split.
     */
    private static String flowCommaHint(Part part, ArgEntry e) {
        if (e.value() != null || part.source() == null) {
            return null;
        }
        String parent = e.pointer().substring(0, e.pointer().lastIndexOf('/'));
        if (!(part.source().at(parent) instanceof YMap map) || !map.flow()
                || !(map.get(e.key()) instanceof YScalar own && own.text().isEmpty() && own.plain())) {
            // Only a key with nothing after it can be a split value's second half; "key: null" is a removal.
            return null;
        }
        YMap.Entry previous = null;
        for (YMap.Entry entry : map.entries()) {
            if (entry.key().text().equals(e.key())) {
                break;
            }
            previous = entry;
        }
        if (previous == null || !(previous.value() instanceof YScalar value) || !value.plain() || value.isNull()) {
            return null;
        }
        return "in a flow mapping {…} a comma ends the entry, so " + printable(previous.key().text()) + " got '"
                + printable(value.text()) + "' and '" + printable(e.key()) + "' became a key; quote the value: "
                + printable(previous.key().text()) + ": \"" + printable(value.text() + "," + e.key()) + "\"";
    }

    private static String envHint(RuleContext ctx, ServiceFile file, String key) {
        if (key.startsWith("-")) {
            ServiceFile args = argsFileOf(file);
            return args == null
                    ? "flags do not belong in an environment file; names are letters, digits and '_'"
                    : "flags belong in " + ctx.sectionName(args);
        }
        String fixed = key.replaceAll("[^A-Za-z0-9_]", "_");
        if (fixed.isEmpty() || fixed.chars().allMatch(c -> c == '_')) {
            return "use a name of letters, digits and '_', not starting with a digit";
        }
        if (Character.isDigit(fixed.charAt(0))) {
            fixed = "_" + fixed;
        }
        return "write it as " + fixed;
    }

    /** The args file of the same service: containerd-env to containerd, and so on. */
    private static ServiceFile argsFileOf(ServiceFile env) {
        String name = env.fileName();
        if (!name.endsWith("-env")) {
            return null;
        }
        String base = name.substring(0, name.length() - 4);
        for (ServiceFile f : ServiceFile.values()) {
            if (f.kind() == ServiceFile.Kind.ARGS && f.fileName().equals(base)) {
                return f;
            }
        }
        return null;
    }

    /** The key for a message, with control and line-separator characters shown as '?'. */
    private static String printable(String key) {
        return key.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]", "?");
    }
}
