package dev.launchc.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Severity;
import dev.launchc.lint.FileLint;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

class JunitFormatTest {
    private static final String HOSTILE = "bad ]]> <tag attr=\"x\"> & &amp; 'q' \u0000 nul \u001b[31m red"
            + "\nforged.yaml:1:1: error: forged [LC0000]";

    private static Diagnostic diag(String code, Severity sev, String msg, String file, int line, int col, String hint) {
        return new Diagnostic(code, sev, msg, file, line, col, "/p", hint);
    }

    private static FileLint lint(String file, Diagnostic... ds) {
        return new FileLint(file, "native", List.of(ds), null, null);
    }

    private static List<FileLint> sample() {
        String evil = "evil]]>&<\"'\u0000\u001b.yaml";
        return List.of(
                lint("clean.yaml"),
                lint("a.yaml",
                        diag("LC1003", Severity.ERROR, "unknown kubelet flag --clster-dns", "a.yaml", 5, 3,
                                "did you mean --cluster-dns?"),
                        diag("LC2001", Severity.WARNING, "deprecated alias", "a.yaml", 7, 1, null),
                        diag("LC1002", Severity.ERROR, "unknown key 'x'", "a.yaml", 9, 2, null)),
                lint("warn.yaml",
                        diag("LC2001", Severity.WARNING, "addon alias 'gpu' is deprecated", "warn.yaml", 4, 5, "use nvidia"),
                        diag("LC2006", Severity.INFO, "'yes' is a YAML 1.1 boolean", "warn.yaml", 6, 9, null)),
                lint(evil, diag("LC1002", Severity.ERROR, HOSTILE, evil, 2, 4, HOSTILE)));
    }

    /** A strict, non-validating parser that refuses DOCTYPEs; throws on any well-formedness error. */
    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setNamespaceAware(true);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void warning(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element testcase(Document doc, int i) {
        return (Element) doc.getElementsByTagName("testcase").item(i);
    }

    private static Element child(Element e, String name) {
        NodeList l = e.getElementsByTagName(name);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    @Test
    void oneTestcasePerFileWithCounts() throws Exception {
        Document doc = parse(new JunitFormat().render(sample()));
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("launchc", root.getAttribute("name"));
        assertEquals("4", root.getAttribute("tests"));
        assertEquals("2", root.getAttribute("failures"));
        assertEquals("0", root.getAttribute("errors"));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(1, suites.getLength());
        Element suite = (Element) suites.item(0);
        assertEquals("launchc lint", suite.getAttribute("name"));
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));

        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength());
        for (int i = 0; i < cases.getLength(); i++) {
            assertEquals("launchc.lint", ((Element) cases.item(i)).getAttribute("classname"));
        }
        assertEquals("clean.yaml", testcase(doc, 0).getAttribute("name"));
        assertEquals("a.yaml", testcase(doc, 1).getAttribute("name"));
        assertEquals("warn.yaml", testcase(doc, 2).getAttribute("name"));
    }

    @Test
    void cleanFilePasses() throws Exception {
        Element clean = testcase(parse(new JunitFormat().render(sample())), 0);
        assertEquals(0, clean.getChildNodes().getLength());
    }

    @Test
    void fileWithErrorsFailsListingEveryFinding() throws Exception {
        Element a = testcase(parse(new JunitFormat().render(sample())), 1);
        Element failure = child(a, "failure");
        assertTrue(failure != null, "a.yaml should fail");
        assertEquals("2 errors", failure.getAttribute("message"));
        assertEquals("lint", failure.getAttribute("type"));
        assertEquals("a.yaml:5:3: error: unknown kubelet flag --clster-dns [LC1003]\n"
                + "  hint: did you mean --cluster-dns?\n"
                + "a.yaml:7:1: warning: deprecated alias [LC2001]\n"
                + "a.yaml:9:2: error: unknown key 'x' [LC1002]\n", failure.getTextContent());
        assertEquals("1 error", child(testcase(parse(new JunitFormat().render(sample())), 3), "failure")
                .getAttribute("message"));
    }

    @Test
    void warningsOnlyFilePassesWithSystemOut() throws Exception {
        Element w = testcase(parse(new JunitFormat().render(sample())), 2);
        assertEquals(null, child(w, "failure"));
        assertEquals("warn.yaml:4:5: warning: addon alias 'gpu' is deprecated [LC2001]\n"
                + "  hint: use nvidia\n"
                + "warn.yaml:6:9: info: 'yes' is a YAML 1.1 boolean [LC2006]\n", child(w, "system-out").getTextContent());
    }

    @Test
    void hostileTextIsEscapedAndCannotForgeLines() throws Exception {
        String xml = new JunitFormat().render(sample());
        // Raw form: nothing a parser would choke on, no CDATA terminator, no raw control characters.
        assertFalse(xml.contains("]]>"), "]]> must be escaped");
        assertFalse(xml.contains("\u0000"));
        assertFalse(xml.contains("\u001b"));
        assertFalse(xml.contains("<tag"));
        assertTrue(xml.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)), "output is printable ASCII");

        Document doc = parse(xml);
        Element evil = testcase(doc, 3);
        assertEquals("evil]]>&<\"'\\u0000\\u001b.yaml", evil.getAttribute("name"));
        String text = child(evil, "failure").getTextContent();
        assertTrue(text.contains("bad ]]> <tag attr=\"x\"> & &amp; 'q' \\u0000 nul \\u001b[31m red"), text);
        assertTrue(text.contains("\\u000aforged.yaml"), text);
        for (String line : text.split("\n")) {
            assertFalse(line.startsWith("forged.yaml"), "a message must not forge a report line: " + line);
        }
        assertEquals(2, text.split("\n").length, "one finding line and one hint line");
    }

    @Test
    void charactersXmlCannotHoldAreReplaced() throws Exception {
        String msg = "lone \uD800 surrogate, \uFFFE nonchar, pair 😀 kept, é kept, tab\tkept, del \u007f c1 \u0085";
        String xml = new JunitFormat().render(List.of(lint("f\uDC00\t\r.yaml",
                diag("LC1002", Severity.ERROR, msg, "f.yaml", 1, 1, null))));
        Document doc = parse(xml);
        Element tc = testcase(doc, 0);
        assertEquals("f\uFFFD\t\\u000d.yaml", tc.getAttribute("name"));
        String text = child(tc, "failure").getTextContent();
        assertTrue(text.contains("lone \uFFFD surrogate, \uFFFD nonchar, pair 😀 kept, é kept, tab\tkept,"
                + " del \\u007f c1 \\u0085"), text);
    }

    @Test
    void emptyRunAndDeterminism() throws Exception {
        String empty = new JunitFormat().render(List.of());
        Document doc = parse(empty);
        assertEquals("0", doc.getDocumentElement().getAttribute("tests"));
        assertEquals(0, doc.getElementsByTagName("testcase").getLength());
        assertEquals(1, doc.getElementsByTagName("testsuite").getLength());

        String one = new JunitFormat().render(sample());
        assertEquals(one, new JunitFormat().render(sample()));
        assertTrue(one.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "));
        assertTrue(one.endsWith("</testsuites>\n"));
        assertFalse(one.contains("timestamp") || one.contains("hostname") || one.contains("time="));
    }
}
