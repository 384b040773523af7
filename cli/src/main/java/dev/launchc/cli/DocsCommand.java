package dev.launchc.cli;

import dev.launchc.cli.docs.ReferenceDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Write the reference pages (every schema field, every diagnostic code) as Markdown.")
public final class DocsCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output-dir"}, required = true, paramLabel = "DIR", description = "Where to write the pages.")
    Path outputDir;

    @Override
    public Integer call() {
        try {
            Files.createDirectories(outputDir);
            for (Map.Entry<String, String> page : ReferenceDocs.pages().entrySet()) {
                Files.writeString(outputDir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UsageException("cannot write " + outputDir + ": " + e.getMessage());
        }
        return ExitCodes.OK;
    }
}
