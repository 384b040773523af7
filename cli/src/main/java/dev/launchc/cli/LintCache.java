package dev.launchc.cli;

import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Severity;
import dev.launchc.lint.FileLint;
import dev.launchc.load.SourceFile;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code lint --cache DIR}: the findings of files already linted, replayed when the same bytes are
 * linted again under the same name, launchc build, catalog, target, mode, codes and limits.
 *
 * <p>Layout: {@code DIR/CACHEDIR.TAG} marks the directory as launchc's (launchc refuses to use a
 * non-empty directory without it, and deletes only its own files in it). Each context (everything
 * the findings depend on apart from the file: see {@link #context}) has a directory
 * {@code ctx-<hash>} of immutable segments {@code seg-*.bin}. A run reads its context's segments
 * once, and writes its new results as one more segment, written to a temporary file and renamed
 * into place, so that concurrent runs never see half an entry. Beside them, {@code run-*.bin} are
 * the memos of whole runs ({@link RunMemo}). A segment whose header names
 * another context (another launchc build, say) is never trusted: it is ignored and compacted away.
 *
 * <p>Bounded: past {@link #MAX_SEGMENTS} segments or {@link #MAX_ENTRIES} entries a run merges
 * what it used and what is newest into one segment and deletes the segments it read; past
 * {@link #MAX_CONTEXTS} contexts the least recently used are deleted.
 *
 * <p>Secrets: an entry holds the diagnostics (whose messages never carry secrets) and, for text
 * snippets, the source lines they point at, already redacted. The file's bytes are not stored.
 */
final class LintCache {
    static final int MAX_SEGMENTS = 16;
    static final int MAX_ENTRIES = 200_000;
    static final int MAX_CONTEXTS = 4;
    static final String TAG = "CACHEDIR.TAG";
    private static final String TAG_TEXT = "Signature: 8a477f597d28d172789f06886806bc55\n"
            + "# This file is a cache directory tag created by launchc (lint --cache).\n"
            + "# For information about cache directory tags see https://bford.info/cachedir/\n";
    private static final String MAGIC = "launchc lint cache 3";
    /** A segment larger than this is not launchc's (200,000 entries take a few tens of MB). */
    private static final long MAX_SEGMENT_BYTES = 512L << 20;
    private static final Duration STALE_TEMP = Duration.ofHours(1);

    /** A cached result: {@code kind} null means the file was skipped as not a launch config. */
    record Result(String kind, List<Diagnostic> diagnostics, Map<Integer, String> redactedLines) {}

    /** A key, the SHA-256 of what a result depends on ({@link #key}), held as four longs. */
    static final class Key implements Comparable<Key> {
        private final long a;
        private final long b;
        private final long c;
        private final long d;

        Key(byte[] digest, int offset) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(digest, offset, 32);
            a = buffer.getLong();
            b = buffer.getLong();
            c = buffer.getLong();
            d = buffer.getLong();
        }

        void writeTo(DataOutputStream out) throws IOException {
            out.writeLong(a);
            out.writeLong(b);
            out.writeLong(c);
            out.writeLong(d);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && a == k.a && b == k.b && c == k.c && d == k.d;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(a);
        }

        @Override
        public int compareTo(Key k) {
            int order = Long.compare(a, k.a);
            order = order != 0 ? order : Long.compare(b, k.b);
            order = order != 0 ? order : Long.compare(c, k.c);
            return order != 0 ? order : Long.compare(d, k.d);
        }

        /** This key against the one stored at {@code offset} of {@code segment} (four big-endian longs). */
        int compareTo(java.nio.ByteBuffer segment, int offset) {
            int order = Long.compare(a, segment.getLong(offset));
            order = order != 0 ? order : Long.compare(b, segment.getLong(offset + 8));
            order = order != 0 ? order : Long.compare(c, segment.getLong(offset + 16));
            return order != 0 ? order : Long.compare(d, segment.getLong(offset + 24));
        }
    }

    /**
     * A segment as read, searched in place: its keys are stored sorted, each with the end of its
     * result, so that a run finds a key by binary search instead of indexing every entry first (a
     * cached run of thousands of files would spend more time building that index than looking up).
     *
     * <p>Layout after the header: {@code count} keys of 32 bytes in ascending order; {@code count}
     * ints, the end of each key's result in the payload; the payload; the CRC-32C of all before it.
     */
    private static final class Segment {
        private final byte[] bytes;
        private final java.nio.ByteBuffer view;
        private final int count;
        private final int keys;
        private final int ends;
        private final int payload;
        private final int payloadLength;

        Segment(byte[] bytes, int count, int keys, int end) throws IOException {
            long payloadStart = keys + 36L * count;
            if (count < 0 || payloadStart > end) {
                throw new IOException("bad count");
            }
            this.bytes = bytes;
            this.view = java.nio.ByteBuffer.wrap(bytes).asReadOnlyBuffer();
            this.count = count;
            this.keys = keys;
            this.ends = keys + 32 * count;
            this.payload = (int) payloadStart;
            this.payloadLength = end - payload;
        }

        /** The result stored under {@code key}, or null. A result whose bounds are wrong is none. */
        Stored find(Key key) {
            int low = 0;
            int high = count - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                int order = key.compareTo(view, keys + 32 * middle);
                if (order == 0) {
                    return stored(middle);
                }
                if (order > 0) {
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return null;
        }

        private Stored stored(int index) {
            int start = index == 0 ? 0 : view.getInt(ends + 4 * (index - 1));
            int end = view.getInt(ends + 4 * index);
            return start < 0 || start > end || end > payloadLength ? null : new Stored(bytes, payload + start, end - start);
        }

        /** Each entry, in the segment's order. */
        void forEach(java.util.function.BiConsumer<Key, Stored> action) {
            for (int i = 0; i < count; i++) {
                Stored stored = stored(i);
                if (stored != null) {
                    action.accept(new Key(bytes, keys + 32 * i), stored);
                }
            }
        }
    }

    /**
     * A result as a segment stores it, decoded only when it is replayed: most of a run's entries are
     * never looked at, or are clean files with nothing to decode.
     */
    private record Stored(byte[] buffer, int offset, int length) {
        Stored(byte[] encoded) {
            this(encoded, 0, encoded.length);
        }
    }

    private final Path dir;
    private final Path contextDir;
    private final String context;
    /** The context's digest, which each key starts from: the context text itself is a few kB. */
    private final byte[] contextDigest;
    private final List<Path> segmentsRead = new ArrayList<>();
    /** The segments read, newest first (a newer result for a key wins); filled before any lookup and only read after. */
    private final List<Segment> known = new ArrayList<>();
    /** The entries of {@link #known} (a key in two segments counts twice). */
    private int knownEntries;
    /** The entries this run replayed; sized once the segments are read (growing it costs more than the lookups). */
    private Map<Key, Stored> used = new ConcurrentHashMap<>();
    /** What this run adds: the results of misses, and new stamp keys of results ({@link #alias}). */
    private final Map<Key, Stored> added = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger linted = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger unread = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
    private boolean untrusted;
    /** The last clean result decoded, with its encoding. */
    private volatile Decoded lastClean;

    private record Decoded(byte[] encoded, Result result) {}

    /** The last choice's text in keys, by identity: most inputs share one choice (their flags'). */
    private volatile ChoiceText lastChoice;

    /**
     * A choice and its text. A choice is not a map key: a record's equals and hashCode spin method
     * handles at their first calls, tens of ms of a cached run's start-up.
     */
    private record ChoiceText(LintOptions.Choice choice, byte[] text) {}

    /** True once this context's segments are read. */
    private boolean loaded;

    private LintCache(Path dir, Path contextDir, String context) {
        this.dir = dir;
        this.contextDir = contextDir;
        this.context = context;
        this.contextDigest = sha().digest(context.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Everything a file's findings depend on apart from its name and bytes. The build is the jar's
     * size and time (a rebuilt launchc of the same version may judge differently); the catalog is
     * named by its digest, unless it is inside that same jar, whose identity then covers it (hashing
     * the catalog's 1.8 MB would take longer than a cached lint of thousands of files); the codes
     * are there too, so that a result is never replayed under other facts.
     * What a file's settings choose (target, mode, silenced codes) is part of each key instead:
     * files of one run can have different settings ({@code .launchc.yaml}).
     */
    static String context(LintOptions options) {
        String version = LaunchcCommand.class.getPackage().getImplementationVersion();
        Path build = codeSource(LintCache.class);
        boolean catalogInBuild = build != null && build.equals(codeSource(dev.launchc.catalog.Catalog.class));
        return String.join("\n",
                MAGIC,
                "launchc " + (version == null ? "dev" : version) + " build " + identity(build),
                "catalog " + (catalogInBuild ? "in the build" : dev.launchc.catalog.Catalog.get().digest()),
                "codes " + String.join(",", java.util.Arrays.stream(dev.launchc.diag.Code.values()).map(Enum::name).toList()),
                "limits " + components(options.limits()));
    }

    /**
     * A record's components as text, each by name: what its own toString gives, without the method
     * handles that toString spins at its first call (tens of ms of a cached run's start-up).
     */
    static String components(Record record) {
        StringBuilder text = new StringBuilder(record.getClass().getSimpleName()).append('[');
        java.lang.reflect.RecordComponent[] components = record.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            try {
                text.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=')
                        .append(components[i].getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return text.append(']').toString();
    }

    /** The jar a class comes from; null for a class directory (a development build) or when unknown. */
    private static Path codeSource(Class<?> type) {
        try {
            Path source = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(source) ? source : null;
        } catch (RuntimeException | java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String identity(Path jar) {
        try {
            if (jar != null) {
                return Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
            }
        } catch (IOException e) {
            // No jar to identify.
        }
        return "classes";
    }

    /**
     * The cache in {@code dir} with this context's segments read, if {@code dir} is launchc's cache
     * already; writes nothing. A run prepares its cache on another core while it walks its inputs,
     * then {@link #open()}s it: a run that fails on its inputs creates no cache, as before.
     */
    /**
     * Where a context's segments (and its {@link RunMemo}s) are, in the cache {@code dir}. Named by
     * a short hash, not a digest: two contexts that share a directory only share its room, as each
     * segment's header names its context in full. (The first SHA-256 of a run looks up the JDK's
     * security providers, some 20 ms that a run replayed from its memo would spend on nothing else.)
     */
    static Path contextDir(Path dir, String context) {
        return dir.resolve("ctx-" + shortHash(context));
    }

    /**
     * 16 hex digits of {@code text}'s CRC-32 and CRC-32C: a name, never a proof. The JVM computes
     * both with the processor's own instructions, also before any code is compiled (a hash loop in
     * Java took 5 ms over a context's few kB when interpreted).
     */
    static String shortHash(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        java.util.zip.CRC32C crcC = new java.util.zip.CRC32C();
        crcC.update(bytes);
        return HexFormat.of().toHexDigits((int) crc.getValue()) + HexFormat.of().toHexDigits((int) crcC.getValue());
    }

    static LintCache prepare(Path dir, String context) {
        Path contextDir = contextDir(dir, context);
        LintCache cache = new LintCache(dir, contextDir, context);
        if (!Files.isSymbolicLink(dir) && launchcTag(dir.resolve(TAG)) && Files.isDirectory(contextDir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                cache.load();
            } catch (IOException e) {
                return new LintCache(dir, contextDir, context); // open() reads again, and reports what fails
            }
        }
        return cache;
    }

    /**
     * Makes the prepared directory launchc's cache (creating it when needed, refusing one that holds
     * something else) and reads this context's segments unless preparing did.
     */
    LintCache open() {
        try {
            claim(dir);
            // launchc makes its context folders itself: a link in a context's place would have this
            // run read and write segments wherever it leads.
            if (Files.isSymbolicLink(contextDir)) {
                throw new IOException(contextDir.getFileName() + " in it is a symbolic link");
            }
            Files.createDirectories(contextDir);
            Files.setLastModifiedTime(contextDir, FileTime.from(Instant.now()));
            if (!loaded) {
                load();
            }
            return this;
        } catch (IOException e) {
            throw new UsageException("cannot use cache directory " + dir + ": " + e.getMessage());
        }
    }

    /** Whether {@code dir} is launchc's cache already (its own tag; not a link): reads nothing else. */
    static boolean isCache(Path dir) {
        return !Files.isSymbolicLink(dir) && launchcTag(dir.resolve(TAG));
    }

    /** Whether {@code tag} is the CACHEDIR.TAG launchc writes (any other program's says so in its own words). */
    private static boolean launchcTag(Path tag) {
        if (!Files.isRegularFile(tag, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(tag, LinkOption.NOFOLLOW_LINKS)) {
            return java.util.Arrays.equals(in.readNBytes(TAG_TEXT.length() + 1), TAG_TEXT.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false;
        }
    }

    /** The names launchc gives its files, compiled only when a run prunes (not on a cached run's way). */
    private static final class Names {
        /** A context directory's name as launchc makes it: ctx- and 16 hex digits. */
        static final java.util.regex.Pattern CONTEXT_NAME = java.util.regex.Pattern.compile("ctx-[0-9a-f]{16}");
        /** A segment's, a run memo's or their temporary files' names as launchc makes them. */
        static final java.util.regex.Pattern SEGMENT_NAME = java.util.regex.Pattern.compile(
                "seg-[0-9a-f]{16}-[A-Za-z0-9]+\\.bin|\\.seg-[0-9]+\\.tmp|run-[0-9a-f]{16}\\.bin|\\.run-[0-9]+\\.tmp");
    }

    /** Makes {@code dir} launchc's cache directory, or refuses one that holds something else. */
    private static void claim(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new IOException("it is a symbolic link");
        }
        Path tag = dir.resolve(TAG);
        if (launchcTag(tag)) {
            return;
        }
        if (Files.exists(tag, LinkOption.NOFOLLOW_LINKS)) {
            // A concurrent first run may have renamed its tag into place since the check above.
            if (launchcTag(tag)) {
                return;
            }
            throw new IOException("its " + TAG + " is another program's; refusing to use another program's cache directory");
        }
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("it is not a directory");
            }
            // A concurrent first run may be writing the tag right now: its temporary file does not count.
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, e -> !e.getFileName().toString().startsWith(".tag-"))) {
                if (entries.iterator().hasNext() && !Files.isRegularFile(tag, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("it is not empty and holds no " + TAG + "; refusing to use a directory launchc did not create");
                }
            }
        }
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".tag-", ".tmp");
        try {
            Files.writeString(temp, TAG_TEXT);
            Files.move(temp, tag, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void load() throws IOException {
        List<Path> segments = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(contextDir, "seg-*.bin")) {
            entries.forEach(segments::add);
        }
        segments.sort(Comparator.naturalOrder());
        loaded = true;
        for (Path segment : segments) {
            segmentsRead.add(segment);
            try {
                readSegment(segment);
            } catch (NoSuchFileException e) {
                // Compacted away by a concurrent run since the listing: its entries are in a newer segment.
            } catch (IOException | RuntimeException e) {
                untrusted = true; // damaged or foreign: left out now, compacted away on the next write
            }
        }
        used = new ConcurrentHashMap<>(knownEntries + knownEntries / 2 + 16);
    }

    /**
     * Indexes a segment's entries, all or none: its checksum must match (a damaged byte anywhere
     * leaves the whole segment out) and its header must name this context.
     */
    private void readSegment(Path segment) throws IOException {
        // Only a regular file, no link: a FIFO in its place would block the read for good, a link
        // to a device would read without end (a vanished one still throws NoSuchFileException).
        java.nio.file.attribute.BasicFileAttributes attributes = Files.readAttributes(segment,
                java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new IOException("not a regular file");
        }
        if (attributes.size() > MAX_SEGMENT_BYTES) {
            throw new IOException("too large");
        }
        byte[] bytes = Files.readAllBytes(segment);
        int end = bytes.length - 4;
        if (end < 0 || crc(bytes, end) != java.nio.ByteBuffer.wrap(bytes, end, 4).getInt()) {
            throw new IOException("checksum");
        }
        DataInputStream header = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, end));
        if (!header.readUTF().equals(MAGIC) || !readLong(header).equals(context)) {
            untrusted = true;
            return;
        }
        int count = header.readInt();
        Segment read = new Segment(bytes, count, end - header.available(), end);
        known.add(0, read); // only a whole segment counts
        knownEntries += count;
    }

    private static int crc(byte[] bytes, int length) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }

    /** A result's encoding in a segment. */
    private static byte[] encode(Result r) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeNullable(out, r.kind());
            out.writeInt(r.diagnostics().size());
            for (Diagnostic d : r.diagnostics()) {
                out.writeUTF(d.code());
                out.writeByte(d.severity().ordinal());
                writeLong(out, d.message());
                writeNullable(out, d.file());
                out.writeInt(d.line());
                out.writeInt(d.column());
                writeNullable(out, d.path());
                writeNullableLong(out, d.hint());
            }
            out.writeInt(r.redactedLines().size());
            for (Map.Entry<Integer, String> line : r.redactedLines().entrySet()) {
                out.writeInt(line.getKey());
                writeLong(out, line.getValue());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * The result a segment stores; null when it cannot be decoded (then it is linted again). A
     * fleet's clean files store the same few bytes (their kind and two zero counts): the last such
     * result is shared (results are immutable) rather than decoded again for each.
     */
    private Result decode(Stored stored) {
        Decoded last = lastClean;
        if (last != null && java.util.Arrays.equals(last.encoded(), 0, last.encoded().length,
                stored.buffer(), stored.offset(), stored.offset() + stored.length())) {
            return last.result();
        }
        Result r = decodeEntry(stored);
        if (r != null && r.diagnostics().isEmpty()) {
            lastClean = new Decoded(java.util.Arrays.copyOfRange(stored.buffer(), stored.offset(), stored.offset() + stored.length()), r);
        }
        return r;
    }

    private static Result decodeEntry(Stored stored) {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(stored.buffer(), stored.offset(), stored.length()));
        try {
            String kind = readNullable(in);
            int diagnostics = in.readInt();
            List<Diagnostic> list = new ArrayList<>(Math.min(diagnostics, 1024));
            for (int d = 0; d < diagnostics; d++) {
                list.add(new Diagnostic(in.readUTF(), Severity.values()[in.readByte()], readLong(in), readNullable(in),
                        in.readInt(), in.readInt(), readNullable(in), readNullableLong(in)));
            }
            int lines = in.readInt();
            Map<Integer, String> redacted = lines == 0 ? Map.of() : new TreeMap<>();
            for (int l = 0; l < lines; l++) {
                redacted.put(in.readInt(), readLong(in));
            }
            if (in.available() != 0) {
                return null;
            }
            return new Result(kind, List.copyOf(list), redacted);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * What of a file's settings its findings depend on: target, mode and the codes silenced. The
     * target by name, unresolved ("newest" when none is chosen: the context pins the catalog), so
     * that a hit needs no catalog; a name that is no track never gets an entry (its miss fails).
     */
    static String settings(LintOptions.Choice s) {
        return "target " + (s.target() == null ? "(newest)" : s.target()) + (s.targetExplicit() ? " explicit" : "") + "\nmode " + s.mode()
                + "\ndisabled " + String.join(",", new java.util.TreeSet<>(s.filter().disabled()))
                + "\nnoIgnore " + s.filter().noIgnore();
    }

    /** The digest of a file's bytes, which its key holds ({@link #key}). */
    static byte[] contentDigest(byte[] bytes) {
        return sha().digest(bytes);
    }

    /**
     * The key of one input: the context, its settings, how it was found, its name and the digest
     * of its bytes ({@link #contentDigest}, which can be made before the rest is known).
     */
    Key key(String name, boolean walked, LintOptions.Choice settings, byte[] contentDigest) {
        java.security.MessageDigest sha = keyStart(name, settings);
        sha.update((byte) (walked ? 1 : 0));
        sha.update(contentDigest);
        return new Key(sha.digest(), 0);
    }

    /**
     * The key under which an input's result is found by its {@link FileStamp} alone, without
     * reading it: as {@link #key}, with the stamp in place of the bytes' digest (and a marker, so
     * that no stamp key is ever a content key).
     */
    Key stampKey(String name, boolean walked, LintOptions.Choice settings, FileStamp stamp) {
        java.security.MessageDigest sha = keyStart(name, settings);
        sha.update((byte) (walked ? 3 : 2));
        java.nio.ByteBuffer fields = java.nio.ByteBuffer.allocate(48);
        fields.putLong(stamp.device()).putLong(stamp.inode()).putLong(stamp.size())
                .putLong(stamp.modifiedSeconds()).putInt(stamp.modifiedNanos())
                .putLong(stamp.changedSeconds()).putInt(stamp.changedNanos());
        sha.update(fields.array());
        return new Key(sha.digest(), 0);
    }

    /** A key's digest begun with what both kinds share: the context, the settings and the name, each length-prefixed. */
    private java.security.MessageDigest keyStart(String name, LintOptions.Choice settings) {
        java.security.MessageDigest sha = sha();
        sha.update(contextDigest);
        byte[] settingsBytes = settingsText(settings);
        updateLength(sha, settingsBytes.length);
        sha.update(settingsBytes);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        updateLength(sha, nameBytes.length); // no name runs into what follows
        sha.update(nameBytes);
        return sha;
    }

    /** The text of a choice in keys, made once for the choice most inputs share. */
    private byte[] settingsText(LintOptions.Choice settings) {
        ChoiceText last = lastChoice;
        if (last == null || last.choice() != settings) {
            last = new ChoiceText(settings, settings(settings).getBytes(StandardCharsets.UTF_8));
            lastChoice = last;
        }
        return last.text();
    }

    /** Whether a result is stored under {@code key} (read by the look-ahead, which then skips the file). */
    boolean has(Key key) {
        return find(key) != null;
    }

    /** The result the segments read hold under {@code key}, the newest segment's first; null when none does. */
    private Stored find(Key key) {
        for (Segment segment : known) {
            Stored stored = segment.find(key);
            if (stored != null) {
                return stored;
            }
        }
        return null;
    }

    /**
     * Records {@code stampKey} as a second key of the result stored under {@code contentKey} (found
     * or linted in this run): the next run finds it without reading the file.
     */
    void alias(Key stampKey, Key contentKey) {
        Stored stored = added.get(contentKey);
        if (stored == null) {
            stored = find(contentKey);
        }
        if (stored != null && !has(stampKey)) {
            added.put(stampKey, stored);
        }
    }

    private static void updateLength(java.security.MessageDigest sha, int length) {
        sha.update((byte) (length >>> 24));
        sha.update((byte) (length >>> 16));
        sha.update((byte) (length >>> 8));
        sha.update((byte) length);
    }

    /** The result cached under a {@link #stampKey}, or null on a miss; a hit is counted as one not read. */
    Result getByStamp(Key key) {
        Result r = get(key);
        if (r != null) {
            unread.incrementAndGet();
        }
        return r;
    }

    /** The result cached under {@code key}, or null on a miss. */
    Result get(Key key) {
        Stored stored = find(key);
        Result r = stored == null ? null : decode(stored);
        if (r != null) {
            used.put(key, stored);
            hits.incrementAndGet();
        }
        return r;
    }

    /** The findings of a hit, as the formats expect them; null for a file that was skipped. */
    static FileLint replay(String file, Result r) {
        if (r.kind() == null) {
            return null;
        }
        SourceFile source = null;
        if (!r.redactedLines().isEmpty()) {
            // Only the lines that diagnostics point at, already redacted, at their line numbers.
            StringBuilder text = new StringBuilder();
            int line = 1;
            for (Map.Entry<Integer, String> e : new TreeMap<>(r.redactedLines()).entrySet()) {
                for (; line < e.getKey(); line++) {
                    text.append('\n');
                }
                text.append(e.getValue());
            }
            source = new SourceFile(file, text.toString());
        }
        return new FileLint(file, r.kind(), r.diagnostics(), null, source);
    }

    /** Records the result of a miss (null: the file was skipped). */
    void put(Key key, FileLint lint) {
        linted.incrementAndGet();
        if (lint != null && lint.diagnostics().stream().anyMatch(d -> d.fix() != null)) {
            // A fix's edits carry text of the file (a value to quote, a line to move), which the cache
            // never stores; a replay without them would drop the report's fixes (SARIF "fixes").
            // Such a file is linted again on every run.
            return;
        }
        Result r;
        if (lint == null) {
            r = new Result(null, List.of(), Map.of());
        } else {
            Map<Integer, String> redacted = new TreeMap<>();
            if (lint.source() != null) {
                for (Diagnostic d : lint.diagnostics()) {
                    String line = lint.source().line(d.line());
                    if (!line.isEmpty()) {
                        redacted.put(d.line(), lint.redact(line));
                    }
                }
            }
            r = new Result(lint.kind(), List.copyOf(lint.diagnostics()), redacted);
        }
        added.put(key, new Stored(encode(r)));
    }

    /**
     * Writes this run's new results as a segment, merging when the bounds ask for it, and prunes
     * old contexts. A failure only costs the next run its hits: the cache never decides a verdict.
     */
    void save() throws IOException {
        boolean merge = untrusted || segmentsRead.size() + 1 > MAX_SEGMENTS || knownEntries + added.size() > MAX_ENTRIES;
        if (added.isEmpty() && !merge) {
            return;
        }
        Map<Key, Stored> out = new LinkedHashMap<>(added);
        if (merge) {
            used.forEach(out::putIfAbsent);
            for (Segment segment : known) {
                segment.forEach((key, stored) -> {
                    if (out.size() < MAX_ENTRIES) {
                        out.putIfAbsent(key, stored);
                    }
                });
            }
        }
        Path temp = Files.createTempFile(contextDir, ".seg-", ".tmp");
        try {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                writeSegment(file, out);
            }
            // A name that sorts after every older segment, so that readers meet newer results last.
            String name = String.format("seg-%016x-%s.bin", System.currentTimeMillis(), temp.getFileName().toString().replaceAll("[^A-Za-z0-9]", ""));
            Files.move(temp, contextDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        if (merge) {
            for (Path segment : segmentsRead) {
                Files.deleteIfExists(segment);
            }
        }
        deleteStaleTemporaries();
        pruneContexts();
    }

    private void writeSegment(OutputStream file, Map<Key, Stored> entries) throws IOException {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        DataOutputStream out = new DataOutputStream(new java.util.zip.CheckedOutputStream(file, crc));
        out.writeUTF(MAGIC);
        writeLong(out, context);
        out.writeInt(entries.size());
        List<Map.Entry<Key, Stored>> sorted = new ArrayList<>(entries.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        for (Map.Entry<Key, Stored> e : sorted) {
            e.getKey().writeTo(out);
        }
        int end = 0;
        for (Map.Entry<Key, Stored> e : sorted) {
            end += e.getValue().length();
            out.writeInt(end);
        }
        for (Map.Entry<Key, Stored> e : sorted) {
            Stored stored = e.getValue();
            out.write(stored.buffer(), stored.offset(), stored.length());
        }
        out.flush();
        new DataOutputStream(file).writeInt((int) crc.getValue());
    }

    /** Temporary files of runs that died before their rename. */
    private void deleteStaleTemporaries() throws IOException {
        Instant before = Instant.now().minus(STALE_TEMP);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(contextDir, ".{seg,run}-*.tmp")) {
            for (Path temp : temps) {
                // The glob also matches names launchc never gives (.run-notes.tmp): only its own go.
                if (!Names.SEGMENT_NAME.matcher(temp.getFileName().toString()).matches()) {
                    continue;
                }
                try {
                    if (Files.getLastModifiedTime(temp, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)) {
                        Files.deleteIfExists(temp);
                    }
                } catch (NoSuchFileException e) {
                    // Another run got there first.
                }
            }
        }
    }

    /** Keeps the {@link #MAX_CONTEXTS} most recently used contexts; deletes only launchc's own files. */
    private void pruneContexts() throws IOException {
        Path root = contextDir.getParent();
        List<Path> contexts = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "ctx-*")) {
            for (Path dir : dirs) {
                if (Names.CONTEXT_NAME.matcher(dir.getFileName().toString()).matches() && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    contexts.add(dir);
                }
            }
        }
        if (contexts.size() <= MAX_CONTEXTS) {
            return;
        }
        Map<Path, FileTime> used = new java.util.HashMap<>();
        for (Path dir : contexts) {
            used.put(dir, Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS));
        }
        contexts.sort(Comparator.comparing(used::get));
        for (Path dir : contexts.subList(0, contexts.size() - MAX_CONTEXTS)) {
            if (dir.equals(contextDir)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    if (Names.SEGMENT_NAME.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(f);
                    }
                }
            } catch (NoSuchFileException e) {
                continue;
            }
            try {
                Files.deleteIfExists(dir);
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // Something that is not ours, or a concurrent run's new segment: leave it.
            }
        }
    }

    /** The inputs replayed (a file named twice counts twice, as {@link #unread} and {@link #misses} do). */
    int hits() {
        return hits.get();
    }

    /** The hits found by their files' stamps, without reading the files. */
    int unread() {
        return unread.get();
    }

    int misses() {
        return linted.get();
    }

    // writeUTF takes at most 65,535 bytes: messages, hints and lines may be longer.
    private static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLong(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (64 << 20)) {
            throw new IOException("bad length");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeNullableLong(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeLong(out, s);
        }
    }

    private static String readNullableLong(DataInputStream in) throws IOException {
        return in.readBoolean() ? readLong(in) : null;
    }

    /** A digest per thread: looking the algorithm up for each of thousands of files costs more than hashing them. */
    private static final ThreadLocal<java.security.MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static java.security.MessageDigest sha() {
        java.security.MessageDigest sha = SHA256.get();
        sha.reset();
        return sha;
    }
}
