package dev.launchc.cli;

import dev.launchc.cli.bundle.BundleVerifier;
import dev.launchc.cli.bundle.ImagePuller;
import dev.launchc.cli.bundle.OciLayout;
import dev.launchc.cli.bundle.PullProgress;
import dev.launchc.cli.bundle.ReproducibleTar;
import dev.launchc.cli.bundle.SnapSet;
import dev.launchc.images.ImageResolver;
import dev.launchc.diag.Code;
import dev.launchc.load.RegularFiles;
import dev.launchc.pipeline.BundleContents;
import dev.launchc.pipeline.CompilePipeline;
import dev.launchc.pipeline.CompileResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code launchc bundle}: one reproducible {@code .tar.gz} with what an air-gapped install needs
 * (SPEC §6): every node's seed and preview, images.txt, the mirror hosts.toml of every upstream
 * registry the images come from, install.sh, a README, SHA256SUMS and, with {@code --pull-from},
 * the images themselves as an OCI archive. Written to a temporary file beside the target and moved
 * into place: a failure leaves no bundle.
 */
@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = {"Write an air-gap bundle: every node's seed and preview, images.txt, registry mirror hosts.toml, "
                + "install.sh, README.txt and SHA256SUMS, as one reproducible .tar.gz (two runs give the same bytes).",
                "With --pull-from, also fetch every image from that registry into images/images.tar, which "
                        + "'ctr images import' accepts. With --snaps, also carry the snaps 'snap download' wrote, checked "
                        + "against their assertions, for install.sh to install offline.",
                "With --verify BUNDLE.tar.gz, check a bundle (structure, checksums, snap assertions) without unpacking it."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written (with --verify: the bundle is intact)",
                "1:the input has errors, or a snap does not match (nothing written); with --verify: the bundle is not intact",
                "2:usage or I/O problem, or a failed pull (nothing written)"})
