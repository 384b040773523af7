package dev.launchc.cli;

import dev.launchc.cli.format.ReportFormat;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Validate launch configs and cluster files against the schema and MicroK8s' semantics.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no errors (warnings allowed unless --strict)", "1:the input has errors", "2:usage or I/O problem"})
public final class LintCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "File, directory (recursive *.yaml, *.yml), or - for stdin.")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json, sarif or junit (default: ${DEFAULT-VALUE}).")
    ReportFormat.Kind format = ReportFormat.Kind.text;

    @Mixin
    LintOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        LoadLimits limits = options.limits();
        Linter linter = options.linter();
        List<Inputs.Input> inputs = Inputs.collect(paths);
        List<FileLint> results = inputs.parallelStream()
                .map(in -> linter.lint(in.name(), in.read(limits.maxFileBytes())))
                .toList();
        PrintWriter out = spec.commandLine().getOut();
        out.print(ReportFormat.of(format).render(results));
        out.flush();
        return options.fails(results) ? ExitCodes.INPUT_ERRORS : ExitCodes.OK;
    }
}
