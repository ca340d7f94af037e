package io.imgbuild.core.json;

import io.imgbuild.core.problem.SourceLocation;

/** Where a document stops being JSON, with the offending line and a caret under the column. */
public record JsonSyntaxError(SourceLocation location, String message, String excerpt) {
}
