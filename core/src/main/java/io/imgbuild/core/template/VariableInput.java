package io.imgbuild.core.template;

import io.imgbuild.core.problem.SourceLocation;

/**
 * A value for a user variable from the command line ({@code -var}) or a var file. Inputs are applied
 * in command-line order, so the later one wins whichever flag it came from (as Packer documents).
 *
 * @param origin   where it came from, for messages: "-var" or "-var-file vars.json"
 * @param location where in a var file, or null for -var
 */
public record VariableInput(String name, String value, String origin, SourceLocation location) {
}
