package dev.launchc.pipeline;

import dev.launchc.catalog.Track;
import dev.launchc.images.ImageResolver;
import dev.launchc.compile.SeedDeriver;
import dev.launchc.model.internal.Cluster;
import dev.launchc.plan.FileContent;
import dev.launchc.render.OutputTree;
import dev.launchc.render.TemplateRenderer;
import dev.launchc.render.TreeWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an air-gap bundle holds (SPEC §6), file by file: every node's seed and preview, images.txt,
 * the mirror hosts.toml of every upstream registry the images come from, the image archive and the
 * snaps when there are any, install.sh, README.txt and SHA256SUMS over all of them. Packing it
 * (a reproducible tar), pulling the images and checking the snaps are the caller's.
 */
public final class BundleContents {
    /** How README.txt, the bundle's first entry, begins: what tells a bundle of launchc's from any other file. */
    public static final String README_TITLE = "Air-gap bundle for ";

    /** The permission bits of a bundle file. */
    public static final int FILE = 0644;
    public static final int SECRET = 0600;
    public static final int EXECUTABLE = 0755;

    public static final String MICROK8S = "microk8s";
    public static final String SNAPD = "snapd";

    /** One file: its content in memory or in a file on disk, and its permission bits. */
    public record Entry(byte[] bytes, Path file, int mode) {
        public static Entry of(byte[] bytes, int mode) {
            return new Entry(bytes, null, mode);
        }

        public static Entry of(String text, int mode) {
            return new Entry(text.getBytes(StandardCharsets.UTF_8), null, mode);
        }

        public static Entry ofFile(Path file, int mode) {
            return new Entry(null, file, mode);
        }
    }

    /** A snap the bundle carries, as {@code snap download} named its two files. */
    public record Snap(String name, String revision, String snapFile, String assertFile) {}

    /**
     * What goes into a bundle besides the compiled tree.
     *
     * @param images    every image the input needs
     * @param imagesTar the OCI archive of the pulled images, or null
     * @param archived  how many images the archive holds
     * @param snaps     the snaps carried, in install order
     * @param snapFiles each snap's .snap and .assert file by name, where they lie now
     */
    public record Extras(ImageResolver.Result images, Path imagesTar, int archived, List<Snap> snaps, Map<String, Path> snapFiles) {
        public static Extras of(ImageResolver.Result images) {
            return new Extras(images, null, 0, List.of(), Map.of());
        }
    }

    private BundleContents() {}

    /** The exact command that downloads a snap for this track and confinement. */
    public static String downloadCommand(String name, Track track, boolean strict) {
        return "snap download " + name + (MICROK8S.equals(name) ? " --channel=" + track.snapChannel(strict) : "");
    }

    /** Whether a compiled cluster asks for the strictly confined snap (a native config never does). */
    public static boolean strict(CompileResult compiled) {
        return compiled.cluster() != null && compiled.cluster().strict();
    }

