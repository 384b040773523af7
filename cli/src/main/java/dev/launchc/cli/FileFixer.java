package dev.launchc.cli;

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
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Fix> fixes = lint.diagnostics().stream().map(Diagnostic::fix).filter(Objects::nonNull).toList();
            if (fixes.isEmpty()) {
                break;
            }
            Fixes.Applied result = Fixes.apply(text, fixes);
            if (result.count() == 0 || result.text().equals(text)) {
                break;
            }
            FileLint next = linter.lint(name, (bom + result.text()).getBytes(StandardCharsets.UTF_8));
            if (next.source() == null || next.config() == null && next.cluster() == null) {
                break; // a fix must never leave a file that no longer loads; keep the last good text
            }
            text = result.text();
            lint = next;
            applied += result.count();
        }
        return new Fixed(before, text, applied, lint);
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
