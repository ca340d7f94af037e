package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Sizes and formats of disk images, as qemu-img sees them and as templates write them. */
final class DiskImages {

    private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)([bkKMGTPE]?)");

    /** What {@code qemu-img info} says about an image. */
    record Info(String format, long virtualSize) {
    }

    private DiskImages() {
    }

    static Info info(Path image, Cancellation cancellation) throws StepFailure, CancelledException {
        String out = QemuImg.output(List.of("info", "--output=json", image.toAbsolutePath().toString()), cancellation);
        try {
            JsonNode n = Json.MAPPER.readTree(out);
            return new Info(n.path("format").asString(), n.path("virtual-size").asLong());
        } catch (RuntimeException e) {
            throw new StepFailure("cannot read qemu-img's description of " + image + ": " + e.getMessage());
        }
    }

    /**
     * Bytes of a template size: a bare number (or a number in a string) is MiB, as in Packer; a string
     * may carry qemu-img's suffixes (k, M, G, T, P, E; b for bytes).
     */
    static long bytes(Object size) {
        String s = String.valueOf(size).strip();
        Matcher m = SIZE.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + s + "\" is not a disk size");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2).isEmpty() ? "M" : m.group(2).toUpperCase(Locale.ROOT);
        int shift = switch (unit) {
            case "B" -> 0;
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            case "T" -> 40;
            case "P" -> 50;
            default -> 60;
        };
        return (long) (n * (1L << shift));
    }
}
