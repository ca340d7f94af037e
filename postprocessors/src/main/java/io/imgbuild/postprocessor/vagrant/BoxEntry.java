package io.imgbuild.postprocessor.vagrant;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.postprocessor.archive.TarWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/** One file in the box, read from where it already is when the box is written (never copied first). */
sealed interface BoxEntry {

    /** The file's name inside the box. */
    String name();

    /** Its size in bytes, for the progress bar. */
    long size();

    void writeTo(TarWriter tar, LongConsumer progress) throws IOException, CancelledException;

    /** A local file, e.g. the disk image or an include. */
    record LocalFile(String name, Path file, long size) implements BoxEntry {
        @Override
        public void writeTo(TarWriter tar, LongConsumer progress) throws IOException, CancelledException {
            tar.addFile(name, file, progress);
        }
    }

    /** Small generated content: metadata.json, the Vagrantfile. */
    record Generated(String name, byte[] content) implements BoxEntry {
        @Override
        public long size() {
            return content.length;
        }

        @Override
        public void writeTo(TarWriter tar, LongConsumer progress) throws IOException {
            tar.addBytes(name, content);
            progress.accept(content.length);
        }
    }

    /** A member of an OVA (a tar), streamed from the OVA into the box. */
    record OvaMember(String name, Ova ova, String member, long size) implements BoxEntry {
        @Override
        public void writeTo(TarWriter tar, LongConsumer progress) throws IOException, CancelledException {
            ova.copyMember(member, size, in -> tar.addStream(name, in, size, progress));
        }
    }
}
