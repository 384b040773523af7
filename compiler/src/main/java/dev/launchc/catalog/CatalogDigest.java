package dev.launchc.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link Catalog#digest()} as the build records it beside the catalog files: a lint whose every
 * file is a cache hit needs no more of the catalog than this, and reads 64 characters where
 * computing it parses the index and hashes 1.8 MB (most of such a run's start-up). A class of its
 * own, since touching {@link Catalog} reads the catalog's index.
 */
public final class CatalogDigest {
    static final String FILE = "catalog.sha256";

    private CatalogDigest() {}

    /** The recorded digest; computed when the build recorded none (a class directory an IDE compiled). */
    public static String recorded() {
        try (InputStream in = Catalog.class.getResourceAsStream(FILE)) {
            if (in != null) {
                String recorded = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
                if (recorded.matches("[0-9a-f]{64}")) {
                    return recorded;
                }
            }
        } catch (IOException e) {
            // Computed below, as when there is no record.
        }
        return Catalog.get().digest();
    }

    /**
     * The build step (compiler/pom.xml, once the classes are compiled): writes the digest into the
     * class directory, beside the catalog. usage: {@code CatalogDigest CLASSES_DIR}
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CatalogDigest CLASSES_DIR");
        }
        Path file = Path.of(args[0], "dev", "launchc", "catalog", FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Catalog.get().digest() + "\n", StandardCharsets.US_ASCII);
    }
}
