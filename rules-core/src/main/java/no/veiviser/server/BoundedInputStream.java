package no.veiviser.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body that throws {@link RequestTooLargeException} once more than {@code limit} bytes are read. */
final class BoundedInputStream extends FilterInputStream {
    private final long limit;
    private long read;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        count(s);
        return s;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw new RequestTooLargeException(limit);
        }
    }
}
