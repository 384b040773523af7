package dev.launchc.cli;

import java.io.IOException;
import java.io.Writer;

/** Writes to two writers: what a run prints, and a copy of it (lint --cache keeps stderr's for its {@link RunMemo}). */
final class TeeWriter extends Writer {
    private final Writer first;
    private final Writer copy;

    TeeWriter(Writer first, Writer copy) {
        this.first = first;
        this.copy = copy;
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        first.write(text, offset, length);
        copy.write(text, offset, length);
    }

    @Override
    public void flush() throws IOException {
        first.flush();
        copy.flush();
    }

    @Override
    public void close() throws IOException {
        flush(); // the writers are the caller's: they stay open
    }
}
