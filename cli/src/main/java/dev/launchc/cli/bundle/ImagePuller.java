package dev.launchc.cli.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.DescriptorDigest;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.blob.Blob;
import com.google.cloud.tools.jib.blob.BlobDescriptor;
import com.google.cloud.tools.jib.event.EventHandlers;
import com.google.cloud.tools.jib.http.FailoverHttpClient;
import com.google.cloud.tools.jib.http.Request;
import com.google.cloud.tools.jib.http.Response;
import com.google.cloud.tools.jib.http.ResponseException;
import com.google.cloud.tools.jib.registry.RegistryClient;
import dev.launchc.images.ImageResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Pulls images from one registry into a content store ({@code blobs/sha256/<hex>}) with jib-core's
 * registry client, keeping every manifest byte for byte so that its digest stays what the registry
 * serves. Every blob and manifest is checked against its sha256 digest before it is kept.
 *
 * <p>Where an image comes from: {@code docker.io/calico/node:v3.28.1} is
 * {@code REGISTRY[/PREFIX]/calico/node:v3.28.1}. Plain HTTP is allowed only for a loopback
 * registry ({@code 127.0.0.1}, {@code localhost}, {@code [::1]}); anything else must speak HTTPS.
 *
 * <p>Manifests are read with jib's HTTP client rather than {@link RegistryClient#pullManifest},
 * because jib parses a manifest and does not keep its bytes, and the digest is over the bytes.
 * That read is anonymous: a registry that wants a login for manifests is reported as such. Blobs
 * (config and layers, the bulk) go through {@link RegistryClient#pullBlob}, which also handles
 * bearer tokens, redirects and the HTTPS-to-HTTP fallback.
 */
public final class ImagePuller implements AutoCloseable {
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    private static final List<String> ACCEPT = List.of(OCI_INDEX, DOCKER_LIST, OCI_MANIFEST, DOCKER_MANIFEST);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_AGENT = "launchc";

    /** A pull that failed, with a message for the user. */
    public static final class PullException extends Exception {
        private static final long serialVersionUID = 1L;

        PullException(String message) {
            super(message, null, false, false);
        }
    }

    /** One image in the store: the top-level manifest (or index) that its name points at. */
    public record Pulled(String image, String mediaType, String digest, long size, long bytes) {}

    /** Progress callbacks: bytes of the current image so far. */
    public interface Listener {
        void bytes(long soFar);
    }

    private final String host;
    private final String prefix;
    private final boolean plainHttp;
    private final FailoverHttpClient http;
    private final Path store;

    /**
     * @param registry {@code host[:port][/prefix]}
     * @param store    the directory that receives {@code blobs/sha256/<hex>}
     */
    public ImagePuller(String registry, Path store) {
        String r = registry.replaceFirst("^[a-zA-Z]+://", "").replaceAll("/+$", "");
        int slash = r.indexOf('/');
        this.host = slash < 0 ? r : r.substring(0, slash);
        this.prefix = slash < 0 ? "" : r.substring(slash + 1);
        this.plainHttp = isLoopback(host);
        this.http = new FailoverHttpClient(plainHttp, false, log -> { });
        this.store = store;
    }

    /** A host name of dot-separated labels (Docker's domain components) or a bracketed IPv6 literal. */
    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\]");
    /** One repository path component as Docker's reference grammar has it: never empty, '.' or '..'. */
    private static final java.util.regex.Pattern PATH_COMPONENT = java.util.regex.Pattern.compile(
            "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");

    /**
     * Why {@code registry} is not {@code [scheme://]host[:port][/path]}, or null when it is one. Checked
     * before any lookup: {@code ../../etc} or {@code 127.0.0.1:1/../../x} would otherwise become
     * a host or a path of the request.
     */
    public static String registryProblem(String registry) {
        String r = registry.replaceFirst("^(?i)https?://", "");
        if (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        int slash = r.indexOf('/');
        String hostPort = slash < 0 ? r : r.substring(0, slash);
        String host = hostPort;
        java.util.regex.Matcher port = java.util.regex.Pattern.compile(":([0-9]{1,5})$").matcher(hostPort);
        if (port.find()) {
            host = hostPort.substring(0, port.start());
            int p = Integer.parseInt(port.group(1));
            if (p < 1 || p > 65535) {
                return "port " + p + " is not between 1 and 65535";
            }
        }
        if (!HOST.matcher(host).matches()) {
            return "'" + host + "' is not a host name or IP address";
        }
        if (slash >= 0) {
            for (String component : r.substring(slash + 1).split("/", -1)) {
                if (!PATH_COMPONENT.matcher(component).matches()) {
                    return "path component '" + component + "' is not a repository name (lower-case letters, digits and"
                            + " single separators '.', '_', '-'; never empty, '.' or '..')";
                }
            }
        }
        return null;
    }

    /** True for a registry on this machine, where plain HTTP is allowed. */
    static boolean isLoopback(String hostPort) {
        String h = hostPort.startsWith("[") ? hostPort.substring(0, hostPort.indexOf(']') + 1)
                : hostPort.replaceFirst(":\\d+$", "");
        return h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]") || h.startsWith("127.");
    }

    /** Where an image is read from: its repository under the registry (and prefix). */
    public String repositoryFor(String image) {
        String repo = ImageResolver.repository(image);
        return prefix.isEmpty() ? repo : prefix + "/" + repo;
    }

    public String source(String image) {
        return host + "/" + repositoryFor(image) + (ImageResolver.object(image).startsWith("sha256:") ? "@" : ":")
                + ImageResolver.object(image);
    }

    /**
     * Pulls one image and what it references (for an index: the manifests of {@code platforms},
     * {@code os/arch} such as {@code linux/amd64}) into the store.
     */
    public Pulled pull(String image, Set<String> platforms, Listener listener) throws PullException {
        String repo = repositoryFor(image);
        RegistryClient client = RegistryClient.factory(EventHandlers.NONE, host, repo, http).setUserAgent(USER_AGENT)
                .newRegistryClient();
        long[] total = {0};
        try {
            client.doPullBearerAuth();
            Manifest top = fetchManifest(repo, ImageResolver.object(image), image);
            keep(top.digest(), top.bytes());
            if (top.isIndex()) {
                Set<String> missing = new java.util.TreeSet<>(platforms);
                Set<String> fetched = new java.util.HashSet<>();
                for (JsonNode m : top.json().path("manifests")) {
                    JsonNode p = m.path("platform");
                    String platform = p.path("os").asText() + "/" + p.path("architecture").asText();
                    String digest = m.path("digest").asText();
                    if (!platforms.contains(platform) || !fetched.add(digest)) {
                        continue;
                    }
                    missing.remove(platform);
                    Manifest child = fetchManifest(repo, digest, image);
                    if (child.isIndex()) {
                        throw new PullException(image + ": nested index " + digest + " at " + source(image)
                                + " is not supported");
                    }
                    keep(child.digest(), child.bytes());
                    pullBlobs(client, image, child, total, listener);
                }
                if (!missing.isEmpty()) {
                    throw new PullException(image + " has no manifest for " + String.join(", ", missing)
                            + " (the nodes' platforms) in its index at " + source(image));
                }
            } else {
                pullBlobs(client, image, top, total, listener);
            }
            return new Pulled(image, top.mediaType(), top.digest(), top.bytes().length, total[0]);
        } catch (IOException | RegistryException e) {
            throw new PullException("cannot pull " + image + " from " + source(image) + ": " + describe(e));
        }
    }

    private static String describe(Exception e) {
        if (e instanceof ResponseException r) {
            return "HTTP " + r.getStatusCode();
        }
        String m = e.getMessage();
        Throwable cause = e.getCause();
        while ((m == null || m.isBlank()) && cause != null) {
            m = cause.getMessage();
            cause = cause.getCause();
        }
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    /** A manifest or index as the registry served it. */
    private record Manifest(byte[] bytes, String digest, String mediaType, JsonNode json) {
        boolean isIndex() {
            return OCI_INDEX.equals(mediaType) || DOCKER_LIST.equals(mediaType);
        }
    }

    private Manifest fetchManifest(String repo, String reference, String image) throws IOException, PullException {
        // HTTPS first; for a loopback registry jib's client falls back to plain HTTP, as it does for blobs.
        URL url = new URL("https://" + host + "/v2/" + repo + "/manifests/" + reference);
        byte[] bytes;
        String contentType;
        List<String> advertised;
        try (Response response = http.get(url, Request.builder().setAccept(ACCEPT).setUserAgent(USER_AGENT).build())) {
            try (InputStream in = response.getBody()) {
                bytes = in.readNBytes(8 << 20);
            }
            List<String> ct = response.getHeader("Content-Type");
            contentType = ct.isEmpty() ? "" : ct.get(0).replaceFirst(";.*$", "").trim();
            advertised = response.getHeader("Docker-Content-Digest");
        } catch (ResponseException e) {
            if (e.getStatusCode() == 401 || e.getStatusCode() == 403) {
                throw new PullException("cannot pull " + image + " from " + source(image) + ": the registry asks for a login"
                        + " (HTTP " + e.getStatusCode() + "); --pull-from reads manifests anonymously, so use a mirror"
                        + " that allows anonymous pulls");
            }
            if (e.getStatusCode() == 404) {
                throw new PullException("cannot pull " + image + ": " + source(image) + " does not exist (HTTP 404)");
            }
            throw e;
        }
        String digest = "sha256:" + sha256(bytes);
        if (reference.startsWith("sha256:") && !reference.equals(digest)) {
            throw new PullException(image + ": manifest " + reference + " has digest " + digest + "; refusing it");
        }
        for (String a : advertised) {
            if (!a.trim().equals(digest)) {
                throw new PullException(image + ": the registry says the manifest is " + a.trim() + " but its bytes hash to "
                        + digest + "; refusing it");
            }
        }
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new PullException(image + ": the manifest at " + source(image) + " is not JSON");
        }
        String mediaType = json.path("mediaType").asText(contentType);
        if (!ACCEPT.contains(mediaType)) {
            throw new PullException(image + ": unsupported manifest type '" + mediaType + "' at " + source(image)
                    + " (expected an OCI or Docker v2 manifest or index)");
        }
        return new Manifest(bytes, digest, mediaType, json);
    }

    private void pullBlobs(RegistryClient client, String image, Manifest manifest, long[] total, Listener listener)
            throws IOException, PullException {
        List<JsonNode> blobs = new ArrayList<>();
        blobs.add(manifest.json().path("config"));
        manifest.json().path("layers").forEach(blobs::add);
        for (JsonNode b : blobs) {
            String digest = b.path("digest").asText();
            long size = b.path("size").asLong(-1);
            Path target = blobPath(digest, image);
            if (Files.exists(target)) {
                total[0] += size < 0 ? Files.size(target) : size;
                continue;
            }
            DescriptorDigest expected;
            try {
                expected = DescriptorDigest.fromDigest(digest);
            } catch (DigestException e) {
                throw new PullException(image + ": the manifest names a blob with a bad digest '" + digest + "'");
            }
            Path tmp = Files.createTempFile(target.getParent(), ".blob-", ".part");
            long before = total[0];
            try {
                Blob blob = client.pullBlob(expected, s -> { }, n -> {
                    total[0] += n;
                    listener.bytes(total[0]);
                });
                BlobDescriptor got;
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    got = blob.writeTo(out);
                }
                // jib checks the digest as it streams; check again what is on disk before keeping it.
                String onDisk = "sha256:" + sha256(tmp);
                if (!onDisk.equals(digest) || !got.getDigest().equals(expected)) {
                    throw new PullException(image + ": blob " + digest + " arrived with digest " + onDisk + "; refusing it");
                }
                if (size >= 0 && Files.size(tmp) != size) {
                    throw new PullException(image + ": blob " + digest + " has " + Files.size(tmp) + " bytes, the manifest says "
                            + size);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                total[0] = before + Files.size(target);
                listener.bytes(total[0]);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private void keep(String digest, byte[] bytes) throws IOException, PullException {
        Path target = blobPath(digest, digest);
        if (!Files.exists(target)) {
            Path tmp = Files.createTempFile(target.getParent(), ".manifest-", ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private Path blobPath(String digest, String what) throws IOException, PullException {
        if (!digest.matches("sha256:[0-9a-f]{64}")) {
            throw new PullException(what + ": unsupported digest '" + digest + "' (only sha256)");
        }
        Path dir = store.resolve("blobs/sha256");
        Files.createDirectories(dir);
        return dir.resolve(digest.substring("sha256:".length()));
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            http.shutDown();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
