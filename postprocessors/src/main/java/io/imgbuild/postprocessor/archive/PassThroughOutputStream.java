package io.imgbuild.postprocessor.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Compression.NONE: writes arrays straight through (FilterOutputStream alone would go byte by byte). */
final class PassThroughOutputStream extends FilterOutputStream {

    PassThroughOutputStream(OutputStream sink) {
        super(sink);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }
}
