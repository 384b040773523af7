package dev.launchc.load;

/**
 * Byte order marks (U+FEFF) after the start of a file, as MicroK8s reads them: each part that
 * apimachinery's YAML reader splits off at a '---' line is decoded by yaml.v2 on its own, whose
 * reader drops a BOM that starts it (gopkg.in/yaml.v2 2.4.0 readerc.go
 * yaml_parser_determine_encoding: no column counted); elsewhere a BOM that starts a line is
 * skipped between tokens as one column (scannerc.go yaml_parser_scan_to_next_token: "Allow the
 * BOM mark to start a line", skip), so what follows it stands one column in. snakeyaml-engine
 * reads a BOM there as a character of the key (a part that starts with one lost its
 * {@code version}, a false LC1005). So a BOM that starts a part is removed, and one that starts
 * another line becomes a space (one char for one column: the other positions stay). Files
 * concatenated from editors that write a BOM bring them in.
 */
final class Yaml11Boms {
    private Yaml11Boms() {}

    static String asYamlV2Reads(String text) {
        if (text.indexOf('\uFEFF') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean partStart = true; // the text's start, or the line after a '---' line
        int lineStart = 0;
        while (lineStart < text.length()) {
            int end = lineStart;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            int next = end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n'
                    ? end + 2 : Math.min(end + 1, text.length());
            String line = text.substring(lineStart, end);
            if (line.startsWith("\uFEFF")) {
                if (!partStart) {
                    out.append(' ');
                }
                out.append(line, 1, line.length());
            } else {
                out.append(line);
            }
            out.append(text, end, next);
            partStart = isSeparator(line);
            lineStart = next;
        }
        return out.toString();
    }

    /** A line apimachinery's YAML reader splits parts at: '---' and nothing but blanks after it. */
    private static boolean isSeparator(String line) {
        return line.startsWith("---") && line.substring(3).isBlank();
    }
}
