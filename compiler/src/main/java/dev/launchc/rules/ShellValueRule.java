package dev.launchc.rules;

import dev.launchc.diag.Code;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import java.util.List;
import java.util.Map;

/**
 * LC1029: a value in an env file that bash sources ({@code set -a; . file}) must read back as
 * itself. MicroK8s writes {@code KEY=value} verbatim, so a quote, {@code $(...)}, a backtick, a
 * {@code ;}, {@code &}, {@code |}, a redirection, a blank or a {@code #} after a blank changes
 * what bash assigns, or runs a command as root when the service starts. {@code $VAR} and
 * {@code ${VAR}} stay allowed: the shipped files use {@code PATH=$PATH:...}.
 */
public final class ShellValueRule implements Rule {
    @Override
    public void check(RuleContext ctx) {
        for (Part part : ctx.config().parts()) {
            for (Map.Entry<ServiceFile, List<ArgEntry>> files : part.serviceArgs().entrySet()) {
                if (files.getKey().reader() != ServiceFile.Reader.BASH_SOURCE) {
                    continue;
                }
                for (ArgEntry e : files.getValue()) {
                    String problem = e.value() == null || ValueSafetyRule.lineBreak(e.value()) != null ? null : problem(e.value());
                    if (problem != null) {
                        ctx.atValue(Code.VALUE_BREAKS_SHELL, part, e.pointer(), "value of " + e.key() + " in "
                                + ctx.sectionName(files.getKey()) + " holds " + problem + "; bash sources args/"
                                + files.getKey().fileName() + ", so the service would not get this value",
                                "use a plain value (no quotes, blanks, $(...), backticks, ; & | < > or #)");
                    }
                }
            }
        }
    }

    /** What in the value bash would read as syntax, or null for a plain word. */
    static String problem(String v) {
        if (v.contains("$(")) {
            return "a command substitution $(...)";
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            String what = switch (c) {
                case '`' -> "a backtick (command substitution)";
                case '"', '\'' -> "a quote (" + c + ")";
                case ';', '&', '|' -> "'" + c + "', which ends the assignment and starts a command";
                case '<', '>' -> "'" + c + "', a redirection";
                case '\\' -> "a backslash, which bash removes";
                case ' ', '\t' -> "a blank, which ends the assignment (the rest runs as a command)";
                default -> null;
            };
            if (what != null) {
                return what;
            }
        }
        return v.startsWith("#") || v.startsWith("~") ? "a leading '" + v.charAt(0) + "', which bash reads as syntax" : null;
    }
}
