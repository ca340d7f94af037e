package io.imgbuild.postprocessor.compress;

/** The compress post-processor's options; defaults come from the schema. */
public record CompressConfig(String output, String format, int compressionLevel) {
}
