package dev.launchc.compile;

import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.ArgsLines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two ways MicroK8s edits an args or env file, reproduced exactly.
 *
 * <p>{@link #apply} is the cluster agent's {@code UpdateServiceArguments} (reference
 * launch-config-facts §4.2): in-place replacement, deletion on null, blank lines dropped, comments
 * kept, a final newline. New keys are appended in document order; MicroK8s appends them in Go map
 * order, which is random, so document order is launchc's one deliberate difference.
 *
 * <p>{@link #refreshOption} is the snap's shell helper {@code refresh_opt_in_local_config}, used by
 * generate-cni.sh and addon scripts: it rewrites a line starting with {@code --opt=}, or else
 * inserts the option as the first line, leaving every other line (blank ones too) alone.
 */
public final class ArgsFileEditor {
    private ArgsFileEditor() {}

    /** The new content and whether MicroK8s would count the file as changed (and restart its service). */
    public record Result(String content, boolean changed) {}

    public static Result apply(String content, List<ArgEntry> entries) {
        Map<String, String> updates = new LinkedHashMap<>();
        List<String> deletes = new ArrayList<>();
        for (ArgEntry e : entries) {
            if (e.isRemoval()) {
                updates.remove(e.key());
                deletes.add(e.key());
            } else {
                deletes.remove(e.key());
                updates.put(e.key(), e.value());
            }
        }
        List<String> out = new ArrayList<>();
        Map<String, String> pending = new LinkedHashMap<>(updates);
        boolean changed = false;
        for (String raw : (content == null ? "" : content).split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            String key = ArgsLines.keyOf(line);
            if (updates.containsKey(key)) {
                String value = updates.get(key);
                if (!value.equals(oldValue(line))) {
                    changed = true;
                }
                out.add(key + "=" + value);
                pending.remove(key);
            } else if (deletes.contains(key)) {
                changed = true;
            } else {
                out.add(line);
            }
        }
        for (Map.Entry<String, String> e : pending.entrySet()) {
            out.add(e.getKey() + "=" + e.getValue());
            changed = true;
        }
        return new Result(String.join("\n", out) + "\n", changed);
    }

    /**
     * The old value as the cluster agent compares it: only up to a second '=', so values with '='
     * always differ; a bare flag's value is "", so setting it to "" is no change.
     */
    private static String oldValue(String line) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            int sp = line.indexOf(' ');
            return sp >= 0 ? line.substring(sp + 1) : "";
        }
        String rest = line.substring(eq + 1);
        int second = rest.indexOf('=');
        return second >= 0 ? rest.substring(0, second) : rest;
    }

    public static Result refreshOption(String content, String option, String value) {
        return refreshOption(content, option, value, true);
    }

    /**
     * As the helper of old tracks too, which appended a missing option instead ({@code atTop} false).
     * Every line that starts with {@code option=} is set to {@code option=value}; without one, that
     * line is added at the top (or the end). The text is scanned in place and copied only when it
     * changes: a compile refreshes a few options of each of 10,000 nodes' files.
     */
    public static Result refreshOption(String content, String option, String value, boolean atTop) {
        String prefix = option + "=";
        String replacement = prefix + value;
        String text = content == null ? "" : content;
        boolean trailingNewline = text.endsWith("\n");
        // The lines are the text up to its final line break (if any), split at every line break.
        int end = trailingNewline ? text.length() - 1 : text.length();
        StringBuilder edited = null;
        boolean found = false;
        for (int start = 0; ; ) {
            int lineEnd = text.indexOf('\n', start);
            if (lineEnd < 0 || lineEnd > end) {
                lineEnd = end;
            }
            boolean matches = lineEnd - start >= prefix.length() && text.startsWith(prefix, start);
            found |= matches;
            boolean same = !matches || lineEnd - start == replacement.length() && text.startsWith(replacement, start);
            if (!same && edited == null) {
                edited = new StringBuilder(text.length() + replacement.length()).append(text, 0, start);
            }
            if (edited != null) {
                edited.append(same ? text.substring(start, lineEnd) : replacement);
            }
            if (lineEnd >= end) {
                break;
            }
            if (edited != null) {
                edited.append('\n');
            }
            start = lineEnd + 1;
        }
        if (!found) {
            String lines = text.substring(0, end);
            String added = atTop ? replacement + "\n" + lines : lines + "\n" + replacement;
            return new Result(added + (trailingNewline || text.isEmpty() ? "\n" : ""), true);
        }
        if (edited == null) {
            return new Result(text, false);
        }
        return new Result(edited.append(trailingNewline ? "\n" : "").toString(), true);
    }

    /** Reads KEY=value lines as bash would for the simple assignments MicroK8s' env files hold. */
    public static Map<String, String> readEnv(String content) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : (content == null ? "" : content).split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            out.put(line.substring(0, eq).strip(), value);
        }
        return out;
    }
}
