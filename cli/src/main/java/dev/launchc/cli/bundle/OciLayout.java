package dev.launchc.cli.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.launchc.images.ImageResolver;
import dev.launchc.pipeline.BundleContents;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An OCI image layout as one tar ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/…}),
 * the format {@code ctr images import} and MicroK8s' sideload folder read. Each image is named the
 * way containerd's own exporter names it: {@code io.containerd.image.name} is the fully qualified
 * reference, {@code org.opencontainers.image.ref.name} its tag.
 */
public final class OciLayout {
    static final String IMAGE_NAME = "io.containerd.image.name";
    static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OciLayout() {}

    /** The index.json of the images, sorted by name. */
    static String index(List<ImagePuller.Pulled> images) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 2);
        root.put("mediaType", ImagePuller.OCI_INDEX);
        ArrayNode manifests = root.putArray("manifests");
        images.stream().sorted(Comparator.comparing(ImagePuller.Pulled::image)).forEach(p -> {
            ObjectNode m = manifests.addObject();
            m.put("mediaType", p.mediaType());
            m.put("digest", p.digest());
            m.put("size", p.size());
            ObjectNode a = m.putObject("annotations");
            a.put(IMAGE_NAME, p.image());
            a.put(REF_NAME, ImageResolver.object(p.image()));
        });
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the layout of {@code images}, whose blobs are in {@code store/blobs/sha256}, as a tar. */
    public static void write(Path store, List<ImagePuller.Pulled> images, OutputStream out) throws IOException {
        ReproducibleTar tar = new ReproducibleTar();
        tar.add("oci-layout", BundleContents.Entry.of("{\"imageLayoutVersion\":\"1.0.0\"}\n", ReproducibleTar.FILE));
        tar.add("index.json", BundleContents.Entry.of(index(images), ReproducibleTar.FILE));
        Path blobs = store.resolve("blobs/sha256");
        if (Files.isDirectory(blobs)) {
            try (Stream<Path> s = Files.list(blobs)) {
                for (Path b : s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}")).sorted().toList()) {
                    tar.add("blobs/sha256/" + b.getFileName(), BundleContents.Entry.ofFile(b, ReproducibleTar.FILE));
                }
            }
        }
        tar.writeTar(out);
    }
}
