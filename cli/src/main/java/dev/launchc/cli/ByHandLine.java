package dev.launchc.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An everyday command line read without picocli, whose model of a command (built from its
 * annotations by reflection) costs more at start-up than a cached lint of thousands of files or a
 * good part of a thousand-node compile. It reads only what it reads exactly as picocli does:
 * positional arguments (neither empty nor starting with '-' or '@', which picocli expands as an
 * argument file), flags, and options with a value ({@code --name value}, {@code --name=value}),
 * each option at most once. Any other line (another option, a repeated one, a value that starts
 * with '-' or '@', {@code --}, {@code -}) is not read: {@link #read} returns null and picocli
 * parses it, reports on it and helps with it.
 *
 * @param positionals the arguments that are not options, in order
 * @param values      each option given with its value, by its canonical name
 * @param flags       each flag given, by its canonical name
 */
record ByHandLine(List<String> positionals, Map<String, String> values, Set<String> flags) {

    /**
     * Reads {@code args} after the command's name {@code command} (at index 0).
     *
     * @param valueOptions each option that takes a value, by every name it has, mapped to its canonical name
     * @param flagOptions  each flag, by every name it has, mapped to its canonical name
     * @return null when the line is not {@code command}'s or has anything this does not read
     */
    static ByHandLine read(String[] args, String command, Map<String, String> valueOptions, Map<String, String> flagOptions) {
        if (args.length < 2 || !args[0].equals(command)) {
            return null;
        }
        List<String> positionals = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.isEmpty() || arg.charAt(0) == '@') {
                return null;
            }
            if (arg.charAt(0) != '-') {
                positionals.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            String value = name.equals(arg) ? null : arg.substring(eq + 1);
            String flag = flagOptions.get(name);
            String option = valueOptions.get(name);
            if (flag != null) {
                if (value != null || !flags.add(flag)) {
                    return null;
                }
            } else if (option != null) {
                if (value == null && i + 1 < args.length) {
                    value = args[++i];
                }
                if (value == null || value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@' || values.containsKey(option)) {
                    return null;
                }
                values.put(option, value);
            } else {
                return null;
            }
        }
        return new ByHandLine(positionals, values, flags);
    }
}
