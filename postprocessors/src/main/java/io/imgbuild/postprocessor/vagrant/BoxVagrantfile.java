package io.imgbuild.postprocessor.vagrant;

import io.imgbuild.core.config.Renderer;
import io.imgbuild.core.step.StepFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The box's Vagrantfile: the provider's settings, then the user's vagrantfile_template rendered as a
 * template (user variables and functions, and the fields the post-processor offers).
 */
final class BoxVagrantfile {

    private BoxVagrantfile() {
    }

    static String of(String provider, String providerPart, Path template, Renderer renderer, Map<String, String> fields)
            throws StepFailure, IOException {
        StringBuilder out = new StringBuilder()
                .append("# The ").append(provider).append(" provider's settings, written by imgbuild's vagrant post-processor.\n")
                .append(providerPart);
        if (template != null) {
            out.append("\n# From vagrantfile_template ").append(template.getFileName()).append(".\n")
                    .append(renderTemplate(template, renderer, fields));
        }
        return out.toString();
    }

    private static String renderTemplate(Path template, Renderer renderer, Map<String, String> fields)
            throws StepFailure, IOException {
        String text;
        try {
            text = Files.readString(template, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new StepFailure("vagrantfile_template " + template + " does not exist; with"
                    + " vagrantfile_template_generated an earlier step must create it");
        }
        try {
            return renderer.render(text, fields);
        } catch (StepFailure e) {
            // The renderer quotes the whole text; the file's name says more.
            String prefix = "cannot render \"" + text + "\": ";
            String why = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            throw new StepFailure("vagrantfile_template " + template + " is not a valid template: " + why
                    + " (fields available: " + String.join(", ", fields.keySet().stream().map(f -> "{{." + f + "}}").toList())
                    + ")");
        }
    }
}
