package dev.launchc.diag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.scanner.ScannerImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.tokens.CommentToken;
import org.snakeyaml.engine.v2.tokens.Token;

/**
 * Inline suppression comments, and the codes a run disables, applied to one file's findings.
 * <ul>
 *   <li>{@code # launchc: ignore[LC2002]} at the end of a line silences LC2002 on that line; on a
 *       line of its own, on the next line that is not blank or a comment.</li>
 *   <li>{@code # launchc: ignore-file[LC2002, LC1003]} in the comments at the top of the file, before
 *       anything else, silences those codes in the whole file.</li>
 * </ul>
 * A code named in a suppression that silences nothing is reported (LC0030): stale suppressions
 * rot. A comment that names an unknown code, a code that may not be silenced ({@link Code#suppressible()}),
 * or an ignore-file below the top is reported (LC0031) and silences nothing.
 */
public final class Suppressions {
    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*launchc:\\s*([A-Za-z-]*)\\s*(\\[([^\\]]*)\\])?");
    private static final Pattern CODE = Pattern.compile("[^,\\s]+");

    private Suppressions() {}

    /** What a run silences besides inline comments: disabled codes, and whether comments count at all. */
    public record Filter(Set<String> disabled, boolean noIgnore) {
        public static final Filter NONE = new Filter(Set.of(), false);

        public Filter {
            disabled = Set.copyOf(disabled);
        }

        boolean disables(String code) {
            return disabled.contains(code) && Code.byId(code).map(Code::suppressible).orElse(true);
        }
    }

    /** The comment that silences {@code code} on the line it ends, or the next line when it stands alone. */
    public static String comment(String code) {
        return "# launchc: ignore[" + code + "]";
    }

    /** The comment, at the top of a file, that silences {@code code} in the whole file. */
    public static String fileComment(String code) {
        return "# launchc: ignore-file[" + code + "]";
    }

    /** One code named in a comment: where it stands, the line it covers (0: the whole file; -1: none), and whether it silenced anything. */
    private static final class Entry {
        final String code;
        final Pos pos;
        final int line;
        boolean used;

        Entry(String code, Pos pos, int line) {
            this.code = code;
            this.pos = pos;
            this.line = line;
        }
    }

    /**
     * The findings that remain once the filter and the file's comments have silenced theirs, plus
     * LC0030/LC0031 findings about the comments, sorted by position.
     */
    public static List<Diagnostic> apply(String file, String text, List<Diagnostic> findings, Filter filter, Mode mode) {
        List<Diagnostic> kept = new ArrayList<>();
        for (Diagnostic d : findings) {
            if (!filter.disables(d.code())) {
                kept.add(d);
            }
        }
        if (filter.noIgnore() || text == null || !text.contains("launchc:")) {
            return kept;
        }
        List<Diagnostic> problems = new ArrayList<>();
        List<Entry> entries = parse(file, text, problems, mode);
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : kept) {
            Entry silencer = null;
            for (Entry e : entries) {
                if (e.code.equals(d.code()) && (e.line == 0 || e.line == d.line())) {
                    silencer = e;
                    e.used = true;
                }
            }
            if (silencer == null) {
                out.add(d);
            }
        }
        for (Entry e : entries) {
            if (!e.used && !filter.disabled().contains(e.code)) {
                problems.add(finding(Code.UNUSED_SUPPRESSION, mode, file, e.pos, "suppression of " + e.code + " silences nothing"
                        + (e.line == 0 ? " in this file" : e.line > 0 ? " on line " + e.line : ""), "remove " + e.code + " from the comment"));
            }
        }
        for (Diagnostic p : problems) {
            if (!filter.disables(p.code())) {
                out.add(p);
            }
        }
        out.sort(Diagnostic.BY_POSITION);
        return out;
    }

    private static List<Entry> parse(String file, String text, List<Diagnostic> problems, Mode mode) {
        String[] lines = LineBreaks.split(text).toArray(String[]::new);
        List<Entry> entries = new ArrayList<>();
        boolean atTop = true;
        Comments comments = Comments.of(text);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            boolean ownLine = trimmed.startsWith("#");
            if (!ownLine && !trimmed.isEmpty() && !trimmed.equals("---")) {
                atTop = false;
            }
            int at = line.indexOf("launchc:");
            if (at < 0) {
                continue;
            }
            Matcher m = DIRECTIVE.matcher(line);
            if (!m.find() || line.lastIndexOf('#', at) != m.start()
                    || !comments.isComment(i, line.codePointCount(0, m.start()))) {
                continue;
            }
            Pos pos = new Pos(i + 1, line.codePointCount(0, m.start()) + 1);
            String kind = m.group(1);
            boolean wholeFile = "ignore-file".equals(kind);
            if (!wholeFile && !"ignore".equals(kind) || m.group(2) == null) {
                problems.add(finding(Code.BAD_SUPPRESSION, mode, file, pos, "not a launchc suppression: '"
                        + m.group().strip() + "'", "write " + comment("CODE") + " or " + fileComment("CODE")
                        + ", naming the codes"));
                continue;
            }
            if (wholeFile && !atTop) {
                problems.add(finding(Code.BAD_SUPPRESSION, mode, file, pos, "ignore-file stands below the top of the file,"
                        + " so it silences nothing", "move it to the comments before the first key"));
                continue;
            }
            int covers = wholeFile ? 0 : ownLine ? nextContentLine(lines, i) : i + 1;
            Set<String> named = new LinkedHashSet<>();
            Matcher codes = CODE.matcher(m.group(3));
            while (codes.find()) {
                String id = codes.group();
                Pos codePos = new Pos(i + 1, line.codePointCount(0, m.start(3) + codes.start()) + 1);
                Code code = Code.byId(id).orElse(null);
                if (code == null) {
                    problems.add(finding(Code.BAD_SUPPRESSION, mode, file, codePos, "suppression names '" + id
                            + "', which is no launchc code", "see launchc explain, or docs/reference/codes.md"));
                } else if (!code.suppressible()) {
                    problems.add(finding(Code.BAD_SUPPRESSION, mode, file, codePos, code.id() + " (" + code.title()
                            + ") protects the node or your files and cannot be suppressed", "fix the input instead"));
                } else if (named.add(code.id())) {
                    entries.add(new Entry(code.id(), codePos, covers));
                }
            }
            if (m.group(3).isBlank()) {
                problems.add(finding(Code.BAD_SUPPRESSION, mode, file, pos, "suppression names no code",
                        "name the codes to silence, e.g. " + comment("LC2002")));
            }
        }
        return entries;
    }

    /**
     * Where the YAML scanner sees comments, so that {@code # launchc: ignore[…]} inside a quoted or
     * block scalar (a value, not a comment) silences nothing. Past a syntax error the scanner stops;
     * from that line on, a {@code #} that the line's text places like a comment counts.
     */
    private record Comments(Set<Long> starts, int scannedLines) {
        static Comments of(String text) {
            Set<Long> starts = new java.util.HashSet<>();
            LoadSettings settings = LoadSettings.builder().setParseComments(true)
                    .setCodePointLimit(Math.max(text.length(), 1) + 1).build();
            ScannerImpl scanner = new ScannerImpl(settings, new StreamReader(settings, new ChunkReader(text)));
            int lastLine = 0;
            try {
                while (scanner.hasNext()) {
                    Token token = scanner.next();
                    Optional<Mark> mark = token.getStartMark();
                    if (mark.isPresent()) {
                        lastLine = mark.get().getLine();
                        if (token instanceof CommentToken) {
                            starts.add(key(lastLine, mark.get().getColumn()));
                        }
                    }
                }
            } catch (YamlEngineException | NumberFormatException e) {
                // A syntax error (snakeyaml-engine throws NumberFormatException for a hex escape
                // cut off by the end of the text, as YamlLoader notes): what follows the last token
                // read is judged by its text.
                return new Comments(starts, lastLine);
            }
            return new Comments(starts, Integer.MAX_VALUE);
        }

        /** Whether a comment starts at the 0-based {@code line} and code-point {@code column}. */
        boolean isComment(int line, int column) {
            return line >= scannedLines || starts.contains(key(line, column));
        }

        private static long key(int line, int column) {
            return ((long) line << 32) | column;
        }
    }

    /** The 1-based number of the first line after {@code index} that is neither blank nor a comment; -1 if none. */
    private static int nextContentLine(String[] lines, int index) {
        for (int j = index + 1; j < lines.length; j++) {
            String t = lines[j].strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return j + 1;
            }
        }
        return -1;
    }

    private static Diagnostic finding(Code code, Mode mode, String file, Pos pos, String message, String hint) {
        return new Diagnostic(code.id(), code.severityIn(mode), message, file, pos.line(), pos.column(), "", hint);
    }
}
