package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review of the DirectoryStream walk (Inputs.walk): on an awkward tree it finds the same files in
 * the same order as the walk it replaced, {@code Files.find(root, MAX_VALUE, regular YAML or a link
 * to one).sorted()}. (Run as root: unreadable folders cannot be tested here.)
 */
class InputsWalkOracleTest {
    @TempDir
    Path tmp;

    private static List<String> oracle(Path root) throws IOException {
        try (Stream<Path> found = Files.find(root, Integer.MAX_VALUE, (f, own) -> {
            String n = f.getFileName().toString();
            return (n.endsWith(".yaml") || n.endsWith(".yml")) && (own.isRegularFile() || own.isSymbolicLink() && Files.isRegularFile(f));
        })) {
            return found.sorted().map(Path::toString).toList();
        }
    }

    private static List<String> walked(Path root) {
        return Inputs.collect(List.of(root.toString())).stream().map(Inputs.Input::name).toList();
    }

    private static void sh(String script, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).inheritIO().start();
        assertEquals(0, p.waitFor(), script);
    }

    @Test
    void anAwkwardTreeIsWalkedAsFilesFindSortedWalkedIt() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("tree"));
        // Names that sort differently as text and as bytes, spaces, a newline, a name that is no UTF-8,
        // a folder named like YAML, a link loop, links to a folder, to a file, to nothing, a FIFO.
        sh("set -e; mkdir -p a/b/c 'sp ace' x.yaml/in Z é;"
                + " for f in a.yaml a/b.yml a/b/c/d.yaml 'sp ace/e f.yaml' x.yaml/in/g.yaml Z/h.yaml é/i.yaml 'nl"
                + "\n.yaml' A.yaml _.yaml a-b.yaml a.b.yaml ab.yaml ~.yaml; do echo 'version: 0.2.0' > \"$f\"; done;"
                + " echo 'version: 0.2.0' > \"$(printf 'raw\\377.yaml')\"; echo 'version: 0.2.0' > \"$(printf 'a/\\351t\\351.yaml')\";"
                + " ln -s .. a/b/loop; ln -s ../a a/back; ln -s a.yaml link.yaml; ln -s nowhere dangling.yaml;"
                + " ln -s a linkdir.yaml; mkfifo fifo.yaml; touch notyaml.txt", root);
        // deep
        Path deep = root;
        for (int i = 0; i < 120; i++) {
            deep = deep.resolve("d" + (i % 10));
        }
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("deep.yaml"), "version: 0.2.0\n");
        List<String> expected = oracle(root);
        assertTrue(expected.size() >= 17, expected.toString());
        assertEquals(expected, walked(root));
        // All-ASCII (sorted as text) too: the same order as the bytes.
        Path ascii = Files.createDirectories(tmp.resolve("ascii"));
        sh("set -e; mkdir -p a/b 'a b' a-b a.b A _ '~';"
                + " for f in a.yaml a/x.yaml a/b/x.yaml 'a b/x.yaml' a-b/x.yaml a.b/x.yaml A/x.yaml _/x.yaml '~/x.yaml'"
                + " a0.yaml 'a .yaml' 'a\n.yaml'; do echo x > \"$f\"; done", ascii);
        assertEquals(oracle(ascii), walked(ascii));
    }

    @Test
    void aRootNamedThroughALinkIsWalkedUnderTheLinksName() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real/sub"));
        Files.writeString(real.resolve("n.yaml"), "version: 0.2.0\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("real"));
        assertEquals(List.of(link.resolve("sub/n.yaml").toString()), walked(link));
        assertEquals(List.of(link.resolve("sub/n.yaml").toString()),
                Inputs.collect(List.of(link + "/")).stream().map(Inputs.Input::name).toList());
    }
}