public final class BundleCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A cluster file or a native launch config.")
    String file;

    @Option(names = {"-o", "--output"}, paramLabel = "BUNDLE.tar.gz",
            description = "The bundle to write (mode 0600, as seeds hold the join token); an existing one is replaced"
                    + " atomically, and only if launchc wrote it.")
    Path output;

    @Option(names = "--pull-from", paramLabel = "REGISTRY",
            description = {"Fetch every image from REGISTRY (host[:port][/prefix]), e.g. an internal mirror: "
                    + "docker.io/calico/node:v3.28.1 is read as REGISTRY/calico/node:v3.28.1. Plain HTTP only for "
                    + "127.0.0.1/localhost. Digests are verified; manifests are kept byte for byte."})
    String pullFrom;

    @Option(names = "--image", paramLabel = "REF",
            description = {"With --pull-from: fetch only these images (repeatable). Each must be in the cluster's image "
                    + "list ('launchc images FILE'); images.txt still lists them all, and README.txt says how many "
                    + "the bundle carries."})
    List<String> only;

    @Option(names = "--snaps", paramLabel = "DIR",
            description = {"Carry the snaps in DIR, as 'snap download' wrote them (NAME_REVISION.snap with "
                    + "NAME_REVISION.assert): one microk8s, the track's base snap (core20 up to 1.33, core22 from 1.34) and "
                    + "optionally snapd. Each snap must match the snap-revision assertion of its .assert (SHA3-384, size, "
                    + "revision); with unsquashfs installed, microk8s' meta/snap.yaml must be on the cluster's track."})
    Path snaps;

    @Option(names = "--verify", paramLabel = "BUNDLE.tar.gz",
            description = {"Check a bundle without unpacking or installing it: only plain files with safe names, every file "
                    + "listed in SHA256SUMS with its checksum, install.sh, README.txt and a node seed present, every snap "
                    + "matching its assertion. Exit 0 when intact, 1 when not."})
    Path verify;

    @Mixin
    LintOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Why {@code target} may not be replaced, or null: launchc replaces only what it wrote, a bundle
     * of its own (a gzip'd tar whose first entry is the README.txt launchc writes), or nothing. A
     * symbolic link, a device, a FIFO, a folder or any other file is refused: {@code -o} pointed at
     * the cluster file, or at /dev/null as root, would otherwise be replaced by the bundle.
     */
    static String notABundle(Path target) {
        java.nio.file.attribute.BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(target, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return RegularFiles.problem(e);
        }
        if (attributes.isSymbolicLink()) {
            return "it is a symbolic link; refusing to follow it";
        }
        if (attributes.isDirectory()) {
            return "it is a directory";
        }
        if (!attributes.isRegularFile()) {
            return "it exists and is not a regular file";
        }
        try (InputStream in = new java.util.zip.GZIPInputStream(RegularFiles.openNoLinks(target))) {
            byte[] header = in.readNBytes(512 + README_START.length);
            if (header.length == 512 + README_START.length
                    && java.util.Arrays.equals(header, 0, README_NAME.length, README_NAME, 0, README_NAME.length)
                    && java.util.Arrays.equals(header, 512, header.length, README_START, 0, README_START.length)) {
                return null;
            }
        } catch (IOException e) {
            // Not gzip, or not readable: not a bundle launchc wrote.
        }
        return "it exists and is not a bundle launchc wrote; remove it or choose another path";
    }

    /** A tar header's name field (NUL-ended) for README.txt, and how its text begins. */
    private static final byte[] README_NAME = "README.txt\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] README_START = BundleContents.README_TITLE.getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (verify != null) {
            if (file != null || output != null || snaps != null || pullFrom != null) {
                throw new UsageException("--verify BUNDLE.tar.gz takes no FILE, -o, --snaps or --pull-from");
            }
            return verify(err);
        }
        if (file == null || output == null) {
            throw new UsageException("give -o BUNDLE.tar.gz and FILE (or --verify BUNDLE.tar.gz)");
        }
        if (snaps != null && !Files.isDirectory(snaps)) {
            throw new UsageException("--snaps " + snaps + ": not a folder");
        }
        if (only != null && !only.isEmpty() && pullFrom == null) {
            throw new UsageException("--image selects what --pull-from fetches; give --pull-from REGISTRY too");
        }
        String registryProblem = pullFrom == null ? null : ImagePuller.registryProblem(pullFrom);
        if (registryProblem != null) {
            throw new UsageException("--pull-from: '" + pullFrom + "' is not a registry host[:port][/path]: " + registryProblem);
        }
        Path target = output.toAbsolutePath().normalize();
        String refusal = notABundle(target);
        if (refusal != null) {
            throw new UsageException("cannot write " + output + ": " + refusal);
        }
        CompileResult compiled = CompiledTree.build(options, file, null, err);
        if (compiled == null) {
            err.println("launchc: no bundle written: fix the errors above");
            return ExitCodes.INPUT_ERRORS;
        }
        ImageResolver.Result images = CompilePipeline.images(compiled.lint(), compiled.track());
        if (compiled.lint().diagnostics().stream().noneMatch(d -> Code.IMAGES_UNKNOWN.id().equals(d.code()))) {
            ImagesCommand.notes(images, err);
        }
        List<String> toPull = pullFrom == null ? List.of() : selected(images.all());
        boolean strict = BundleContents.strict(compiled);
        List<BundleContents.Snap> bundled = List.of();
        if (snaps != null) {
            SnapSet.Result checked;
            try {
                checked = SnapSet.read(snaps, compiled.track(), strict);
            } catch (IOException e) {
                throw new UsageException("--snaps " + snaps + ": " + dev.launchc.load.RegularFiles.problemAt(e));
            }
            if (!checked.ok()) {
                return refuse(checked.problems(), "", err);
            }
            bundled = checked.snaps();
        }

        Path parent = target.getParent();
        Path staging;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + ": " + dev.launchc.load.RegularFiles.problemAt(e));
        }
        Thread cleanup = new Thread(() -> deleteQuietly(staging), "launchc-bundle-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            List<ImagePuller.Pulled> pulled = new ArrayList<>();
            Path imagesTar = null;
            if (pullFrom != null) {
                pulled = pull(toPull, platforms(compiled), staging.resolve("store"), err);
                if (pulled == null) {
                    return ExitCodes.USAGE;
                }
                imagesTar = staging.resolve("images.tar");
                try (OutputStream out = Files.newOutputStream(imagesTar)) {
                    OciLayout.write(staging.resolve("store"), pulled, out);
                }
            }
            Map<String, Path> snapFiles = new TreeMap<>();
            if (!bundled.isEmpty()) {
                Path staged = Files.createDirectories(staging.resolve("snaps"));
                for (BundleContents.Snap s : bundled) {
                    for (String f : List.of(s.snapFile(), s.assertFile())) {
                        try (InputStream in = RegularFiles.openNoLinks(snaps.resolve(f))) {
                            Files.copy(in, staged.resolve(f));
                        }
                        snapFiles.put(f, staged.resolve(f));
                    }
                }
                // What goes into the bundle is the copy: check it again, so a file changed while it was
                // read cannot slip in.
                SnapSet.Result again = SnapSet.read(staged, compiled.track(), strict);
                if (!again.ok()) {
                    return refuse(again.problems(), " (changed while it was copied)", err);
                }
            }
            ReproducibleTar bundle = new ReproducibleTar();
            BundleContents.of(compiled, new BundleContents.Extras(images, imagesTar, pulled.size(), bundled, snapFiles))
                    .forEach(bundle::add);
            Path tmp = staging.resolve("bundle.tar.gz");
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(tmp)) {
                bundle.writeTarGz(out);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            err.println("launchc: wrote " + output + " (" + compiled.nodes().size() + " node"
                    + (compiled.nodes().size() == 1 ? "" : "s") + ", " + images.all().size() + " images listed"
                    + (pullFrom == null ? "" : ", " + pulled.size() + " in images/images.tar")
                    + (bundled.isEmpty() ? "" : ", snaps " + String.join(", ", bundled.stream()
                            .map(s -> s.name() + " " + s.revision()).toList())) + ")");
            err.flush();
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new UsageException("cannot write " + output + ": " + dev.launchc.load.RegularFiles.problemAt(e) + "; no bundle written");
        } finally {
            deleteQuietly(staging);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException ignored) {
                // already shutting down: the hook runs anyway
            }
        }
    }

    /** The images to fetch: all of them, or the --image ones, each of which must be in the list. */
    private List<String> selected(List<String> all) {
        if (only == null || only.isEmpty()) {
            return all;
        }
        Set<String> out = new TreeSet<>();
        for (String ref : only) {
            String full = normalize(ref);
            if (!all.contains(full)) {
                throw new UsageException("--image " + ref + ": " + (full.equals(ref) ? "" : full + " ")
                        + "is not an image this cluster needs; 'launchc images " + file + "' lists them");
            }
            out.add(full);
        }
        if (out.size() < all.size()) {
            spec.commandLine().getErr().println("launchc: warning: --image: the archive carries " + out.size() + " of the "
                    + all.size() + " images; the others must reach the site another way");
        }
        return List.copyOf(out);
    }

    /** A reference as containerd normalises it: docker.io/ and library/ added, :latest when it has no tag. */
    static String normalize(String ref) {
        String r = ref.strip();
        int slash = r.indexOf('/');
        String first = slash < 0 ? "" : r.substring(0, slash);
        if (slash < 0 || !(first.contains(".") || first.contains(":") || first.equals("localhost"))) {
            r = "docker.io/" + r;
        }
        if (r.startsWith("docker.io/") && r.indexOf('/', "docker.io/".length()) < 0) {
            r = "docker.io/library/" + r.substring("docker.io/".length());
        }
        String last = r.substring(r.lastIndexOf('/') + 1);
        if (!last.contains(":") && !last.contains("@")) {
            r += ":latest";
        }
        return r;
    }

    /** linux/ARCH of every node (a native config: linux/amd64). */
    private static Set<String> platforms(CompileResult compiled) {
        Set<String> out = new TreeSet<>();
        if (compiled.cluster() != null) {
            compiled.cluster().nodes().forEach(n -> out.add("linux/" + (n.arch() == null ? "amd64" : n.arch())));
        }
        if (out.isEmpty()) {
            out.add("linux/amd64");
        }
        return out;
    }

    /** Pulls every image into the store; null (after saying why) when one fails. */
    private List<ImagePuller.Pulled> pull(List<String> refs, Set<String> platforms, Path store, PrintWriter err)
            throws IOException {
        Files.createDirectories(store);
        PullProgress progress = new PullProgress(err, System.console() != null, refs.size());
        List<ImagePuller.Pulled> out = new ArrayList<>();
        try (ImagePuller puller = new ImagePuller(pullFrom, store)) {
            for (String ref : refs) {
                progress.start(ref, puller.source(ref));
                try {
                    ImagePuller.Pulled p = puller.pull(ref, platforms, progress::bytes);
                    out.add(p);
                    progress.done(p);
                } catch (ImagePuller.PullException e) {
                    progress.abort();
                    err.println("launchc: " + e.getMessage());
                    err.println("launchc: no bundle written");
                    err.flush();
                    return null;
                }
            }
        }
        return out;
    }

    /** Reports what is wrong with the snaps folder; nothing is written. */
    private int refuse(List<SnapSet.Problem> problems, String note, PrintWriter err) {
        problems.forEach(p -> err.println(snaps + ": error: " + p.message() + note + " [" + p.code().id() + "]"));
        err.println("launchc: no bundle written: fix the snaps folder");
        err.flush();
        return ExitCodes.INPUT_ERRORS;
    }

    /** {@code --verify}: reads the bundle once and reports every problem. */
    private Integer verify(PrintWriter err) {
        BundleVerifier.Report report;
        try (InputStream in = RegularFiles.openNoLinks(verify)) {
            report = BundleVerifier.verify(in, Files.size(verify));
        } catch (IOException e) {
            throw new UsageException("--verify " + verify + ": " + dev.launchc.load.RegularFiles.problemAt(e));
        }
        if (!report.ok()) {
            report.problems().forEach(p -> err.println(verify + ": error: " + p.message() + " [" + p.code().id() + "]"));
            err.println("launchc: " + verify + " is not intact: " + report.problems().size() + " problem"
                    + (report.problems().size() == 1 ? "" : "s"));
            err.flush();
            return ExitCodes.INPUT_ERRORS;
        }
        spec.commandLine().getOut().println(verify + ": intact: " + report.files() + " files match SHA256SUMS"
                + (report.snaps() == 0 ? ", no snaps" : ", " + report.snaps() + " snap" + (report.snaps() == 1 ? "" : "s")
                        + " match their assertions (signatures are checked by 'snap ack' on the node)"));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private static void deleteQuietly(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort: a leftover hidden temp dir is harmless
        }
    }
}
