package io.imgbuild.cli;

import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.secret.Secrets;
import java.io.PrintStream;
import java.util.List;

/** Prints problems one per entry, errors first, with a count; secrets masked like every output. */
final class ProblemPrinter {

    private ProblemPrinter() {
    }

    static void print(PrintStream out, List<Problem> problems) {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        List<Problem> warnings = problems.stream().filter(p -> !p.isError()).toList();
        for (Problem p : errors) {
            out.println("error: " + Secrets.global().mask(p.format()));
        }
        for (Problem p : warnings) {
            out.println(Secrets.global().mask(p.format()));
        }
        if (errors.size() > 1) {
            out.println(errors.size() + " errors.");
        }
    }
}
