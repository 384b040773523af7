package dev.launchc.pipeline;

import dev.launchc.load.RegularFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One input of the pipeline, as a value: its name in findings, where it lies (null for standard
 * input; a relative token file is read beside it) and its bytes, or only its size when it was
 * larger than the loader's limit and so not read (the loader's LC0005 finding then tells it).
 */
public record Source(String name, Path path, byte[] bytes, long size) {
    /** An input already read. */
    public static Source of(String name, Path path, byte[] bytes) {
        return new Source(name, path, bytes, bytes.length);
    }

    /** An input larger than the limit; {@code size} is its real size, or -1 when it cannot be known. */
    public static Source tooLarge(String name, Path path, long size) {
        return new Source(name, path, null, size);
    }

    /**
     * A regular file, read up to {@code maxBytes} (a FIFO or a device is refused before it is opened).
     *
     * @throws PipelineException when it cannot be read
     */
    public static Source file(Path path, long maxBytes) {
        String name = path.toString();
        try {
            return of(name, path, RegularFiles.read(path, maxBytes));
        } catch (RegularFiles.TooLarge e) {
            return tooLarge(name, path, e.size());
        } catch (IOException e) {
            throw new PipelineException("cannot read " + name + ": " + RegularFiles.problem(e));
        }
    }
}
