package dev.launchc.diag;

import java.io.Reader;

/**
 * The text for snakeyaml's reader, one char short of what it asks for. snakeyaml-engine 2.9 fills
 * all {@code bufferSize + 1} chars of its buffer and then, when the last is a high surrogate,
 * reads the low one into the slot past the end: an IndexOutOfBoundsException for any file with
 * an emoji straddling a chunk boundary. One char less per read leaves that slot free. Every
 * snakeyaml reader of launchc's reads through it: the loader's parser ({@code load/YamlLoader}) and
 * the scanner that finds the comments of suppressions ({@link Suppressions}).
 */
public final class ChunkReader extends Reader {
    private final String text;
    private int next;

    public ChunkReader(String text) {
        this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (next >= text.length()) {
            return -1;
        }
        int n = Math.min(length > 1 ? length - 1 : 1, text.length() - next);
        text.getChars(next, next + n, buffer, offset);
        next += n;
        return n;
    }

    @Override
    public void close() {
    }
}
