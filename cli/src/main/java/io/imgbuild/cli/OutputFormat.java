package io.imgbuild.cli;

/** How a build reports: Packer's human lines, Packer's machine-readable lines, or JSON lines. */
enum OutputFormat {
    HUMAN, MACHINE_READABLE, JSONL;

    static OutputFormat parse(String s) {
        return switch (s.toLowerCase()) {
            case "human" -> HUMAN;
            case "machine-readable" -> MACHINE_READABLE;
            case "jsonl" -> JSONL;
            default -> throw new IllegalArgumentException("--output must be human, machine-readable or jsonl, not " + s);
        };
    }
}
