package dev.launchc.model.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lines of a MicroK8s args file as the cluster agent's {@code UpdateServiceArguments} reads
 * them (reference launch-config-facts §4.2): here so that the rules, which derive what a node's
 * components will be started with, and the compiler, which writes the files, read them alike.
 */
public final class ArgsLines {
    private ArgsLines() {}

    /** The key of an args line: text before the first '=', else before the first space, else the line. */
    public static String keyOf(String line) {
        int eq = line.indexOf('=');
        if (eq >= 0) {
            return line.substring(0, eq);
        }
        int sp = line.indexOf(' ');
        return sp >= 0 ? line.substring(0, sp) : line;
    }

    /** Reads an args file into key → value as the cluster agent parses its lines (value null for bare flags). */
    public static Map<String, String> read(String content) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : (content == null ? "" : content).split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String key = keyOf(line);
            String rest = line.length() > key.length() ? line.substring(key.length() + 1) : null;
            out.put(key, rest);
        }
        return out;
    }
}
