package dev.launchc.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input that counts what is read through it and calls {@code exceeded} the moment the count
 * passes {@code limit}: a compressed archive cannot inflate past its budget (a compression bomb),
 * whatever reads it.
 */
public final class BoundedInput extends FilterInputStream {
    /** What happens past the limit; it throws. */
    @FunctionalInterface
    public interface Exceeded {
        void at(long count) throws IOException;
    }

    private final long limit;
    private final Exceeded exceeded;
    private long count;

    public BoundedInput(InputStream in, long limit, Exceeded exceeded) {
        super(in);
        this.limit = limit;
        this.exceeded = exceeded;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        add(s);
        return s;
    }

    private void add(long n) throws IOException {
        count += n;
        if (count > limit) {
            exceeded.at(count);
        }
    }
}
