package dev.launchc.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.launchc.images.ImageResolver;
import dev.launchc.diag.Code;
import dev.launchc.lint.FileLint;
import dev.launchc.pipeline.CompilePipeline;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "images", mixinStandardHelpOptions = true,
        description = {"Print every container image a cluster (or one native launch config) needs: the track's pause and "
                + "Calico images, each enabled addon's images and the GPU Operator's, fully qualified, sorted, one per line.",
                "Addons whose images the catalog cannot tell offline (Helm-based ones) are named on stderr."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:listed", "1:the input has errors (nothing listed)", "2:usage or I/O problem"})
public final class ImagesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A native launch config or a cluster file.")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text (one image per line) or json (per component, per addon and per node; default: ${DEFAULT-VALUE}).")
    String format = "text";

    @Mixin
    LintOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            throw new UsageException("unknown format '" + format + "'; use text or json");
        }
        PrintWriter err = spec.commandLine().getErr();
        Inputs.Input input = Inputs.collect(List.of(file)).get(0);
        LintOptions.Settings settings = options.settings(input.path());
        FileLint lint = input.lint(options.linter(settings), options.limits().maxFileBytes(), false).lint();
        if (!CompiledTree.report(settings.mode(), lint, err)
                || (lint.config() == null && (lint.cluster() == null || lint.cluster().cluster() == null))) {
            err.println("launchc: no image list: fix the errors above");
            return ExitCodes.INPUT_ERRORS;
        }
        ImageResolver.Result images = CompilePipeline.images(lint, settings.track());
        boolean reported = lint.diagnostics().stream().anyMatch(d -> Code.IMAGES_UNKNOWN.id().equals(d.code()));
        if (!reported) {
            notes(images, err);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (f.equals("json")) {
            out.print(json(input.name(), images));
        } else {
            images.all().forEach(out::println);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** One stderr line per component whose images are not known offline. */
    static void notes(ImageResolver.Result images, PrintWriter err) {
        for (ImageResolver.Unknown u : images.unknown()) {
            err.println("launchc: note: the images of " + u.name() + " on MicroK8s " + images.track()
                    + " are not known offline (" + u.reason() + "); they are not listed");
        }
        err.flush();
    }

    static String json(String file, ImageResolver.Result r) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("file", file);
        root.put("track", r.track());
        strings(root.putArray("images"), r.all());
        ArrayNode core = root.putArray("core");
        ArrayNode addons = root.putArray("addons");
        ArrayNode gpu = root.putArray("gpu");
        for (ImageResolver.Group g : r.groups()) {
            ObjectNode o = (g.kind() == ImageResolver.Kind.CORE ? core : g.kind() == ImageResolver.Kind.ADDON ? addons : gpu)
                    .addObject();
            o.put("name", g.name());
            if (g.version() != null) {
                o.put("version", g.version());
            }
            if (g.via() != null) {
                o.put("via", g.via());
            }
            strings(o.putArray("images"), g.images());
            o.put("source", g.source());
            if (!g.nodes().equals(r.nodes())) {
                strings(o.putArray("nodes"), g.nodes());
            }
        }
        ArrayNode unknown = root.putArray("unknown");
        for (ImageResolver.Unknown u : r.unknown()) {
            ObjectNode o = unknown.addObject();
            o.put("name", u.name());
            o.put("reason", u.reason());
        }
        ArrayNode nodes = root.putArray("nodes");
        for (String n : r.nodes()) {
            ObjectNode o = nodes.addObject();
            o.put("name", n);
            strings(o.putArray("images"), r.forNode(n));
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
