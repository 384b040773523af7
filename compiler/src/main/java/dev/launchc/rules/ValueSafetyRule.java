package dev.launchc.rules;

import dev.launchc.diag.Code;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import java.util.List;
import java.util.Map;

/**
 * LC1010 (VALUE_HAS_LINE_BREAK): an args/env key or value holding a line feed, carriage return,
 * NUL, NEL (U+0085) or a Unicode line/paragraph separator (U+2028, U+2029). MicroK8s writes
 * {@code key=value} verbatim as one line, so a line break injects a second line, that is a second
 * flag or variable, into the file; a NUL cuts the line short for the C-string readers.
 *
 * <p>LC1011 (VALUE_HAS_SPACE): a key or value holding a space or tab in a file that kubelite reads
 * (kube-apiserver, kubelet, kube-proxy, kube-controller-manager, kube-scheduler). kubelite deletes
 * every quote and splits each line at spaces (reference launch-config-facts §4.3), so
 * {@code --flag=a b} becomes two arguments and quoting cannot help.
 */
public final class ValueSafetyRule implements Rule {
    @Override
    public void check(RuleContext ctx) {
        for (Part part : ctx.config().parts()) {
            for (Map.Entry<ServiceFile, List<ArgEntry>> files : part.serviceArgs().entrySet()) {
                ServiceFile file = files.getKey();
                for (ArgEntry e : files.getValue()) {
                    check(ctx, part, file, e);
                }
            }
        }
    }

    private static void check(RuleContext ctx, Part part, ServiceFile file, ArgEntry e) {
        String where = ctx.sectionName(file);
        String keyBreak = lineBreak(e.key());
        if (keyBreak != null) {
            ctx.atKey(Code.VALUE_HAS_LINE_BREAK, part, e.pointer(), "key in " + where + " holds a " + keyBreak
                    + "; MicroK8s writes it verbatim into args/" + file.fileName() + ", " + effect(keyBreak),
                    "remove the " + keyBreak);
        }
        String valueBreak = e.value() == null ? null : lineBreak(e.value());
        if (valueBreak != null) {
            ctx.atValue(Code.VALUE_HAS_LINE_BREAK, part, e.pointer(), "value of " + safeKey(e.key()) + " holds a "
                    + valueBreak + "; MicroK8s writes it verbatim into args/" + file.fileName() + ", "
                    + effect(valueBreak), hintFor(valueBreak));
        }
        if (file.reader() != ServiceFile.Reader.KUBELITE) {
            return;
        }
        // A key with blanks before its dashes is ArgKeyRule's (LC1008); here only blanks after them.
        if (keyBreak == null && e.key().startsWith("-") && blank(e.key()) != null) {
            ctx.atKey(Code.VALUE_HAS_SPACE, part, e.pointer(), "flag name '" + e.key() + "' in " + where
                    + " holds a " + blank(e.key()) + "; kubelite splits each line of args/" + file.fileName()
                    + " at spaces into separate arguments", "remove the spaces from the flag name");
        }
        if (valueBreak == null && e.value() != null && blank(e.value()) != null) {
            ctx.atValue(Code.VALUE_HAS_SPACE, part, e.pointer(), "value of " + safeKey(e.key())
                    + " holds a " + blank(e.value()) + "; kubelite splits each line of args/" + file.fileName()
                    + " at spaces and deletes every quote, so it becomes separate arguments",
                    "remove the spaces (write lists as a,b without spaces); quoting does not help");
        }
    }

    /** The name of the first line-breaking character, e.g. "line feed (\n)", or null. */
    static String lineBreak(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= ' ' && c < '\u0085') {
                continue; // none of them breaks a line, and most values hold nothing else
            }
            switch (c) {
                case '\n': return "line feed (\\n)";
                case '\r': return "carriage return (\\r)";
                case '\0': return "NUL character";
                case '\u0085': return "next-line character (U+0085)";
                case '\u2028': return "line separator (U+2028)";
                case '\u2029': return "paragraph separator (U+2029)";
                default: break;
            }
        }
        return null;
    }

    private static String hintFor(String what) {
        if (what.contains("line feed")) {
            return "write the value on one line; a YAML block scalar (| or >) keeps its final line break, use a plain or quoted scalar";
        }
        return "remove the " + what;
    }

    /** "space" or "tab" for the first blank in {@code s}, or null. */
    private static String blank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ') {
                return "space";
            }
            if (s.charAt(i) == '\t') {
                return "tab";
            }
        }
        return null;
    }

    /** What the character does once it is in the file. */
    private static String effect(String what) {
        if (what.startsWith("line feed")) {
            return "where it starts a second line: an injected flag or variable";
        }
        if (what.startsWith("NUL")) {
            return "where it cuts the line short for readers that stop at NUL and corrupts the file";
        }
        return "where it becomes part of the value and corrupts it (some tools also read it as a line break)";
    }

    /** The key for a message, with anything unprintable replaced. */
    private static String safeKey(String key) {
        return key.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", "?");
    }
}
