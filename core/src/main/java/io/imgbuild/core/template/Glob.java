package io.imgbuild.core.template;

import java.util.regex.Pattern;

/** Shell-style name patterns for -only, -except and a provisioner's only/except: {@code *}, {@code ?}, {@code [ab]}. */
public final class Glob {

    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    public static Glob of(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String body = glob.substring(i + 1, end).replace("\\", "\\\\");
                        if (body.startsWith("!")) {
                            body = "^" + body.substring(1);
                        }
                        re.append('[').append(body).append(']');
                        i = end;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Glob(glob, Pattern.compile(re.toString()));
    }

    public boolean matches(String name) {
        return pattern.matcher(name).matches();
    }

    public boolean isLiteral() {
        return text.indexOf('*') < 0 && text.indexOf('?') < 0 && text.indexOf('[') < 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
