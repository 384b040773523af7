package dev.launchc.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden files for every example: lint output (text and JSON, default and --compat) and, for
 * examples that compile, the whole output tree with modes.
 */
class ExampleGoldenTest {
    @TempDir
    Path tmp;

    static List<Path> examples() throws IOException {
        List<Path> out = new ArrayList<>();
        Path shared = Golden.SHARED.resolve("examples/launch-configs");
        assertTrue(Files.isDirectory(shared), "the shared examples must be beside the repo: " + shared);
        for (Path dir : List.of(shared, Golden.REPO.resolve("examples"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    static String folder(Path example) {
        Path base = example.startsWith(Golden.SHARED) ? Golden.SHARED.resolve("examples") : Golden.REPO;
        String rel = base.relativize(example).toString();
        return rel.substring(0, rel.length() - ".yaml".length());
    }

    static String display(Path example) {
        return example.startsWith(Golden.SHARED) ? "shared/" + Golden.SHARED.relativize(example)
                : Golden.REPO.relativize(example).toString();
    }

    /** Output with the machine's paths replaced by the stable display name. */
    static String stable(String text, Path example) {
        return text.replace(example.toString(), display(example));
    }

    @TestFactory
    Stream<DynamicTest> lint() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path example : examples()) {
            for (String format : List.of("text", "json")) {
                for (String mode : List.of("default", "compat")) {
                    tests.add(DynamicTest.dynamicTest(folder(example) + " lint " + format + " " + mode, () -> {
                        List<String> args = new ArrayList<>(List.of("lint", "--format", format));
                        args.addAll(Golden.targetArgs(example));
                        if (mode.equals("compat")) {
                            args.add("--compat");
                        }
                        args.add(example.toString());
                        CliRun run = CliRun.of(args.toArray(String[]::new));
                        assertEquals("", run.err(), "lint writes nothing to stderr");
                        Golden.verify(folder(example), "lint-" + mode, "." + (format.equals("json") ? "json" : "txt"),
                                "exit " + run.exitCode() + "\n" + stable(run.out(), example));
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> compile() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path example : examples()) {
            tests.add(DynamicTest.dynamicTest(folder(example) + " compile", () -> {
                Path out = tmp.resolve(folder(example).replace('/', '_'));
                List<String> args = new ArrayList<>(List.of("compile", "--compat"));
                args.addAll(Golden.targetArgs(example));
                CliRun run = CliRun.of(concat(args, "-o", out.toString(), example.toString()));
                StringBuilder tree = new StringBuilder("exit " + run.exitCode() + "\n");
                tree.append(stable(run.err(), example).replace(out.toString(), "OUTDIR"));
                if (run.exitCode() == 0) {
                    tree.append(dump(out));
                    CliRun again = CliRun.of(concat(args, "-o", out.resolveSibling(out.getFileName() + "-again").toString(),
                            example.toString()));
                    assertEquals(0, again.exitCode());
                    assertEquals(dump(out), dump(out.resolveSibling(out.getFileName() + "-again")), "compile is deterministic");
                    // Issue 20: every storage layout reads the same, path by path, bytes and modes.
                    for (String layout : List.of("copies", "shared")) {
                        Path other = out.resolveSibling(out.getFileName() + "-" + layout);
                        assertEquals(0, CliRun.of(concat(args, "--layout", layout, "-o", other.toString(), example.toString())).exitCode());
                        assertEquals(dump(out), dumpAsRead(other), "the " + layout + " layout reads as the default one");
                    }
                } else {
                    assertFalse(Files.exists(out), "a failed compile writes nothing");
                }
                Golden.verify(folder(example), "compile", ".txt", tree.toString());
            }));
        }
        return tests.stream();
    }

    static String[] concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    /**
     * As {@link #dump}, reading through the symbolic links of the shared layout (and leaving out
     * the store they lead to, which is where the bytes live, not a path of the output).
     */
    static String dumpAsRead(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !root.relativize(p).startsWith("shared")).sorted().toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                sb.append("=== ").append(root.relativize(p)).append(" (").append(mode).append(") ===\n");
                sb.append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
                sb.append("\n");
            }
        }
        return sb.toString();
    }

    /** Every file of an output tree with its mode, in path order. */
    static String dump(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                sb.append("=== ").append(root.relativize(p)).append(" (").append(mode).append(") ===\n");
                sb.append(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
                sb.append("\n");
            }
        }
        return sb.toString();
    }
}
