package io.imgbuild.builder.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Expands file name patterns the way Packer (Go's {@code filepath.Glob}) does for floppy_files,
 * floppy_dirs and cd_files: {@code *} and {@code ?} never cross a {@code /}, {@code [a-z]} and
 * {@code [^a-z]} are classes, a backslash quotes the next character, the names of each directory come
 * in sorted order, and a pattern that matches nothing gives nothing (not an error). Java's own glob
 * differs ({@code **}, {@code {a,b}}, {@code [!x]}), hence this class.
 */
final class Globs {

    private Globs() {
    }

    /** Whether Packer treats the entry as a pattern rather than a path. */
    static boolean isPattern(String entry) {
        return entry.indexOf('*') >= 0 || entry.indexOf('?') >= 0 || entry.indexOf('[') >= 0;
    }

    /**
     * The existing paths {@code pattern} matches, resolved against {@code base}.
     *
     * @throws IllegalArgumentException when the pattern is malformed (an unclosed {@code [}), saying why
     */
    static List<Path> expand(Path base, String pattern) throws IOException {
        boolean absolute = pattern.startsWith("/");
        List<Path> current = List.of(absolute ? Path.of("/") : base);
        for (String segment : pattern.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            List<Path> next = new ArrayList<>();
            if (!isPattern(segment)) {
                String literal = segment.replaceAll("\\\\(.)", "$1");
                current.forEach(p -> next.add(p.resolve(literal)));
            } else {
                Pattern regex = toRegex(segment);
                for (Path dir : current) {
                    if (!Files.isDirectory(dir)) {
                        continue;
                    }
                    try (Stream<Path> s = Files.list(dir)) {
                        s.map(p -> p.getFileName().toString()).filter(n -> regex.matcher(n).matches()).sorted()
                                .forEach(n -> next.add(dir.resolve(n)));
                    }
                }
            }
            current = next;
        }
        return current.stream().filter(Files::exists).toList();
    }

    /** One path segment's pattern as a regular expression. */
    static Pattern toRegex(String segment) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '\\' -> {
                    if (++i >= segment.length()) {
                        throw new IllegalArgumentException("the pattern \"" + segment + "\" ends with a lone backslash");
                    }
                    re.append(literal(segment.charAt(i)));
                }
                case '[' -> i = characterClass(segment, i, re);
                default -> re.append(literal(c));
            }
        }
        return Pattern.compile(re.toString());
    }

    /** Appends the class that starts at {@code open}; returns the index of its closing bracket. */
    private static int characterClass(String s, int open, StringBuilder re) {
        int i = open + 1;
        re.append('[');
        if (i < s.length() && s.charAt(i) == '^') {
            re.append('^');
            i++;
        }
        int items = 0;
        while (i < s.length() && s.charAt(i) != ']') {
            char lo = s.charAt(i);
            if (lo == '\\' && i + 1 < s.length()) {
                lo = s.charAt(++i);
            }
            re.append(literal(lo));
            if (i + 2 < s.length() && s.charAt(i + 1) == '-' && s.charAt(i + 2) != ']') {
                char hi = s.charAt(i + 2);
                i += 2;
                if (hi == '\\' && i + 1 < s.length()) {
                    hi = s.charAt(++i);
                }
                if (hi < lo) {
                    throw new IllegalArgumentException("the range " + lo + "-" + hi + " in \"" + s + "\" runs backwards");
                }
                re.append('-').append(literal(hi));
            }
            items++;
            i++;
        }
        if (i >= s.length() || items == 0) {
            throw new IllegalArgumentException("the pattern \"" + s + "\" has a [ without its closing ]"
                    + (items == 0 ? " or an empty class" : ""));
        }
        re.append(']');
        return i;
    }

    private static String literal(char c) {
        return String.format("\\x{%x}", (int) c);
    }
}
