package dev.launchc.cli;

import dev.launchc.cli.docs.ReferenceDocs;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Write the reference pages (every schema field, every diagnostic code) as Markdown.")
public final class DocsCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output-dir"}, required = true, paramLabel = "DIR", description = "Where to write the pages (files of the same names are replaced; a link below DIR is refused).")
    Path outputDir;

    @Override
    public Integer call() {
        GeneratedFiles.write(outputDir, ReferenceDocs.pages());
        return ExitCodes.OK;
    }
}
