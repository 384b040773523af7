package dev.launchc.cli;

import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Fix;
import dev.launchc.diag.Fixes;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.Objects;

/**
 * {@code lint --fix}: applies the fixes the findings carry, lints again and repeats until nothing
 * is left to fix, then rewrites the file atomically (a temporary file beside it, renamed over it),
 * keeping its mode and, for a symlink, the link: the file it points to is rewritten.
 */
final class FileFixer {
    /** Each round fixes what the last lint found; a fix may reveal another (a renamed key, now checked). */
    private static final int MAX_ROUNDS = 5;

    /** The result of fixing one file: its text before and after, the fixes applied, and the final lint. */
    record Fixed(String before, String after, int fixes, FileLint lint) {
        boolean changed() {
            return !before.equals(after);
        }
    }

    private FileFixer() {}

    static Fixed fix(String name, byte[] bytes, FileLint first, Linter linter) {
        if (first.source() == null || first.config() == null && first.cluster() == null) {
            return new Fixed("", "", 0, first);
        }
        String before = first.source().text();
        String bom = new String(bytes, StandardCharsets.UTF_8).startsWith("\uFEFF") ? "\uFEFF" : "";
        String text = before;
        FileLint lint = first;
        int applied = 0;
        for (int pass = 0; pass < MAX_ROUNDS; pass++) {
            List<Fix> fixes = lint.diagnostics().stream().map(Diagnostic::fix).filter(Objects::nonNull).toList();
            if (fixes.isEmpty()) {
                break;
            }
            Round all = round(name, bom, text, lint, fixes, linter);
            if (all == null) {
                // Two renames to one name in a mapping (on and jobs both to join): each is checked
                // against the file as it was, so together they add a duplicate key and lose a value.
                // Then the fixes go one at a time, each kept only when it adds no duplicate key.
                int appliedBefore = applied;
                for (Fix fix : fixes) {
                    Round one = round(name, bom, text, lint, List.of(fix), linter);
                    if (one != null) {
                        text = one.text();
                        lint = one.lint();
                        applied += one.count();
                    }
                }
                if (applied == appliedBefore) {
                    break;
                }
                continue;
            }
            if (all.count() == 0) {
                break;
            }
            text = all.text();
            lint = all.lint();
            applied += all.count();
        }
        return new Fixed(before, text, applied, lint);
    }

    private record Round(String text, FileLint lint, int count) {}

    /**
     * The text with {@code fixes} applied and linted again; a round with nothing applied (count 0)
     * when none applies or the text no longer loads (a fix must never leave a file that no longer
     * loads), null when the fixes add a duplicate key.
     */
    private static Round round(String name, String bom, String text, FileLint lint, List<Fix> fixes, Linter linter) {
        Fixes.Applied result = Fixes.apply(text, fixes);
        if (result.count() == 0 || result.text().equals(text)) {
            return new Round(text, lint, 0);
        }
        FileLint next = linter.lint(name, (bom + result.text()).getBytes(StandardCharsets.UTF_8));
        if (next.source() == null || next.config() == null && next.cluster() == null) {
            return new Round(text, lint, 0);
        }
        if (duplicateKeys(next) > duplicateKeys(lint)) {
            return null;
        }
        return new Round(result.text(), next, result.count());
    }

    private static long duplicateKeys(FileLint lint) {
        return lint.diagnostics().stream().filter(d -> d.code().equals(Code.DUPLICATE_KEY.id())).count();
    }

    /** Rewrites {@code file} with {@code text} (and the BOM it had) atomically, keeping mode and symlink. */
    static void write(Path file, byte[] original, String text) {
        String bom = new String(original, StandardCharsets.UTF_8).startsWith("\uFEFF") ? "\uFEFF" : "";
        Path tmp = null;
        try {
            Path target = file.toRealPath();
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".launchc-fix");
            Files.writeString(tmp, bom + text, StandardCharsets.UTF_8);
            PosixFileAttributeView posix = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            if (posix != null) {
                Files.setPosixFilePermissions(tmp, posix.readAttributes().permissions());
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException e) {
            throw new UsageException("cannot rewrite " + file + ": " + e.getMessage() + "; it is unchanged");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The temporary file is ours; failing to remove it changes nothing the user wrote.
                }
            }
        }
    }
}
