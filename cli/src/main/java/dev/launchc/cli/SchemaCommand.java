package dev.launchc.cli;

import dev.launchc.lint.Linter;
import dev.launchc.schema.SchemaId;
import dev.launchc.schema.SchemaRegistry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "schema", mixinStandardHelpOptions = true, description = "Print a JSON Schema, or write them all to a folder.")
public final class SchemaCommand implements Callable<Integer> {
    /** What every published schema holds near its top (its "$id"), and what a file must hold for schema -o to replace it. */
    static final String SCHEMA_MARKER = "\"$id\": \"https://launchc.dev/schema/";

    @Option(names = "--kind", description = "native, cluster, or config (.launchc.yaml) (default: ${DEFAULT-VALUE}).")
    String kind = "native";

    @Option(names = "--version", paramLabel = "V", description = "Schema version: 0.1.0 or 0.2.0 for native, v1alpha1 for cluster, v1 for config (default: the newest).")
    String version;

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", description = "Write every published schema under DIR/<kind>/<version>.json"
            + " (replacing only schemas launchc wrote; a link below DIR is refused).")
    Path outputDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (outputDir != null) {
            java.util.Map<String, String> pages = new java.util.LinkedHashMap<>();
            for (SchemaId id : Linter.publishedSchemas()) {
                pages.put(id.kind() + "/" + id.version() + ".json", SchemaRegistry.text(id));
            }
            GeneratedFiles.write(outputDir, pages, SCHEMA_MARKER);
            return ExitCodes.OK;
        }
        String v = version != null ? version : Linter.publishedSchemas().stream().filter(s -> s.kind().equals(kind))
                .reduce((a, b) -> b).map(SchemaId::version)
                .orElseThrow(() -> new UsageException("unknown schema kind '" + kind + "'; use native, cluster or config"));
        SchemaId id = new SchemaId(kind, v);
        if (!Linter.publishedSchemas().contains(id)) {
            throw new UsageException("no schema " + id + "; published: " + Linter.publishedSchemas());
        }
        spec.commandLine().getOut().print(SchemaRegistry.text(id));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
