package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    @Test
    void aFifoIsNeverLinted() throws IOException, InterruptedException {
        Path fifo = tmp.resolve("pipe.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        Files.writeString(tmp.resolve("node.yaml"), "version: 0.2.0\n");
        assertEquals(List.of("node.yaml"), walked());
    }
}
