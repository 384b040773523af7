package dev.launchc.cli;

import dev.launchc.diag.Code;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "explain", mixinStandardHelpOptions = true, description = "Explain a diagnostic code, e.g. LC1003.")
public final class ExplainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CODE", description = "A diagnostic code such as LC1003.")
    String code;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Code c = Code.byId(code).orElseThrow(() -> new UsageException("unknown diagnostic code '" + code
                + "'; codes run from " + Code.values()[0].id() + " to " + Code.values()[Code.values().length - 1].id()));
        var out = spec.commandLine().getOut();
        out.println(c.id() + ": " + c.title());
        out.println("default severity: " + c.defaultSeverity().label() + "; MicroK8s itself: " + switch (c.verdict()) {
            case REJECTED -> "rejects the file (error in every mode)";
            case IGNORED -> "accepts the file (a warning under --compat)";
            case ALWAYS_ERROR -> "may accept it, but launchc always refuses it";
        });
        out.println(c.suppressible()
                ? "suppressible: yes (# launchc: ignore[" + c.id() + "], --disable, .launchc.yaml)"
                : "suppressible: no; this refusal protects the node or your files and cannot be suppressed");
        out.println();
        out.print(c.explanation());
        out.flush();
        return ExitCodes.OK;
    }
}
