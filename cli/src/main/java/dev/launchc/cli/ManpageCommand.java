package dev.launchc.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A troff man page made from the same picocli model as --help, so the two cannot disagree. */
@Command(name = "manpage", mixinStandardHelpOptions = true, description = "Print the launchc(1) man page (troff).")
public final class ManpageCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        StringBuilder sb = new StringBuilder();
        sb.append(".TH LAUNCHC 1 \"\" \"launchc ").append(new VersionProvider().getVersion()[0].replace("launchc ", ""))
                .append("\" \"User Commands\"\n");
        sb.append(".SH NAME\nlaunchc \\- ").append(troff(String.join(" ", root.getCommandSpec().usageMessage().description())))
                .append('\n');
        sb.append(".SH SYNOPSIS\n.B launchc\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGS\\fR]\n");
        sb.append(".SH COMMANDS\n");
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            if (sub.getKey().equals("help")) {
                continue;
            }
            sb.append(".SS ").append(sub.getKey()).append("\n.nf\n")
                    .append(troff(sub.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF))).append(".fi\n");
        }
        sb.append(".SH EXIT STATUS\n.TP\n0\nno errors (warnings allowed unless \\-\\-strict)\n.TP\n1\nthe input has errors\n"
                + ".TP\n2\nusage or I/O problem\n");
        sb.append(".SH ENVIRONMENT\n.TP\nNO_COLOR\nno colour in text output\n.TP\nLAUNCHC_JAVA_OPTS\nextra JVM options for the launcher\n");
        sb.append(".SH SEE ALSO\nlaunchc explain CODE; the reference pages in docs/reference/.\n");
        spec.commandLine().getOut().print(sb);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** Escapes text for troff: backslashes, and leading dots or quotes that would read as requests. */
    static String troff(String s) {
        StringBuilder out = new StringBuilder();
        for (String line : s.replace("\\", "\\e").split("\n", -1)) {
            if (line.startsWith(".") || line.startsWith("'")) {
                out.append("\\&");
            }
            out.append(line.replace("-", "\\-")).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
