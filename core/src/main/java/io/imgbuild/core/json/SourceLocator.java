package io.imgbuild.core.json;

import io.imgbuild.core.problem.SourceLocation;

/** Maps a path in a document to file:line:column. */
public interface SourceLocator {

    SourceLocation locate(JsonPath path);

    SourceLocation locateValue(JsonPath path);

    SourceLocation locateInString(JsonPath path, int index);

    /** For configs that were not read from a file (e.g. built in code, tests). */
    SourceLocator NONE = new SourceLocator() {
        @Override
        public SourceLocation locate(JsonPath path) {
            return null;
        }

        @Override
        public SourceLocation locateValue(JsonPath path) {
            return null;
        }

        @Override
        public SourceLocation locateInString(JsonPath path, int index) {
            return null;
        }
    };
}
