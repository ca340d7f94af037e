package io.imgbuild.postprocessor.vagrant;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What a provider puts in a box: its files (read when the box is written), the metadata.json fields,
 * its part of the Vagrantfile, and whether the input must outlive the box (an AMI the box refers to).
 *
 * @param open files the entries read from, closed once the box is written
 */
record BoxContent(List<BoxEntry> files, Map<String, Object> metadata, String vagrantfile, boolean keepInput,
                  List<Closeable> open) implements Closeable {

    BoxContent(List<BoxEntry> files, Map<String, Object> metadata, String vagrantfile, boolean keepInput) {
        this(files, metadata, vagrantfile, keepInput, List.of());
    }

    @Override
    public void close() throws IOException {
        for (Closeable c : open) {
            c.close();
        }
    }
}
