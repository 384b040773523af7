package dev.launchc.fuzz.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.compile.ArgsFileEditor;
import dev.launchc.compile.NodeCompiler;
import dev.launchc.diag.Code;
import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Severity;
import dev.launchc.fuzz.FuzzSupport;
import dev.launchc.lint.FileLint;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.ArgsLines;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.plan.FileContent;
import dev.launchc.plan.NodePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of MicroK8s' args-file update as launchc reproduces it (ArgsFileEditor, through lint
 * and NodeCompiler): applying the same entries twice changes nothing, and no value can add a line.
 */
class ArgsFilePropertiesTest {
    static final List<Track> TRACKS = FuzzSupport.TRACKS;

    /** A track's default args or env file, as the node has it before the launch config. */
    record DefaultFile(Track track, ServiceFile file) {
        String content() {
            return track.defaultArgs().get(file.fileName());
        }
    }

    @Provide
    Arbitrary<DefaultFile> defaultFiles() {
        List<DefaultFile> all = new ArrayList<>();
        for (Track t : TRACKS) {
            for (ServiceFile f : ServiceFile.values()) {
                all.add(new DefaultFile(t, f));
            }
        }
        return Arbitraries.of(all);
    }

    /** Keys as lint accepts them: a flag name, or an env name; some are already in the default files. */
    @Provide
    Arbitrary<List<ArgEntry>> entries() {
        Arbitrary<String> key = Arbitraries.oneOf(
                Arbitraries.of("--max-pods", "--cluster-dns", "--node-labels", "--config", "--root", "--v", "-l",
                        "--leader-elect", "--kubeconfig", "HTTPS_PROXY", "NO_PROXY", "IPv4_SUPPORT", "CNI"),
                Arbitraries.strings().withCharRange('a', 'z').withChars('-').ofMinLength(1).ofMaxLength(12).map(s -> "--" + s));
        Arbitrary<String> value = Arbitraries.oneOf(Hostile.oneLineValues(), Arbitraries.of("110", "true", "a=b", " padded "));
        Arbitrary<ArgEntry> entry = Combinators.combine(key, value.injectNull(0.15))
                .as((k, v) -> new ArgEntry(k, v, "/x/" + k));
        return entry.list().ofMinSize(1).ofMaxSize(8);
    }

    /**
     * Applying the same seed twice changes nothing, as in MicroK8s: the second apply gives the same
     * content, and counts the file as unchanged unless a value holds '=' or blanks at its ends, which
     * MicroK8s' cluster agent compares after cutting them off (it restarts the service again, with
     * the very same file). Values with line breaks are LC1010 errors; see the next property.
     */
    @Property(tries = 2000)
    void applyingTheSameEntriesTwiceChangesNothing(@ForAll("defaultFiles") DefaultFile file,
            @ForAll("entries") List<ArgEntry> entries) {
        ArgsFileEditor.Result once = ArgsFileEditor.apply(file.content(), entries);
        ArgsFileEditor.Result twice = ArgsFileEditor.apply(once.content(), entries);
        assertEquals(once.content(), twice.content(), "a second apply changed the file");
        boolean quirk = entries.stream().anyMatch(e -> e.value() != null && isSetLast(entries, e)
                && (e.value().indexOf('=') >= 0 || !e.value().equals(e.value().strip())));
        Statistics.label("agent counts the second apply as a change (value with '=' or end blanks)").collect(quirk);
        if (!quirk) {
            assertFalse(twice.changed(), "a second apply counted as a change: " + entries);
        }
        ArgsFileEditor.Result thrice = ArgsFileEditor.apply(twice.content(), entries);
        assertEquals(once.content(), thrice.content());
    }

    private static boolean isSetLast(List<ArgEntry> entries, ArgEntry e) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).key().equals(e.key())) {
                return entries.get(i) == e;
            }
        }
        return false;
    }

    /** One new key in each kind of file MicroK8s reads differently, set to the same value. */
    static final Map<String, String> NEW_KEYS = Map.of(
            "extraContainerdArgs", "--log-level",
            "extraContainerdEnv", "HTTPS_PROXY",
            "extraKubeletArgs", "--max-open-files",
            "extraDqliteArgs", "--watch-storage-available-size-interval");
    static final Map<String, String> FILES = Map.of(
            "extraContainerdArgs", "containerd",
            "extraContainerdEnv", "containerd-env",
            "extraKubeletArgs", "kubelet",
            "extraDqliteArgs", "k8s-dqlite");

    /**
     * No input value can add an extra flag line: lint rejects a value with a line break (LC1010,
     * an error by default), and whatever lint lets through compiles to the default file plus
     * exactly one line per new key, {@code key=value}.
     */
    @Property(tries = 600)
    void noValueCanAddALineToAnArgsFile(@ForAll("values") String value, @ForAll("sections") String section) {
        Track track = FuzzSupport.NEWEST;
        String key = NEW_KEYS.get(section);
        String yaml = "version: 0.2.0\n" + section + ":\n  " + FuzzSupport.q(key) + ": " + FuzzSupport.q(value) + "\n";
        FileLint lint = FuzzSupport.lint("args.yaml", yaml, Mode.DEFAULT, track);
        boolean lineBreak = Hostile.hasLineBreak(value);
        boolean lc1010 = lint.diagnostics().stream()
                .anyMatch(d -> d.code().equals(Code.VALUE_HAS_LINE_BREAK.id()) && d.severity() == Severity.ERROR);
        assertEquals(lineBreak, lc1010, () -> "LC1010 must be reported exactly for line breaks: " + lint.diagnostics());
        if (lint.hasErrors()) {
            Statistics.label("outcome").collect(lineBreak ? "rejected: LC1010" : "rejected: " + codes(lint.diagnostics()));
            return;
        }
        Statistics.label("outcome").collect("compiled");
        NodePlan plan = NodeCompiler.compile("local", lint.config(), track);
        String file = FILES.get(section);
        String before = track.defaultArgs().get(file);
        String after = ((FileContent.Text) plan.files().get("args/" + file).content()).text();
        List<String> old = lines(before);
        List<String> now = lines(after);
        assertEquals(old.size() + 1, now.size(), () -> "args/" + file + " did not get exactly one more line:\n" + after);
        assertEquals(old, now.subList(0, old.size()), "the default lines are kept as they were");
        assertEquals((key + "=" + value).strip(), now.get(now.size() - 1));
        assertTrue(now.stream().filter(l -> ArgsLines.keyOf(l).equals(key)).count() == 1);
    }

    @Provide
    Arbitrary<String> values() {
        return Hostile.values();
    }

    @Provide
    Arbitrary<String> sections() {
        return Arbitraries.of(NEW_KEYS.keySet().stream().sorted().toList());
    }

    private static List<String> lines(String content) {
        List<String> out = new ArrayList<>();
        for (String l : content.split("\n", -1)) {
            if (!l.strip().isEmpty()) {
                out.add(l.strip());
            }
        }
        return out;
    }

    private static String codes(List<Diagnostic> diagnostics) {
        return String.join(",", diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).map(Diagnostic::code)
                .distinct().sorted().toList());
    }

    static {
        // Fail early with a clear message if the catalog changes under these properties.
        Track t = Catalog.get().track(Catalog.get().newestTrack()).orElseThrow();
        for (String f : FILES.values()) {
            if (!t.defaultArgs().containsKey(f)) {
                throw new IllegalStateException("no default args/" + f + " on " + t.name());
            }
        }
    }
}