    /** Every file of the bundle by its path, SHA256SUMS last in the listing it makes. */
    public static SortedMap<String, Entry> of(CompileResult compiled, Extras extras) throws IOException {
        ImageResolver.Result images = extras.images();
        boolean strict = strict(compiled);
        SortedMap<String, Entry> files = new TreeMap<>();
        for (Map.Entry<String, OutputTree.Entry> e : compiled.tree().entries().entrySet()) {
            files.put(e.getKey(), Entry.of(e.getValue().bytes(), e.getValue().secret() ? SECRET : FILE));
        }
        files.put("images.txt", Entry.of(lines(images.all()), FILE));
        Cluster cluster = compiled.cluster();
        String registry = cluster != null && cluster.airgap() != null ? cluster.airgap().registry().text() : null;
        if (registry != null) {
            for (String ns : images.namespaces()) {
                FileContent.HostsToml hosts = SeedDeriver.airgapHostsToml(cluster, ns);
                files.put("registry/certs.d/" + ns + "/hosts.toml", Entry.of(TemplateRenderer.render(hosts), FILE));
            }
        }
        if (extras.imagesTar() != null) {
            files.put("images/images.tar", Entry.ofFile(extras.imagesTar(), FILE));
        }
        String name = cluster != null ? cluster.name() : compiled.lint().file();
        List<Map<String, Object>> nodes = new ArrayList<>();
        int width = 4;
        for (CompileResult.Node n : compiled.nodes()) {
            Map<String, Object> m = new HashMap<>();
            m.put("name", n.name());
            m.put("address", n.address() == null ? "" : n.address());
            m.put("role", n.role() == null ? "" : n.role());
            nodes.add(m);
            width = Math.max(width, n.name().length());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("cluster", name);
        model.put("track", compiled.track().name());
        model.put("nodes", nodes);
        model.put("nodeList", String.join(", ", compiled.nodes().stream().map(CompileResult.Node::name).toList()));
        snapModel(model, compiled.track(), strict, extras.snaps());
        extras.snapFiles().forEach((f, p) -> files.put("snaps/" + f, Entry.ofFile(p, FILE)));
        files.put("install.sh", Entry.of(TemplateRenderer.render("install.sh.ftl", model), EXECUTABLE));

        String title = README_TITLE + (cluster != null ? "MicroK8s cluster " + name : name)
                + " (MicroK8s " + compiled.track().name() + ")";
        model.put("title", title.replaceAll("[\\r\\n]", " "));
        model.put("underline", "=".repeat(title.length()));
        model.put("width", width);
        model.put("registry", registry == null ? "" : registry);
        String example = images.all().stream().filter(i -> i.startsWith("docker.io/")).findFirst()
                .orElse(images.all().isEmpty() ? "docker.io/library/busybox:1.28.4" : images.all().get(0));
        model.put("example", example);
        model.put("exampleMirrored", (registry == null ? "" : registry) + "/" + ImageResolver.repository(example) + ":"
                + ImageResolver.object(example));
        model.put("imageCount", images.all().size());
        model.put("archived", extras.archived());
        model.put("bootstrap", compiled.nodes().stream().filter(n -> "control-plane".equals(n.role())).findFirst()
                .orElse(compiled.nodes().get(0)).name());
        List<Map<String, Object>> unknown = new ArrayList<>();
        for (ImageResolver.Unknown u : images.unknown()) {
            unknown.add(Map.of("name", u.name(), "reason", u.reason()));
        }
        model.put("unknown", unknown);
        files.put("README.txt", Entry.of(TemplateRenderer.render("bundle-README.txt.ftl", model), FILE));

        StringBuilder sums = new StringBuilder();
        for (Map.Entry<String, Entry> e : files.entrySet()) {
            Entry f = e.getValue();
            String hash = f.bytes() != null ? TreeWriter.sha256(f.bytes()) : sha256(f.file());
            sums.append(hash).append("  ").append(e.getKey()).append('\n');
        }
        files.put("SHA256SUMS", Entry.of(sums.toString(), FILE));
        return Collections.unmodifiableSortedMap(files);
    }

    /** The snap facts of install.sh and README.txt: the channel, the download and install commands. */
    private static void snapModel(Map<String, Object> model, Track track, boolean strict, List<Snap> bundled) {
        model.put("strict", strict);
        model.put("confinement", strict ? "strict" : "classic");
        model.put("channel", track.snapChannel(strict));
        model.put("baseSnap", track.snapBase());
        model.put("downloads", List.of(downloadCommand(SNAPD, track, strict),
                downloadCommand(track.snapBase(), track, strict),
                downloadCommand(MICROK8S, track, strict)));
        model.put("interfaces", strict ? track.strictInterfaces() : List.of());
        List<Map<String, Object>> snaps = new ArrayList<>();
        for (Snap s : bundled) {
            snaps.add(Map.of("name", s.name(), "revision", s.revision(), "file", "snaps/" + s.snapFile(),
                    "assertion", "snaps/" + s.assertFile(), "classic", !strict && s.name().equals(MICROK8S)));
        }
        model.put("snaps", snaps);
    }

    private static String lines(List<String> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach(v -> sb.append(v).append('\n'));
        return sb.toString();
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file);
                DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
