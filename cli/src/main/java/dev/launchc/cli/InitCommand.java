package dev.launchc.cli;

import dev.launchc.catalog.GpuAddon;
import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.render.TemplateRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true, description = "Write a commented starter cluster file for a track.")
public final class InitCommand implements Callable<Integer> {
    @Mixin
    TargetOption target;

    @Option(names = "--gpu", description = "Add a GPU worker, the GPU addon and MIG settings.")
    boolean gpu;

    @Option(names = "--airgapped", description = "Pull every image from a site registry.")
    boolean airgapped;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of stdout (never overwrites).")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Track track = target.track();
        if (gpu && airgapped) {
            throw new UsageException("--gpu and --airgapped together: the GPU addon downloads its Helm chart when it is"
                    + " enabled, so it cannot start offline (launchc explain LC3013); start from one of the two");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("track", track.name());
        model.put("gpu", gpu);
        model.put("airgapped", airgapped);
        if (gpu) {
            // The template needs the operator facts, which a track the GPU facts do not cover (1.27) lacks.
            GpuAddon gpuAddon = Catalog.get().gpuAddon(track).filter(GpuAddon::covered)
                    .orElseThrow(() -> new UsageException("MicroK8s " + track.name() + " has no GPU addon"));
            model.put("gpuAddon", gpuAddon.addon());
            String version = gpuAddon.operatorVersionDefault() == null ? "" : gpuAddon.operatorVersionDefault();
            model.put("operatorVersion", version);
            model.put("gpuModel", Catalog.get().gpuOperator(version).flatMap(o -> o.migConfigs("A100-80GB").isPresent()
                    ? java.util.Optional.of("A100-80GB") : java.util.Optional.empty()).orElse("A100-80GB"));
        }
        String text = TemplateRenderer.render("init-cluster.yaml.ftl", model);
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new UsageException(output + " exists; launchc init never overwrites a file");
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + ": " + dev.launchc.load.RegularFiles.problemAt(e));
        }
        return ExitCodes.OK;
    }
}
