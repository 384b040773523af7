package dev.launchc.cli.format;

import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Severity;
import dev.launchc.lint.FileLint;
import java.util.List;

/**
 * JUnit XML as CI servers read it (Jenkins, GitLab, Azure, GitHub actions that publish test
 * reports): one suite, one testcase per file. A file with errors fails with every finding listed;
 * a file with only warnings or notes passes and shows them in {@code <system-out>}.
 *
 * <p>The output is pure ASCII: everything else is written as a character reference, so the
 * declared UTF-8 holds whatever charset the output stream uses. Control characters are shown as
 * {@code \\uXXXX} escapes (as in the text format: they could otherwise forge lines of the report)
 * and characters XML 1.0 cannot hold at all become U+FFFD. There are no timestamps, host names or
 * durations, so the output is the same on every run.
 */
public final class JunitFormat implements ReportFormat {
    static final String CLASSNAME = "launchc.lint";

    @Override
    public String render(List<FileLint> results) {
        int failures = (int) results.stream().filter(FileLint::hasErrors).count();
        String counts = " tests=\"" + results.size() + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"0\"";
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuites name=\"launchc\"").append(counts).append(">\n");
        sb.append("  <testsuite name=\"launchc lint\"").append(counts).append(">\n");
        for (FileLint r : results) {
            sb.append("    <testcase classname=\"").append(CLASSNAME).append("\" name=\"")
                    .append(attr(Sanitize.line(r.file()))).append('"');
            if (r.diagnostics().isEmpty()) {
                sb.append("/>\n");
                continue;
            }
            sb.append(">\n");
            String listing = listing(r.diagnostics());
            if (r.hasErrors()) {
                long errors = r.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
                sb.append("      <failure message=\"").append(errors).append(errors == 1 ? " error" : " errors")
                        .append("\" type=\"lint\">").append(text(listing)).append("</failure>\n");
            } else {
                sb.append("      <system-out>").append(text(listing)).append("</system-out>\n");
            }
            sb.append("    </testcase>\n");
        }
        sb.append("  </testsuite>\n");
        sb.append("</testsuites>\n");
        return sb.toString();
    }

    /** Every finding as {@code file:line:col: severity: message [CODE]}, with its hint on the next line. */
    private static String listing(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            sb.append(Sanitize.line(String.valueOf(d.file()))).append(':').append(d.line()).append(':')
                    .append(d.column()).append(": ").append(d.severity().label()).append(": ")
                    .append(Sanitize.line(String.valueOf(d.message()))).append(" [")
                    .append(Sanitize.line(String.valueOf(d.code()))).append("]\n");
            if (d.hint() != null) {
                sb.append("  hint: ").append(Sanitize.line(d.hint())).append('\n');
            }
        }
        return sb.toString();
    }

    /** Escapes character data. */
    static String text(String s) {
        return escape(s, false);
    }

    /** Escapes an attribute value in double quotes; whitespace is kept from attribute normalisation. */
    static String attr(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (Character.isSurrogate(s.charAt(i)) && n == 1) {
                cp = 0xFFFD; // a lone surrogate
            }
            i += n;
            switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;"); // so that "]]>" never appears in text
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                case '\r' -> sb.append("&#13;"); // a raw CR would be normalised away by the parser
                default -> {
                    if (!allowed(cp)) {
                        cp = 0xFFFD;
                    }
                    if (cp < 0x7f) {
                        sb.append((char) cp);
                    } else {
                        sb.append("&#x").append(Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)).append(';');
                    }
                }
            }
        }
        return sb.toString();
    }

    /** XML 1.0 Char production, less the discouraged DEL and C1 controls. */
    private static boolean allowed(int cp) {
        return (cp >= 0x20 && cp < 0x7f) || cp == '\t' || cp == '\n' || cp == '\r'
                || (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
