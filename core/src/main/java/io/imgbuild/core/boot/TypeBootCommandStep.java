package io.imgbuild.core.boot;

import io.imgbuild.core.config.Renderer;
import io.imgbuild.core.run.BuildData;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Waits {@code boot_wait}, then types the boot command into the machine's console. The command is
 * rendered with HTTPIP, HTTPPort (from the build data of the HTTP server step), Name and SSHPublicKey,
 * parsed, and checked for untypeable characters before the wait, so a mistake fails the build at once.
 */
public final class TypeBootCommandStep implements Step {

    private final BootSettings settings;
    private final Renderer renderer;
    private final KeyboardSource keyboard;

    /**
     * @param renderer the builder config's renderer ({@code ComponentConfig.renderer()})
     * @param keyboard where to type: {@link KeyboardSource#fromState()} when an earlier step put it there
     */
    public TypeBootCommandStep(BootSettings settings, Renderer renderer, KeyboardSource keyboard) {
        this.settings = settings;
        this.renderer = renderer;
        this.keyboard = keyboard;
    }

    @Override
    public String name() {
        return "TypeBootCommand";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        // The whole command is planned, and so checked, before the wait.
        List<Keystroke> plan = settings.bootCommand().isEmpty() ? null : plan(parse(render(ctx)));
        if (settings.bootWait().compareTo(Duration.ZERO) > 0) {
            ctx.ui().say("Waiting " + GoDuration.format(settings.bootWait()) + " for boot...");
            ctx.cancellation().sleep(settings.bootWait());
        }
        if (plan == null) {
            return;
        }
        KeyboardTarget target = keyboard.open(ctx);
        ctx.ui().say("Typing the boot command...");
        BootCommandTyper typer = new BootCommandTyper(target, ctx.cancellation()::sleep,
                settings.keyInterval(System.getenv()), settings.bootKeygroupInterval());
        typer.type(plan);
    }

    private String render(StepContext ctx) throws StepFailure {
        Map<String, String> data = ctx.state().find(BuildData.KEY).orElse(Map.of());
        // Packer's values when no HTTP server runs: no address, port 0.
        String name = settings.vmName() == null || settings.vmName().isEmpty() ? ctx.build().name() : settings.vmName();
        Map<String, String> fields = Map.of(
                "HTTPIP", data.getOrDefault("PackerHTTPIP", ""),
                "HTTPPort", data.getOrDefault("PackerHTTPPort", "0"),
                "Name", name,
                "SSHPublicKey", data.getOrDefault("SSHPublicKey", ""));
        // Each entry on its own: the ones without build-time values were rendered when the template was
        // loaded, and rendering them again would read a value's own "{{" as template text.
        List<String> rendered = new ArrayList<>();
        for (String entry : settings.bootCommand()) {
            rendered.add(renderer.renderDeferred(entry, fields, data));
        }
        return BootCommand.join(rendered);
    }

    private static BootCommand parse(String text) throws StepFailure {
        try {
            return BootCommand.parse(text);
        } catch (BootCommandException e) {
            BootCommand.Mistake first = e.mistakes().get(0);
            // The template's own text was checked when it was loaded: a value rendered into it is to blame.
            throw new StepFailure("boot_command, once rendered, cannot be typed: character " + (first.offset() + 1)
                    + ": " + first.describe() + (first.hint() == null ? "" : " (" + first.hint() + ")"));
        }
    }

    private static List<Keystroke> plan(BootCommand command) throws StepFailure {
        try {
            return KeystrokePlanner.plan(command.actions());
        } catch (UntypeableCharactersException e) {
            throw new StepFailure("boot_command cannot be typed: " + e.getMessage());
        }
    }
}
