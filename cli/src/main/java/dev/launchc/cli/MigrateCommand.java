package dev.launchc.cli;

import dev.launchc.diag.Fix;
import dev.launchc.diag.Fixes;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Reporter;
import dev.launchc.load.LoadLimits;
import dev.launchc.load.LoadedFile;
import dev.launchc.load.YDocument;
import dev.launchc.load.YamlLoader;
import dev.launchc.rules.VersionRule;
import dev.launchc.load.RegularFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Rewrites a native 0.1.0 launch config as 0.2.0. Only the version scalars change, in place, so
 * comments, order and formatting stay byte for byte; the 0.2.0 parser reads every 0.1.0 field alike.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Rewrite a native 0.1.0 launch config as 0.2.0, keeping comments.")
public final class MigrateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The file to migrate, or - for standard input.")
    String file;

    @Option(names = {"-i", "--in-place"}, description = "Rewrite FILE instead of printing the result"
            + " (through a symbolic link to its target, keeping its mode and owner).")
    boolean inPlace;

    @picocli.CommandLine.Mixin
    LimitOptions limitOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        boolean stdin = "-".equals(file);
        if (stdin && inPlace) {
            throw new UsageException("--in-place needs a file, not standard input");
        }
        LoadLimits limits = limitOptions.limits();
        String name = stdin ? "<stdin>" : file;
        Reporter reporter = new Reporter(name, Mode.DEFAULT);
        YamlLoader loader = new YamlLoader(limits);
        byte[] bytes;
        LoadedFile loaded;
        try {
            bytes = stdin ? RegularFiles.readAtMost(System.in, limits.maxFileBytes()) : RegularFiles.read(Path.of(file), limits.maxFileBytes());
            // Standard input has no size to report, and reading on to learn it could take forever.
            loaded = bytes.length > limits.maxFileBytes() ? loader.tooLarge(name, -1, reporter) : loader.load(name, bytes, reporter);
        } catch (RegularFiles.TooLarge e) {
            bytes = null;
            loaded = loader.tooLarge(name, e.size(), reporter);
        } catch (IOException e) {
            throw new UsageException("cannot read " + name + ": " + RegularFiles.problem(e));
        }
        // Only a mapping is a launch config. Anything else (a list, a string) is what lint rejects
        // as LC1001; printed back unchanged with exit 0, it would pass for a migrated config.
        if (!loaded.failed()) {
            for (YDocument doc : loaded.documents()) {
                if (!doc.isEmpty() && !(doc.root() instanceof dev.launchc.load.YMap)) {
                    reporter.report(dev.launchc.diag.Code.TYPE_MISMATCH, doc.root().pos(), "",
                            "the document must be a mapping, not " + doc.root().describe());
                }
            }
        }
        if (loaded.failed() || reporter.hasErrors()) {
            PrintWriter err = spec.commandLine().getErr();
            err.print(new dev.launchc.cli.format.TextFormat(false).render(List.of(
                    new dev.launchc.lint.FileLint(name, "native", reporter.diagnostics(), null, loaded.source()))));
            err.println("launchc: not migrated: fix the errors above" + (inPlace ? "; " + file + " is unchanged" : ""));
            err.flush();
            return ExitCodes.INPUT_ERRORS;
        }
        String text = loaded.source().text();
        // The same edit as lint --fix makes for LC0032, applied to every part below 0.2.0.
        List<Fix> fixes = new ArrayList<>();
        for (YDocument doc : loaded.documents()) {
            Fix fix = VersionRule.upgradeFix(doc.at("/version"));
            if (fix != null) {
                fixes.add(fix);
            }
        }
        Fixes.Applied applied = Fixes.apply(text, fixes);
        if (applied.count() < fixes.size()) {
            throw new UsageException("cannot rewrite every version in place");
        }
        String result = applied.text();
        if (!inPlace) {
            spec.commandLine().getOut().print(result);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        byte[] out = ((text.length() < new String(bytes, StandardCharsets.UTF_8).length() ? "\uFEFF" : "") + result)
                .getBytes(StandardCharsets.UTF_8);
        try {
            replaceKeepingAttributes(Path.of(file), out);
        } catch (IOException e) {
            throw new UsageException("cannot rewrite " + file + ": " + RegularFiles.problem(e) + "; it is unchanged");
        }
        return ExitCodes.OK;
    }

    /**
     * Replaces the file {@code path} leads to (through symbolic links) with {@code bytes} in one
     * rename, keeping its mode, owner and group. The new content goes to a temporary file beside
     * the target first; whatever fails (a full disk, an owner this user cannot give), the
     * temporary file is removed and the file stays as it was.
     */
    static void replaceKeepingAttributes(Path path, byte[] bytes) throws IOException {
        Path target = path.toRealPath();
        PosixFileAttributes attributes = Files.readAttributes(target, PosixFileAttributes.class);
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".migrate-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
            if (!attributes.owner().equals(Files.getOwner(tmp)) || !attributes.group().equals(view.readAttributes().group())) {
                try {
                    view.setGroup(attributes.group());
                    view.setOwner(attributes.owner());
                } catch (IOException e) {
                    throw new IOException("cannot keep its owner " + attributes.owner().getName() + ":" + attributes.group().getName()
                            + " (run launchc as that user)");
                }
            }
            view.setPermissions(attributes.permissions());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
