package dev.launchc.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Fix;
import dev.launchc.diag.Pos;
import dev.launchc.diag.Severity;
import dev.launchc.lint.FileLint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SarifFormatTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HOSTILE = "value \"quoted\" and 'single'\nsecond line\ttab \\ backslash"
            + " ünïcødé — ☃ 😀 \u0000 \u001b[31m </script> ]]>";

    /** Codes come from the enum so that a renumbering breaks the build, not the meaning of the test. */
    private static final Code INFO_CODE = Code.EMPTY_PART;
    private static final String FLAG = Code.UNKNOWN_FLAG.id();
    private static final String KEY = Code.UNKNOWN_KEY.id();
    private static final String WARN = Code.DEPRECATED_ADDON_ALIAS.id();

    private static JsonSchema schema;

    /** The schema is required: a missing file fails the suite rather than skipping validation. */
    @BeforeAll
    static void loadSchema() throws IOException {
        String repo = System.getProperty("launchc.repo");
        assertNotNull(repo, "system property launchc.repo is not set (surefire sets it to the repo root)");
        Path file = Path.of(repo).resolve("../shared/schemas/sarif-schema-2.1.0.json").normalize();
        assertTrue(Files.isRegularFile(file), "SARIF schema not found at " + file);
        JsonNode node = MAPPER.readTree(file.toFile());
        // The OASIS schema declares draft-04 ("$schema": ".../draft-04/schema#"); validate with that draft.
        SpecVersion.VersionFlag flag = SpecVersionDetector.detect(node);
        assertEquals(SpecVersion.VersionFlag.V4, flag, "SARIF 2.1.0 schema should declare draft-04");
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        schema = JsonSchemaFactory.getInstance(flag).getSchema(node, config);
    }

    private static Diagnostic diag(String code, Severity sev, String msg, String file, int line, int col, String path,
            String hint) {
        return new Diagnostic(code, sev, msg, file, line, col, path, hint);
    }

    private static FileLint lint(String file, Diagnostic... ds) {
        return new FileLint(file, "native", List.of(ds), null, null);
    }

    /** Three files: one clean, one with an error, a warning and a note, one with a hostile name and message. */
    private static List<FileLint> sample() {
        String odd = "./configs/my node #1 (ä).yaml";
        return List.of(
                lint("clean.yaml"),
                lint("a.yaml",
                        diag(FLAG, Severity.ERROR, "unknown kubelet flag --clster-dns", "a.yaml", 5, 3,
                                "/extraKubeletArgs/--clster-dns", "did you mean --cluster-dns?"),
                        diag(WARN, Severity.WARNING, "addon alias 'gpu' is deprecated", "a.yaml", 9, 5,
                                "/addons/1/name", "use nvidia"),
                        diag(INFO_CODE.id(), Severity.INFO, "empty document is skipped", "a.yaml", 12, 1,
                                "", null)),
                lint(odd,
                        diag(KEY, Severity.ERROR, HOSTILE, odd, 0, 0, "/a~1b/c~0d", HOSTILE),
                        diag(KEY, Severity.ERROR, "unknown key 'x'", odd, 3, 1, "/a~1b/c~0d", null)));
    }

    private static JsonNode render(List<FileLint> results) throws IOException {
        String out = new SarifFormat("1.2.3").render(results);
        return MAPPER.readTree(out);
    }

    private static void assertValid(JsonNode doc) {
        Set<ValidationMessage> errors = schema.validate(doc);
        assertTrue(errors.isEmpty(), () -> "SARIF does not validate: " + errors + "\n" + doc.toPrettyString());
    }

    @Test
    void validatesAgainstTheSarifSchema() throws IOException {
        assertValid(render(sample()));
    }

    /** A rename and an insertion: each finding's fix as artifactChanges with replacements, valid SARIF. */
    @Test
    void fixesBecomeSarifFixesAndValidate() throws IOException {
        Fix rename = Fix.replace("rename --clster-dns to --cluster-dns", new Pos(5, 3), "--clster-dns", "--cluster-dns");
        Fix insert = Fix.insert("add 10.153.183.1 to extraSANs", new Pos(8, 1), "  - 10.153.183.1\n");
        Diagnostic flag = new Diagnostic(FLAG, Severity.ERROR, "unknown kubelet flag --clster-dns", "a.yaml", 5, 3,
                "/extraKubeletArgs/--clster-dns", "did you mean --cluster-dns?", rename);
        Diagnostic san = new Diagnostic(WARN, Severity.WARNING, "first service address not in extraSANs", "a.yaml", 4, 22,
                "/extraCNIEnv/IPv4_SERVICE_CIDR", null, insert);
        JsonNode doc = render(List.of(lint("a.yaml", flag, san)));
        assertValid(doc);
        JsonNode first = doc.at("/runs/0/results/0/fixes/0");
        assertEquals("rename --clster-dns to --cluster-dns", first.at("/description/text").asText());
        assertEquals("a.yaml", first.at("/artifactChanges/0/artifactLocation/uri").asText());
        JsonNode replacement = first.at("/artifactChanges/0/replacements/0");
        assertEquals(5, replacement.at("/deletedRegion/startLine").asInt());
        assertEquals(3, replacement.at("/deletedRegion/startColumn").asInt());
        assertEquals(5, replacement.at("/deletedRegion/endLine").asInt());
        assertEquals(3 + "--clster-dns".length(), replacement.at("/deletedRegion/endColumn").asInt());
        assertEquals("--cluster-dns", replacement.at("/insertedContent/text").asText());
        JsonNode insertion = doc.at("/runs/0/results/1/fixes/0/artifactChanges/0/replacements/0");
        assertEquals(insertion.at("/deletedRegion/startColumn").asInt(), insertion.at("/deletedRegion/endColumn").asInt(),
                "an insertion deletes an empty region");
        assertEquals("  - 10.153.183.1\n", insertion.at("/insertedContent/text").asText());
        assertEquals("first service address not in extraSANs", doc.at("/runs/0/results/1/message/text").asText(),
                "no hint, no hint line");
        // A fix whose replacement lacks its required insertedContent or deletedRegion is not valid SARIF.
        ObjectNode broken = (ObjectNode) doc;
        ((ObjectNode) broken.at("/runs/0/results/0/fixes/0/artifactChanges/0")).remove("replacements");
        assertFalse(schema.validate(broken).isEmpty(), "an artifactChange without replacements should not validate");
    }

    @Test
    void emptyRunValidates() throws IOException {
        JsonNode doc = render(List.of());
        assertValid(doc);
        assertEquals(0, doc.at("/runs/0/results").size());
        assertEquals(0, doc.at("/runs/0/tool/driver/rules").size());
    }

    @Test
    void onlyCleanFilesValidate() throws IOException {
        JsonNode doc = render(List.of(lint("x.yaml"), lint("y.yml")));
        assertValid(doc);
        assertEquals(2, doc.at("/runs/0/artifacts").size());
        assertEquals(0, doc.at("/runs/0/results").size());
    }

    /** Guards against a validator that accepts everything (unresolved $refs, wrong draft). */
    @Test
    void schemaRejectsBrokenSarif() throws IOException {
        ObjectNode badLevel = (ObjectNode) render(sample());
        ((ObjectNode) badLevel.at("/runs/0/results/0")).put("level", "fatal");
        assertFalse(schema.validate(badLevel).isEmpty(), "level 'fatal' should not validate");

        ObjectNode badLine = (ObjectNode) render(sample());
        ((ObjectNode) badLine.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);
        assertFalse(schema.validate(badLine).isEmpty(), "startLine 0 should not validate");

        ObjectNode noVersion = (ObjectNode) render(sample());
        noVersion.remove("version");
        assertFalse(schema.validate(noVersion).isEmpty(), "a log without version should not validate");
    }

    @Test
    void header() throws IOException {
        JsonNode doc = render(sample());
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", doc.get("$schema").asText());
        assertEquals("2.1.0", doc.get("version").asText());
        assertEquals(1, doc.get("runs").size());
        JsonNode driver = doc.at("/runs/0/tool/driver");
        assertEquals("launchc", driver.get("name").asText());
        assertEquals("https://launchc.dev", driver.get("informationUri").asText());
        assertEquals("1.2.3", driver.get("version").asText());
        assertEquals("1.2.3", driver.get("semanticVersion").asText());
    }

    @Test
    void rulesListOnlyTheCodesThatOccur() throws IOException {
        JsonNode rules = render(sample()).at("/runs/0/tool/driver/rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.get("id").asText()));
        assertEquals(Stream.of(INFO_CODE.id(), KEY, FLAG, WARN).sorted().toList(), ids, "used codes, sorted by id");

        JsonNode flag = rule(rules, FLAG);
        assertEquals("unknownFlag", flag.get("name").asText());
        assertEquals(Code.UNKNOWN_FLAG.title(), flag.at("/shortDescription/text").asText());
        assertEquals(Code.UNKNOWN_FLAG.explanation(), flag.at("/fullDescription/text").asText());
        assertEquals(Code.UNKNOWN_FLAG.explanation(), flag.at("/fullDescription/markdown").asText());
        assertEquals(Code.UNKNOWN_FLAG.explanation(), flag.at("/help/text").asText());
        assertEquals(Code.UNKNOWN_FLAG.explanation(), flag.at("/help/markdown").asText());
        assertEquals("https://launchc.dev/docs/codes#" + FLAG, flag.get("helpUri").asText());
        assertEquals("error", flag.at("/defaultConfiguration/level").asText());
        assertEquals("warning", rule(rules, WARN).at("/defaultConfiguration/level").asText());
        assertEquals("note", rule(rules, INFO_CODE.id()).at("/defaultConfiguration/level").asText());
        assertEquals("emptyPart", rule(rules, INFO_CODE.id()).get("name").asText());
        assertEquals("unknownKey", rule(rules, KEY).get("name").asText());
    }

    private static JsonNode rule(JsonNode rules, String id) {
        for (JsonNode r : rules) {
            if (id.equals(r.get("id").asText())) {
                return r;
            }
        }
        return fail("no rule " + id);
    }

    @Test
    void resultsCarryRuleLevelLocationAndProperties() throws IOException {
        JsonNode doc = render(sample());
        JsonNode results = doc.at("/runs/0/results");
        assertEquals(5, results.size());
        JsonNode rules = doc.at("/runs/0/tool/driver/rules");

        JsonNode first = results.get(0);
        assertEquals(FLAG, first.get("ruleId").asText());
        assertEquals(FLAG, rules.get(first.get("ruleIndex").asInt()).get("id").asText());
        assertEquals("error", first.get("level").asText());
        // The hint is in the message too: GitHub code scanning shows the message, not the properties.
        assertEquals("unknown kubelet flag --clster-dns\nHint: did you mean --cluster-dns?", first.at("/message/text").asText());
        JsonNode loc = first.at("/locations/0/physicalLocation");
        assertEquals("a.yaml", loc.at("/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", loc.at("/artifactLocation/uriBaseId").asText());
        assertEquals(1, loc.at("/artifactLocation/index").asInt());
        assertEquals(5, loc.at("/region/startLine").asInt());
        assertEquals(3, loc.at("/region/startColumn").asInt());
        assertEquals("/extraKubeletArgs/--clster-dns", first.at("/properties/path").asText());
        assertEquals("did you mean --cluster-dns?", first.at("/properties/hint").asText());

        assertEquals("warning", results.get(1).get("level").asText());
        assertEquals("note", results.get(2).get("level").asText());
        assertTrue(results.get(2).at("/properties/hint").isMissingNode(), "no hint, no hint property");

        // Every result is rule-consistent and has a location GitHub accepts.
        for (JsonNode r : results) {
            assertEquals(r.get("ruleId").asText(), rules.get(r.get("ruleIndex").asInt()).get("id").asText());
            assertTrue(r.at("/locations/0/physicalLocation/region/startLine").asInt() >= 1);
            assertTrue(r.at("/locations/0/physicalLocation/region/startColumn").asInt() >= 1);
        }
    }

    @Test
    void hostileMessageSurvivesIntactAndPositionIsClamped() throws IOException {
        JsonNode r = render(sample()).at("/runs/0/results/3");
        assertEquals(HOSTILE + "\nHint: " + HOSTILE, r.at("/message/text").asText());
        assertEquals(HOSTILE, r.at("/properties/hint").asText());
        assertEquals("/a~1b/c~0d", r.at("/properties/path").asText());
        assertEquals(1, r.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals(1, r.at("/locations/0/physicalLocation/region/startColumn").asInt());
        assertEquals("configs/my%20node%20%231%20%28%C3%A4%29.yaml",
                r.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void artifactsListEachFileOnceInInputOrder() throws IOException {
        JsonNode artifacts = render(sample()).at("/runs/0/artifacts");
        List<String> uris = new ArrayList<>();
        artifacts.forEach(a -> uris.add(a.at("/location/uri").asText()));
        assertEquals(List.of("clean.yaml", "a.yaml", "configs/my%20node%20%231%20%28%C3%A4%29.yaml"), uris);
    }

    @Test
    void fingerprintsAreStableAndDistinct() throws IOException {
        JsonNode a = render(sample()).at("/runs/0/results");
        JsonNode b = render(sample()).at("/runs/0/results");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            String fp = a.get(i).at("/partialFingerprints/" + SarifFormat.FINGERPRINT_KEY.replace("/", "~1")).asText();
            assertFalse(fp.isEmpty());
            assertEquals(fp, b.get(i).at("/partialFingerprints/" + SarifFormat.FINGERPRINT_KEY.replace("/", "~1")).asText());
            assertTrue(seen.add(fp), "duplicate fingerprint " + fp);
        }
        // Same code, file and path: the hash is the same, the occurrence count tells them apart.
        String third = a.get(3).at("/partialFingerprints/launchc~1v1").asText();
        String fourth = a.get(4).at("/partialFingerprints/launchc~1v1").asText();
        assertEquals(third.substring(0, third.indexOf(':')), fourth.substring(0, fourth.indexOf(':')));
        assertNotEquals(third, fourth);
        // Position does not enter the fingerprint: moving a finding keeps its identity.
        Diagnostic d = diag(FLAG, Severity.ERROR, "m", "a.yaml", 5, 3, "/p", null);
        String before = render(List.of(lint("a.yaml", d))).at("/runs/0/results/0/partialFingerprints/launchc~1v1").asText();
        String after = render(List.of(lint("a.yaml", diag(FLAG, Severity.ERROR, "m2", "a.yaml", 40, 1, "/p", null))))
                .at("/runs/0/results/0/partialFingerprints/launchc~1v1").asText();
        assertEquals(before, after);
    }

    @Test
    void outputIsDeterministicPrettyAndEndsWithNewline() {
        String one = new SarifFormat("1.2.3").render(sample());
        String two = new SarifFormat("1.2.3").render(sample());
        assertEquals(one, two);
        assertTrue(one.endsWith("}\n"));
        assertFalse(one.contains("\r"), "line breaks are \\n on every platform");
        assertTrue(one.startsWith("{\n  \"$schema\": "), one.substring(0, Math.min(40, one.length())));
    }

    @Test
    void unknownCodeStillValidates() throws IOException {
        JsonNode doc = render(List.of(lint("z.yaml", diag("LC9999", Severity.ERROR, "", "z.yaml", 1, 1, "", null))));
        assertValid(doc);
        assertEquals("LC9999", doc.at("/runs/0/tool/driver/rules/0/id").asText());
        assertEquals("LC9999", doc.at("/runs/0/results/0/message/text").asText());
    }

    @Test
    void artifactUris() {
        assertEquals("a.yaml", SarifFormat.uri("a.yaml", '/'));
        assertEquals("dir/a.yaml", SarifFormat.uri("././dir/a.yaml", '/'));
        assertEquals("../up/a.yaml", SarifFormat.uri("../up/a.yaml", '/'));
        assertEquals("a%20b%23%25%3F.yaml", SarifFormat.uri("a b#%?.yaml", '/'));
        assertEquals("a%3Ab.yaml", SarifFormat.uri("a:b.yaml", '/'), "a colon must not read as a scheme");
        assertEquals("%C3%BCn%C3%AF.yaml", SarifFormat.uri("ünï.yaml", '/'));
        assertEquals("back%5Cslash.yaml", SarifFormat.uri("back\\slash.yaml", '/'));
        assertEquals("%3Cstdin%3E", SarifFormat.uri("<stdin>", '/'));
        assertEquals("file:///tmp/x%20y.yaml", SarifFormat.uri("/tmp/x y.yaml", '/'));
        assertEquals("sub/a.yaml", SarifFormat.uri("sub\\a.yaml", '\\'));
        assertEquals("sub/a.yaml", SarifFormat.uri(".\\sub\\a.yaml", '\\'));
        assertEquals("file:///C:/work/a.yaml", SarifFormat.uri("C:\\work\\a.yaml", '\\'));
        assertEquals("file://server/share/a.yaml", SarifFormat.uri("\\\\server\\share\\a.yaml", '\\'));
    }

    @Test
    void absolutePathsAreFileUrisWithoutBase() throws IOException {
        JsonNode doc = render(List.of(lint("/abs/dir/a.yaml",
                diag(FLAG, Severity.ERROR, "m", "/abs/dir/a.yaml", 2, 2, "/x", null))));
        assertValid(doc);
        JsonNode loc = doc.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
        assertEquals("file:///abs/dir/a.yaml", loc.get("uri").asText());
        assertTrue(loc.at("/uriBaseId").isMissingNode());
    }

    @Test
    void camelCaseNames() {
        assertEquals("yamlSyntax", SarifFormat.camelCase("YAML_SYNTAX"));
        assertEquals("yaml11Boolean", SarifFormat.camelCase("YAML11_BOOLEAN"));
        assertEquals("cniEnvAfterInstall", SarifFormat.camelCase("CNI_ENV_AFTER_INSTALL"));
        for (Code c : Code.values()) {
            if (!SarifFormat.camelCase(c.name()).matches("[a-z][A-Za-z0-9]*")) {
                fail("not camelCase: " + c.name());
            }
        }
    }
}
