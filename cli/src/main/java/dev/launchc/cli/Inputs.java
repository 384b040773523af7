package dev.launchc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands lint arguments into inputs: files, directories (recursive *.yaml / *.yml) and "-" for stdin. */
public final class Inputs {
    /**
     * One input, read on demand so that a large directory is not held in memory at once.
     * {@code walked}: found by walking a directory rather than named on the command line.
     */
    public record Input(String name, Path path, boolean walked) {
        public byte[] read(long maxBytes) {
            try {
                if (path == null) {
                    return readLimited(System.in, maxBytes);
                }
                if (Files.size(path) > maxBytes) {
                    // Read only enough to let the loader report the limit with the real size.
                    return new byte[(int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)];
                }
                return Files.readAllBytes(path);
            } catch (NoSuchFileException e) {
                throw new UsageException("cannot read " + name + ": no such file");
            } catch (IOException e) {
                throw new UsageException("cannot read " + name + ": " + e.getMessage());
            }
        }
    }

    private Inputs() {}

    public static List<Input> collect(List<String> args) {
        List<Input> out = new ArrayList<>();
        for (String arg : args) {
            if ("-".equals(arg)) {
                out.add(new Input("<stdin>", null, false));
                continue;
            }
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> {
                                String n = f.getFileName().toString();
                                return n.endsWith(".yaml") || n.endsWith(".yml");
                            })
                            .sorted()
                            .forEach(f -> out.add(new Input(f.toString(), f, true)));
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new UsageException("cannot read directory " + arg + ": " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                out.add(new Input(arg, p, false));
            } else if (Files.exists(p)) {
                throw new UsageException("cannot read " + arg + ": not a regular file");
            } else {
                throw new UsageException("cannot read " + arg + ": no such file or directory");
            }
        }
        return out;
    }

    private static byte[] readLimited(InputStream in, long maxBytes) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }
}
