package io.imgbuild.core.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem found instead of stopping at the first, so one run of {@code validate}
 * shows the user everything to fix. Identical problems (the same provisioner checked for two builds)
 * are kept once. Thread-safe: parallel checks may report into one collector.
 */
public final class Problems {

    private final Set<Problem> problems = new LinkedHashSet<>();

    public synchronized void add(Problem problem) {
        problems.add(problem);
    }

    public synchronized void addAll(Problems other) {
        problems.addAll(other.all());
    }

    public synchronized List<Problem> all() {
        return Collections.unmodifiableList(new ArrayList<>(problems));
    }

    public synchronized List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public synchronized List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    public synchronized boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public synchronized boolean isEmpty() {
        return problems.isEmpty();
    }
}
