package io.imgbuild.core.problem;

import java.util.List;

/**
 * Thrown when the user's input (template, flags, var files) cannot be used. It carries located
 * problems, never a stack trace worth showing: the CLI prints {@link Problem#format()} lines.
 */
public final class InvalidInputException extends Exception {

    private final transient List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).format(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
