package dev.launchc.load;

/** A decoded input file: its display name and text (BOM removed), with line lookup for snippets. */
public final class SourceFile {
    private final String name;
    private final String text;
    private int[] lineStarts;

    public SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** The text of a 1-based line without its line break, or "" past the end. */
    public String line(int line) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) {
            return "";
        }
        int from = starts[line - 1];
        int to = line < starts.length ? starts[line] : text.length();
        while (to > from && (text.charAt(to - 1) == '\n' || text.charAt(to - 1) == '\r')) {
            to--;
        }
        return text.substring(from, to);
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            lineStarts = dev.launchc.diag.LineBreaks.starts(text);
        }
        return lineStarts;
    }
}
