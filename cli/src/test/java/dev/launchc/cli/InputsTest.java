package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a directory walk lints: YAML files, also through a link to one; nothing that is not a regular file. */
class InputsTest {
    @TempDir
    Path tmp;

    private List<String> walked() {
        List<Inputs.Input> inputs = Inputs.collect(List.of(tmp.toString()));
        inputs.forEach(in -> assertEquals(true, in.walked(), in.name()));
        return inputs.stream().map(in -> tmp.relativize(in.path()).toString()).toList();
    }

    @Test
    void yamlFilesInNameOrderAtEveryDepth() throws IOException {
        Files.createDirectories(tmp.resolve("b/deeper"));
        Files.writeString(tmp.resolve("b/deeper/node.yml"), "version: 0.2.0\n");
        Files.writeString(tmp.resolve("a.yaml"), "version: 0.2.0\n");
        Files.writeString(tmp.resolve("c.yaml"), "version: 0.2.0\n");
        Files.writeString(tmp.resolve("notes.txt"), "version: 0.2.0\n");
        Files.writeString(tmp.resolve("yaml"), "version: 0.2.0\n");
        assertEquals(List.of("a.yaml", "b/deeper/node.yml", "c.yaml"), walked());
    }

    @Test
    void aLinkCountsWhenItLeadsToARegularFile() throws IOException {
        Path real = Files.writeString(tmp.resolve("real.yaml"), "version: 0.2.0\n");
        Files.createSymbolicLink(tmp.resolve("link.yaml"), real.getFileName());
        Files.createSymbolicLink(tmp.resolve("dangling.yaml"), tmp.resolve("gone.yaml"));
        Files.createDirectories(tmp.resolve("dir"));
        Files.createSymbolicLink(tmp.resolve("dir-link.yaml"), tmp.resolve("dir"));
        Files.createDirectories(tmp.resolve("folder.yaml"));
        assertEquals(List.of("link.yaml", "real.yaml"), walked());
    }

    @Test
    void aLinkToADirectoryIsNotFollowedButADirectoryNamedLikeYamlIsWalked() throws IOException {
        Files.createDirectories(tmp.resolve("dir"));
        Files.writeString(tmp.resolve("dir/inside.yaml"), "version: 0.2.0\n");
        Files.createSymbolicLink(tmp.resolve("linked-dir"), tmp.resolve("dir"));
        Files.createDirectories(tmp.resolve("folder.yaml"));
        Files.writeString(tmp.resolve("folder.yaml/node.yaml"), "version: 0.2.0\n");
        assertEquals(List.of("dir/inside.yaml", "folder.yaml/node.yaml"), walked());
    }

    /** By the whole path's bytes, as the JDK orders paths: '-' (0x2d) before '/' (0x2f) before '0' and letters. */
    @Test
    void theOrderIsThePathsAcrossDepths() throws IOException {
        Files.createDirectories(tmp.resolve("a/b"));
        for (String name : List.of("a0.yaml", "a/b/c.yaml", "a-b.yaml", "a/a.yaml", "A.yaml", "a/b.yaml", "a/c.yaml")) {
            Files.writeString(tmp.resolve(name), "version: 0.2.0\n");
        }
        assertEquals(List.of("A.yaml", "a-b.yaml", "a/a.yaml", "a/b.yaml", "a/b/c.yaml", "a/c.yaml", "a0.yaml"), walked());
    }

    /**
     * Beyond ASCII too: U+FF21 (UTF-8 EF BC A1) before U+1F600 (F0 9F 98 80), although Java's text
     * order (UTF-16: FF21 after D83D) puts them the other way round.
     */
    @Test
    void theOrderIsThePathsBytesBeyondAscii() throws IOException {
        assertEquals("UTF-8", System.getProperty("sun.jnu.encoding"), "file names are UTF-8 (LANG=C.UTF-8)");
        for (String name : List.of("\uD83D\uDE00.yaml", "\uFF21.yaml", "b.yaml")) {
            Files.writeString(tmp.resolve(name), "version: 0.2.0\n");
        }
        assertEquals(List.of("b.yaml", "\uFF21.yaml", "\uD83D\uDE00.yaml"), walked());
    }

    @Test
    void aFifoIsNeverLinted() throws IOException, InterruptedException {
        Path fifo = tmp.resolve("pipe.yaml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo");
        Files.writeString(tmp.resolve("node.yaml"), "version: 0.2.0\n");
        assertEquals(List.of("node.yaml"), walked());
    }

    /**
     * A folder named on the command line through a link is walked (a link below it is not): the
     * JDK's walk did not follow it, and "0 files, 0 errors" passed a whole fleet unlinted.
     */
    @Test
    void aLinkNamedOnTheCommandLineIsWalked() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("configs"));
        Files.writeString(dir.resolve("node.yaml"), "version: 0.2.0\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), dir);
        List<Inputs.Input> inputs = Inputs.collect(List.of(link.toString()));
        assertEquals(List.of(link.resolve("node.yaml").toString()), inputs.stream().map(Inputs.Input::name).toList());
        assertTrue(CliRun.of("lint", link.toString()).out().contains("1 file,"));
    }
}
