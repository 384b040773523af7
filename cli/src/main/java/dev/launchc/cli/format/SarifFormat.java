package dev.launchc.cli.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Severity;
import dev.launchc.lint.FileLint;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SARIF 2.1.0, as GitHub code scanning accepts it: one run, one rule per code that occurs, one
 * result per finding with a physical location (line and column at least 1), and an artifact per
 * input file. The output holds no timestamps or absolute paths of its own, so it is the same on
 * every run and machine.
 */
public final class SarifFormat implements ReportFormat {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://launchc.dev";
    /** The uriBaseId of relative artifact locations: the checkout root, as GitHub code scanning expects. */
    static final String SRCROOT = "%SRCROOT%";
    /** The key under partialFingerprints; bump the version if the hashed fields ever change. */
    static final String FINGERPRINT_KEY = "launchc/v1";

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private final String version;

    public SarifFormat() {
        this(toolVersion());
    }

    /** With an explicit tool version, for tests. */
    public SarifFormat(String version) {
        this.version = version;
    }

    @Override
    public String render(List<FileLint> results) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();

        // Rules: every code that occurs, sorted by id so that ruleIndex does not depend on input order.
        Map<String, Integer> ruleIndex = new HashMap<>();
        TreeMap<String, Optional<Code>> used = new TreeMap<>();
        for (FileLint r : results) {
            for (Diagnostic d : r.diagnostics()) {
                used.computeIfAbsent(d.code(), Code::byId);
            }
        }
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "launchc");
        driver.put("informationUri", INFORMATION_URI);
        driver.put("version", version);
        driver.put("semanticVersion", version);
        ArrayNode rules = driver.putArray("rules");
        for (Map.Entry<String, Optional<Code>> e : used.entrySet()) {
            ruleIndex.put(e.getKey(), rules.size());
            rules.add(rule(e.getKey(), e.getValue().orElse(null)));
        }

        // Artifacts: each input file once, in input order.
        Map<String, Integer> artifactIndex = new LinkedHashMap<>();
        ArrayNode artifacts = run.putArray("artifacts");
        for (FileLint r : results) {
            artifactIndex.computeIfAbsent(r.file(), f -> {
                artifactLocation(artifacts.addObject().putObject("location"), f, -1);
                return artifacts.size() - 1;
            });
        }

        ArrayNode out = run.putArray("results");
        for (FileLint r : results) {
            Map<String, Integer> seen = new HashMap<>();
            for (Diagnostic d : r.diagnostics()) {
                out.add(result(d, r.file(), ruleIndex.get(d.code()), artifactIndex.get(r.file()), seen));
            }
        }
        run.put("columnKind", "unicodeCodePoints");
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode rule(String id, Code code) {
        ObjectNode rule = MAPPER.createObjectNode();
        rule.put("id", id);
        if (code == null) {
            // A code the enum does not know (should not happen): the id alone is a valid descriptor.
            return rule;
        }
        rule.put("name", camelCase(code.name()));
        rule.putObject("shortDescription").put("text", code.title());
        String explanation = code.explanation();
        ObjectNode full = rule.putObject("fullDescription");
        full.put("text", explanation);
        full.put("markdown", explanation);
        rule.putObject("defaultConfiguration").put("level", level(code.defaultSeverity()));
        ObjectNode help = rule.putObject("help");
        help.put("text", explanation);
        help.put("markdown", explanation);
        rule.put("helpUri", Code.helpUri(id));
        return rule;
    }

    private static ObjectNode result(Diagnostic d, String file, Integer ruleIndex, int artifactIndex,
            Map<String, Integer> seen) {
        ObjectNode res = MAPPER.createObjectNode();
        res.put("ruleId", d.code());
        if (ruleIndex != null) {
            res.put("ruleIndex", ruleIndex);
        }
        res.put("level", level(d.severity()));
        String message = d.message() == null || d.message().isEmpty() ? d.code() : d.message();
        // GitHub code scanning shows the message, not the properties: the hint goes into it too.
        res.putObject("message").put("text", d.hint() == null ? message : message + "\nHint: " + d.hint());
        ObjectNode physical = res.putArray("locations").addObject().putObject("physicalLocation");
        // The finding's own file is the file of its FileLint; they are the same in practice.
        String where = d.file() == null ? file : d.file();
        artifactLocation(physical.putObject("artifactLocation"), where, where.equals(file) ? artifactIndex : -1);
        ObjectNode region = physical.putObject("region");
        region.put("startLine", Math.max(1, d.line()));
        region.put("startColumn", Math.max(1, d.column()));
        String path = d.path() == null ? "" : d.path();
        String hash = fingerprint(d.code(), uriPath(where), path);
        // Two findings with the same code at the same path of a file get distinct fingerprints, the
        // way GitHub's own line hashes count occurrences.
        int occurrence = seen.merge(hash, 1, Integer::sum);
        res.putObject("partialFingerprints").put(FINGERPRINT_KEY, hash + ":" + occurrence);
        if (d.fix() != null) {
            fix(res.putArray("fixes").addObject(), d.fix(), where, where.equals(file) ? artifactIndex : -1);
        }
        ObjectNode props = res.putObject("properties");
        props.put("path", path);
        if (d.hint() != null) {
            props.put("hint", d.hint());
        }
        return res;
    }

    /** A SARIF fix: one artifactChange with a replacement per edit; an insertion deletes an empty region. */
    private static void fix(ObjectNode node, dev.launchc.diag.Fix fix, String file, int artifactIndex) {
        node.putObject("description").put("text", fix.description());
        ObjectNode change = node.putArray("artifactChanges").addObject();
        artifactLocation(change.putObject("artifactLocation"), file, artifactIndex);
        ArrayNode replacements = change.putArray("replacements");
        for (dev.launchc.diag.Fix.Edit edit : fix.edits()) {
            ObjectNode replacement = replacements.addObject();
            ObjectNode deleted = replacement.putObject("deletedRegion");
            deleted.put("startLine", edit.start().line());
            deleted.put("startColumn", edit.start().column());
            deleted.put("endLine", edit.end().line());
            deleted.put("endColumn", edit.end().column());
            replacement.putObject("insertedContent").put("text", edit.text());
        }
    }

    static void artifactLocation(ObjectNode loc, String file, int index) {
        String uri = uri(file);
        loc.put("uri", uri);
        if (!isAbsolute(uri)) {
            loc.put("uriBaseId", SRCROOT);
        }
        if (index >= 0) {
            loc.put("index", index);
        }
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** YAML11_BOOLEAN → yaml11Boolean. */
    static String camelCase(String enumName) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : enumName.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = sb.length() > 0;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /**
     * The artifact URI of a file name as the user gave it: separators become '/', a leading "./"
     * goes, and everything but unreserved characters and '/' is percent-encoded as UTF-8, so that the
     * result is a valid relative reference. Absolute names become file: URIs.
     */
    static String uri(String file) {
        return uri(file, File.separatorChar);
    }

    static String uri(String file, char separator) {
        String p = uriPath(file, separator);
        if (p.startsWith("//")) {
            return "file:" + escape(p); // UNC: //server/share/…
        }
        if (p.startsWith("/")) {
            return "file://" + escape(p);
        }
        if (p.length() >= 2 && p.charAt(1) == ':' && isAsciiLetter(p.charAt(0))
                && (p.length() == 2 || p.charAt(2) == '/') && separator == '\\') {
            return "file:///" + p.substring(0, 2) + escape(p.substring(2)); // C:/…
        }
        return escape(p);
    }

    private static String uriPath(String file) {
        return uriPath(file, File.separatorChar);
    }

    private static String uriPath(String file, char separator) {
        String p = separator == '/' ? file : file.replace(separator, '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }

    private static boolean isAbsolute(String uri) {
        return uri.startsWith("file:");
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String escape(String path) {
        StringBuilder sb = new StringBuilder();
        // Lone surrogates encode as '?', which is then escaped like any other reserved character.
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
            if (keep) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    /** SHA-256 over code, file and JSON pointer, NUL-separated so that no two triples collide. */
    static String fingerprint(String code, String file, String path) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] digest = md.digest((code + '\0' + file + '\0' + path).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String toolVersion() {
        String v = SarifFormat.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }
}
