package io.imgbuild.postprocessor.vagrant;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.StepFailure;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * An OVA (a tar holding an OVF, its disks and maybe a manifest) read in place: its members are listed
 * once and each is streamed straight into the box when it is written, so a disk is read once and
 * never unpacked to a temporary file.
 */
final class Ova implements Closeable {

    /** Consumes one member's bytes. */
    interface MemberReader {
        void read(InputStream in) throws IOException, CancelledException;
    }

    /** A regular file in the OVA; {@code name} has no directory part. */
    record Member(String name, long size) {
    }

    private final Path path;
    private final TarFile tar;

    private Ova(Path path, TarFile tar) {
        this.path = path;
        this.tar = tar;
    }

    static Ova open(Path path) throws StepFailure {
        try {
            return new Ova(path, new TarFile(path));
        } catch (IOException e) {
            throw new StepFailure("cannot read the OVA " + path + " as a tar archive (" + e.getMessage()
                    + "); check that the virtualbox build finished and the file is a complete .ova");
        }
    }

    Path path() {
        return path;
    }

    /** The OVA's files, in order; a name that tries to leave the box (../x, /x) is refused. */
    List<Member> members() throws StepFailure {
        List<Member> out = new ArrayList<>();
        for (TarArchiveEntry e : tar.getEntries()) {
            if (!e.isFile()) {
                continue;
            }
            String name = e.getName();
            if (name.startsWith("/") || name.contains("..") || name.contains("/")) {
                throw new StepFailure("the OVA " + path + " holds \"" + name + "\", which is not a plain file name;"
                        + " an OVA's files sit at its top level: re-export the machine");
            }
            out.add(new Member(name, e.getSize()));
        }
        return out;
    }

    /** Reads one member whole: for the OVF descriptor, which is small. */
    byte[] readAll(String member) throws IOException {
        for (TarArchiveEntry e : tar.getEntries()) {
            if (e.isFile() && e.getName().equals(member)) {
                try (InputStream in = tar.getInputStream(e)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IOException("the OVA " + path + " no longer holds " + member);
    }

    void copyMember(String member, long expectedSize, MemberReader reader) throws IOException, CancelledException {
        for (TarArchiveEntry e : tar.getEntries()) {
            if (e.isFile() && e.getName().equals(member)) {
                if (expectedSize >= 0 && e.getSize() != expectedSize) {
                    throw new IOException("the OVA " + path + " changed while the box was written (" + member + ")");
                }
                try (InputStream in = tar.getInputStream(e)) {
                    reader.read(in);
                }
                return;
            }
        }
        throw new IOException("the OVA " + path + " no longer holds " + member);
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
