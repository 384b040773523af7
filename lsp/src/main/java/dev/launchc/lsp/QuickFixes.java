package dev.launchc.lsp;

import dev.launchc.diag.Code;
import dev.launchc.diag.DidYouMean;
import dev.launchc.diag.Fix;
import dev.launchc.diag.Fixes;
import dev.launchc.diag.Pos;
import dev.launchc.diag.Suppressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Quick fixes for the findings in a range: the {@link Fix} lint attached to a finding (the one
 * {@code lint --fix} applies), else a "did you mean X?" hint as a replacement of the word it is
 * about (addon names, addon arguments and MIG configs, which have no Fix because the hint may be one
 * of several readings), and for every finding that may be suppressed the inline suppression
 * {@link Suppressions#comment(String)}.
 */
final class QuickFixes {
    private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean (\\S+)\\?");
    /** Where one word of a value ends: the separators of feature-gate lists, addon arguments and maps. */
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[,=:\\s]+");

    /**
     * Codes whose rule attaches a rename Fix whenever the rename is safe: there a hint without a Fix
     * means lint declined (the suggested name is already in the map, the key is quoted, the name is
     * one the track ignores), so the editor offers no rename either.
     */
    private static final java.util.Set<Code> RENAMED_BY_LINT = java.util.EnumSet.of(Code.UNKNOWN_KEY, Code.UNKNOWN_FLAG);

    private QuickFixes() {}

    static List<CodeAction> forRange(Analysis analysis, Range range) {
        List<CodeAction> out = new ArrayList<>();
        for (Analysis.Finding f : analysis.findings()) {
            if (!Ranges.overlaps(f.lsp().getRange(), range)) {
                continue;
            }
            if (f.lint().fix() != null) {
                fix(analysis, f).ifPresent(out::add);
            } else if (Code.byId(f.lint().code()).filter(RENAMED_BY_LINT::contains).isEmpty()) {
                didYouMean(analysis, f).ifPresent(out::add);
            }
        }
        for (Analysis.Finding f : analysis.findings()) {
            if (Ranges.overlaps(f.lsp().getRange(), range) && Code.byId(f.lint().code()).map(Code::suppressible).orElse(false)) {
                out.add(ignore(analysis, f));
            }
        }
        return out;
    }

    /**
     * The finding's Fix as an edit of the document, if it still applies to the text exactly as
     * {@code lint --fix} would apply it (its edits' old text is where they say).
     */
    private static java.util.Optional<CodeAction> fix(Analysis analysis, Analysis.Finding f) {
        Fix fix = f.lint().fix();
        if (Fixes.apply(analysis.text(), List.of(fix)).count() != 1) {
            return java.util.Optional.empty();
        }
        List<TextEdit> edits = new ArrayList<>();
        for (Fix.Edit e : fix.edits()) {
            edits.add(new TextEdit(new Range(position(analysis.lines(), e.start()), position(analysis.lines(), e.end())), e.text()));
        }
        CodeAction action = new CodeAction(capitalised(fix.description()));
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(f.lsp()));
        action.setIsPreferred(true);
        action.setEdit(new WorkspaceEdit(Map.of(analysis.uri(), edits)));
        return java.util.Optional.of(action);
    }

    /** A lint position (1-based, columns in code points) as an LSP one (0-based, columns in UTF-16 units). */
    static Position position(TextLines lines, Pos pos) {
        String line = lines.line(pos.line() - 1);
        int codePoints = Math.min(pos.column() - 1, line.codePointCount(0, line.length()));
        return new Position(pos.line() - 1, line.offsetByCodePoints(0, Math.max(0, codePoints)));
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The suggestion of a "did you mean" hint, if the finding has one. */
    static java.util.Optional<String> suggestion(String hint) {
        if (hint == null) {
            return java.util.Optional.empty();
        }
        Matcher m = DID_YOU_MEAN.matcher(hint);
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private static java.util.Optional<CodeAction> didYouMean(Analysis analysis, Analysis.Finding f) {
        return suggestion(f.lint().hint()).map(suggestion -> {
            Range token = f.lsp().getRange();
            String line = analysis.lines().line(token.getStart().getLine());
            String written = line.substring(token.getStart().getCharacter(), token.getEnd().getCharacter());
            Range target = wordToReplace(token, written, suggestion);
            String replacement = written.startsWith("\"") || written.startsWith("'")
                    && target.equals(token) ? written.charAt(0) + suggestion + written.charAt(0) : suggestion;
            CodeAction action = new CodeAction("Change to " + suggestion);
            action.setKind(CodeActionKind.QuickFix);
            action.setDiagnostics(List.of(f.lsp()));
            action.setIsPreferred(true);
            action.setEdit(edit(analysis.uri(), new TextEdit(target, replacement)));
            return action;
        });
    }

    /**
     * The part of the token the suggestion replaces: the whole token, or in a list such as
     * {@code --feature-gates: Foo=true,Bar=false} the one word closest to the suggestion.
     */
    static Range wordToReplace(Range token, String written, String suggestion) {
        String unquoted = written;
        int offset = 0;
        if (written.length() >= 2 && (written.startsWith("\"") || written.startsWith("'"))) {
            unquoted = written.substring(1, written.length() - 1);
            offset = 1;
        }
        if (WORD_SEPARATORS.matcher(suggestion).find() || !WORD_SEPARATORS.matcher(unquoted).find()) {
            return offset == 0 ? token : shift(token, offset, offset + unquoted.length());
        }
        List<int[]> words = new ArrayList<>();
        Matcher sep = WORD_SEPARATORS.matcher(unquoted);
        int from = 0;
        while (sep.find()) {
            words.add(new int[] {from, sep.start()});
            from = sep.end();
        }
        words.add(new int[] {from, unquoted.length()});
        List<String> texts = new ArrayList<>();
        final String source = unquoted;
        words.forEach(w -> texts.add(source.substring(w[0], w[1])));
        String closest = DidYouMean.closest(suggestion, texts).orElse(null);
        if (closest == null) {
            return token;
        }
        int[] w = words.get(texts.indexOf(closest));
        return shift(token, offset + w[0], offset + w[1]);
    }

    private static Range shift(Range token, int from, int to) {
        int line = token.getStart().getLine();
        int start = token.getStart().getCharacter();
        return new Range(new Position(line, start + from), new Position(line, start + to));
    }

    /**
     * {@code # launchc: ignore[CODE]} at the end of the finding's line; on a line of its own before
     * it when the line already ends in a comment or opens a block scalar, where a trailing comment
     * would be taken as part of something else.
     */
    private static CodeAction ignore(Analysis analysis, Analysis.Finding f) {
        String code = f.lint().code();
        int lineIndex = f.lsp().getRange().getStart().getLine();
        String line = analysis.lines().line(lineIndex);
        String comment = Suppressions.comment(code);
        TextEdit edit;
        if (line.contains(" #") || line.startsWith("#") || line.stripTrailing().endsWith("|") || line.stripTrailing().endsWith(">")) {
            String indent = " ".repeat(TextLines.indent(line));
            edit = new TextEdit(new Range(new Position(lineIndex, 0), new Position(lineIndex, 0)), indent + comment + "\n");
        } else {
            int end = line.length();
            edit = new TextEdit(new Range(new Position(lineIndex, end), new Position(lineIndex, end)), " " + comment);
        }
        CodeAction action = new CodeAction("Ignore " + code + " on this line");
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(f.lsp()));
        action.setEdit(edit(analysis.uri(), edit));
        return action;
    }

    private static WorkspaceEdit edit(String uri, TextEdit edit) {
        return new WorkspaceEdit(Map.of(uri, List.of(edit)));
    }
}
