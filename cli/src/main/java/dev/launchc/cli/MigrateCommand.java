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
import java.io.IOException;
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
    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = {"-i", "--in-place"}, description = "Rewrite FILE instead of printing the result.")
    boolean inPlace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        Reporter reporter = new Reporter(file.toString(), Mode.DEFAULT);
        LoadedFile loaded = new YamlLoader(LoadLimits.DEFAULTS).load(file.toString(), bytes, reporter);
        if (loaded.failed()) {
            spec.commandLine().getErr().print(new dev.launchc.cli.format.TextFormat(false).render(List.of(
                    new dev.launchc.lint.FileLint(file.toString(), "native", reporter.diagnostics(), null, loaded.source()))));
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
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".migrate-", ".yaml");
            Files.writeString(tmp, (text.length() < new String(bytes, StandardCharsets.UTF_8).length() ? "\uFEFF" : "") + result,
                    StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UsageException("cannot rewrite " + file + ": " + e.getMessage());
        }
        return ExitCodes.OK;
    }
}
