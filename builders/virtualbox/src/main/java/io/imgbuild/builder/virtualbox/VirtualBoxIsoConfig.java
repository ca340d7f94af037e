package io.imgbuild.builder.virtualbox;

/** The options only virtualbox-iso has (its ISO options are bound to {@link io.imgbuild.core.iso.IsoConfig}). */
public record VirtualBoxIsoConfig(String guestOsType, int cpus, int memory, String sound, boolean usb, int diskSize,
                                  String hardDriveInterface, int sataPortCount, int nvmePortCount,
                                  boolean hardDriveDiscard, boolean hardDriveNonrotational, String isoInterface,
                                  boolean bundleIso) {
}
