package io.imgbuild.core.secret;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The values that must never be printed: sensitive variables, passwords, keys. Every output (the
 * console, machine-readable and JSONL output, the log, the manifest) passes its text through
 * {@link #mask}. One registry per process, because the log is per process too.
 */
public final class Secrets {

    public static final String MASK = "<sensitive>";
    static final int MIN_LENGTH = 3;
    private static final Secrets GLOBAL = new Secrets();

    /**
     * Every secret in one alternation, longest first, so a secret that contains another is masked
     * whole; one pass, so a short secret never matches inside the mask put in for a longer one.
     */
    private volatile Pattern pattern;
    private final List<String> all = new CopyOnWriteArrayList<>();

    public static Secrets global() {
        return GLOBAL;
    }

    /**
     * Registers a secret. A multi-line value (a private key) is also registered line by line, so a
     * tool that prints part of it is masked too.
     */
    public synchronized void add(String secret) {
        // A one- or two-character secret cannot be masked without wrecking every line of output.
        if (secret == null || secret.isBlank() || secret.strip().length() < MIN_LENGTH) {
            return;
        }
        addOne(secret);
        if (secret.indexOf('\n') >= 0) {
            // Lines long enough to be secret on their own; not PEM armour such as "-----BEGIN ...".
            secret.lines().map(String::strip).filter(l -> l.length() >= 8 && !l.startsWith("-----"))
                    .forEach(this::addOne);
        }
        pattern = Pattern.compile(all.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|")));
    }

    private void addOne(String s) {
        if (!all.contains(s)) {
            all.add(s);
        }
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        Pattern p = pattern;
        if (p == null) {
            return text;
        }
        return p.matcher(text).replaceAll(Matcher.quoteReplacement(MASK));
    }

    /** Masks every string value (and key) in a JSON tree in place, before it is written anywhere. */
    public void maskStrings(tools.jackson.databind.JsonNode node) {
        if (isEmpty()) {
            return;
        }
        if (node instanceof tools.jackson.databind.node.ObjectNode o) {
            // Rebuilt in order, so a masked key keeps its place (a manifest still diffs cleanly).
            List<Map.Entry<String, tools.jackson.databind.JsonNode>> entries = new ArrayList<>(o.properties());
            o.removeAll();
            for (Map.Entry<String, tools.jackson.databind.JsonNode> e : entries) {
                tools.jackson.databind.JsonNode v = e.getValue();
                if (v.isString()) {
                    v = tools.jackson.databind.node.StringNode.valueOf(mask(v.asString()));
                } else {
                    maskStrings(v);
                }
                o.set(mask(e.getKey()), v);
            }
        } else if (node instanceof tools.jackson.databind.node.ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isString()) {
                    a.set(i, tools.jackson.databind.node.StringNode.valueOf(mask(a.get(i).asString())));
                } else {
                    maskStrings(a.get(i));
                }
            }
        }
    }

    public boolean isEmpty() {
        return pattern == null;
    }
}
