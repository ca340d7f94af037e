package io.imgbuild.provisioner.shell;

import io.imgbuild.core.util.HomePaths;
import io.imgbuild.core.build.Provisioner;
import io.imgbuild.core.build.ProvisionerContext;
import io.imgbuild.core.communicator.Communicator;
import io.imgbuild.core.communicator.ExecResult;
import io.imgbuild.core.config.Renderer;
import io.imgbuild.core.exec.EnvVars;
import io.imgbuild.core.exec.OutputListener;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.util.GoDuration;
import io.imgbuild.provisioner.support.ProvisionerSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs the shell provisioner on the guest, as Packer 1.6 does: each script (inline commands become
 * one script) is uploaded and started through execute_command, retried while the guest cannot be
 * reached (it may be rebooting), its output streamed, its exit status checked, and it is removed
 * afterwards.
 */
final class ShellProvisioner implements Provisioner {

    /** Packer's exit status for "the connection dropped"; listing it in valid_exit_codes accepts a disconnect. */
    static final int PACKER_DISCONNECT_STATUS = 2300218;
    static final String INLINE_NAME = "inline script";
    private static final Duration DEFAULT_START_RETRY_TIMEOUT = Duration.ofMinutes(5);
    private static final String DEFAULT_VAR_FORMAT = "%s='%s' ";
    private static final String DEFAULT_FILE_VAR_FORMAT = "export %s='%s'\n";
    private static final String DEFAULT_EXECUTE = "chmod +x {{.Path}}; {{.Vars}} {{.Path}}";
    private static final String DEFAULT_FILE_EXECUTE = "chmod +x {{.Path}}; . {{.EnvVarFile}} && {{.Path}}";
    private static final int CLEANUP_ATTEMPTS = 5;

    /** One script to run: what to call it in messages, and where to read it (null for inline). */
    private record Script(String name, Path local) {
    }

    private final ShellConfig config;
    private final Renderer renderer;
    private final Path workingDir;
    private final String executeCommand;
    private final String envVarFormat;
    private final Duration retryDelay;

    /**
     * @param executeCommandSet whether the template set execute_command (else the default depends on
     *                          use_env_var_file)
     */
    ShellProvisioner(ShellConfig config, Renderer renderer, Path workingDir, boolean executeCommandSet,
                     Duration retryDelay) {
        this.config = config;
        this.renderer = renderer;
        this.workingDir = workingDir;
        this.executeCommand = executeCommandSet && config.executeCommand() != null ? config.executeCommand()
                : config.useEnvVarFile() ? DEFAULT_FILE_EXECUTE : DEFAULT_EXECUTE;
        this.envVarFormat = config.envVarFormat() != null && !config.envVarFormat().isEmpty() ? config.envVarFormat()
                : config.useEnvVarFile() ? DEFAULT_FILE_VAR_FORMAT : DEFAULT_VAR_FORMAT;
        this.retryDelay = retryDelay;
    }

    @Override
    public void provision(ProvisionerContext ctx) throws Exception {
        Communicator comm = ctx.requireCommunicator("shell");
        BuildUi ui = ctx.ui();
        Cancellation cancellation = ctx.cancellation();

        Map<String, String> env = environment(ctx);
        String vars = EnvVars.format(env, envVarFormat);
        String folder = remoteFolder();
        String envVarFile = "";
        byte[] envVarFileContent = null;
        Set<String> usedNames = new HashSet<>();
        if (config.useEnvVarFile()) {
            envVarFile = ProvisionerSupport.remoteJoin(folder, "varfile_" + randomDigits(usedNames) + ".sh");
            // As in Packer, the file holds the variables in env_var_format (export lines unless set).
            envVarFileContent = (vars + "\n").getBytes(StandardCharsets.UTF_8);
        }

        List<Script> scripts = scripts();
        boolean guestReachable = true;
        try {
            for (Script script : scripts) {
                ui.say("Provisioning with shell script: " + script.name());
                byte[] content = content(script, ctx);
                if (!config.binary() && containsCrlf(content)) {
                    // As Packer does: a script edited on Windows still runs; "binary": true keeps bytes as they are.
                    content = toUnixLineEndings(content);
                    ui.message(script.name() + ": converted Windows line endings (CRLF) to LF");
                }
                String remote = remotePath(folder, usedNames);
                String command = renderer.render(executeCommand, Map.of("Vars", vars, "Path", remote,
                        "EnvVarFile", envVarFile), ctx.buildData());
                guestReachable = false; // until the script has run to an end we can read
                ExecResult result = uploadAndStart(comm, ui, cancellation, script, content, remote, envVarFile,
                        envVarFileContent, command);
                guestReachable = !result.disconnected();
                check(comm, ui, script, result);
                guestReachable = true; // also after a disconnect that was expected: the guest comes back
                if (!config.skipClean()) {
                    remove(comm, ui, cancellation, remote, script.name());
                }
            }
        } finally {
            // The variables may hold secrets: remove their file even when a script failed, but do not
            // wait for a guest that just went away unexpectedly.
            if (config.useEnvVarFile() && !config.skipClean() && guestReachable && !cancellation.isCancelled()) {
                remove(comm, ui, cancellation, envVarFile, "the environment variable file");
            }
        }

        Duration pause = config.pauseAfter();
        if (pause != null && !pause.isZero() && !pause.isNegative()) {
            ui.say("Pausing " + GoDuration.format(pause) + " after this provisioner...");
            cancellation.sleep(pause);
        }
    }

    /** The build's variables, then environment_vars, then env (later wins), sorted by name as Packer does. */
    private Map<String, String> environment(ProvisionerContext ctx) throws StepFailure {
        Map<String, String> env = new TreeMap<>(ctx.scriptEnvironment());
        for (Map.Entry<String, String> e : config.environment().entrySet()) {
            env.put(e.getKey(), ProvisionerSupport.renderDeferred(renderer, e.getValue(), ctx.buildData()));
        }
        return env;
    }

    private List<Script> scripts() {
        List<Script> out = new ArrayList<>();
        if (!config.inline().isEmpty()) {
            out.add(new Script(INLINE_NAME, null));
        }
        for (String s : config.allScripts()) {
            out.add(new Script(s, workingDir.resolve(expandHome(s)).normalize()));
        }
        return out;
    }

    private byte[] content(Script script, ProvisionerContext ctx) throws StepFailure {
        if (script.local() == null) {
            StringBuilder sb = new StringBuilder("#!").append(config.inlineShebang()).append('\n');
            for (String line : config.inline()) {
                sb.append(ProvisionerSupport.renderDeferred(renderer, line, ctx.buildData())).append('\n');
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Files.readAllBytes(script.local());
        } catch (IOException e) {
            throw new StepFailure("cannot read script " + script.name() + " (" + script.local() + "): " + e.getMessage(),
                    e);
        }
    }

    private String remoteFolder() {
        String folder = config.remoteFolder() == null || config.remoteFolder().isEmpty() ? "/tmp" : config.remoteFolder();
        while (folder.length() > 1 && folder.endsWith("/")) {
            folder = folder.substring(0, folder.length() - 1);
        }
        return folder;
    }

    /** remote_path if set; else remote_folder/remote_file, with a fresh random name per script unless remote_file is set. */
    private String remotePath(String folder, Set<String> usedNames) {
        if (config.remotePath() != null && !config.remotePath().isEmpty()) {
            return config.remotePath();
        }
        String file = config.remoteFile() != null && !config.remoteFile().isEmpty() ? config.remoteFile()
                : "script_" + randomDigits(usedNames) + ".sh";
        return ProvisionerSupport.remoteJoin(folder, file);
    }

    private static String randomDigits(Set<String> used) {
        String d;
        do {
            d = String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        } while (!used.add(d));
        return d;
    }

    /**
     * Uploads the script (and the variable file) and starts the command, retrying within
     * start_retry_timeout while that fails: the guest may be rebooting, and the upload and the start
     * are retried together so a script is never started after a reboot took it away. Waiting for the
     * guest to come back is bounded by what is left of start_retry_timeout, not by ssh_timeout.
     */
    private ExecResult uploadAndStart(Communicator comm, BuildUi ui, Cancellation cancellation, Script script,
                                      byte[] content, String remote, String envVarFile, byte[] envVarFileContent,
                                      String command) throws StepFailure, CancelledException {
        Duration timeout = startRetryTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        OutputListener output = OutputListener.of(ui::message, ui::error);
        int attempt = 0;
        while (true) {
            attempt++;
            String doing = "uploading " + script.name() + " to " + remote;
            try (Communicator.ReconnectLimit limit = comm.limitReconnects(
                    Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                if (envVarFileContent != null) {
                    doing = "uploading the environment variable file to " + envVarFile;
                    comm.upload(envVarFileContent, envVarFile, 0600, cancellation);
                }
                doing = "uploading " + script.name() + " to " + remote;
                comm.upload(content, remote, 0755, cancellation);
                doing = "starting " + script.name();
                return comm.execute(command, output, cancellation);
            } catch (IOException e) {
                String reason = reason(e);
                long left = deadline - System.nanoTime();
                if (left < retryDelay.toNanos()) {
                    throw new StepFailure("gave up " + doing + " on " + comm.describe() + " after " + attempt
                            + (attempt == 1 ? " try" : " tries") + " within start_retry_timeout ("
                            + GoDuration.format(timeout) + "): " + reason, e);
                }
                ui.message("Retrying: " + doing + " failed (" + reason + "); trying again in "
                        + GoDuration.format(retryDelay) + " (start_retry_timeout " + GoDuration.format(timeout) + ")");
                cancellation.sleep(retryDelay);
            }
        }
    }

    private Duration startRetryTimeout() {
        Duration d = config.startRetryTimeout();
        return d == null || d.isZero() || d.isNegative() ? DEFAULT_START_RETRY_TIMEOUT : d;
    }

    private void check(Communicator comm, BuildUi ui, Script script, ExecResult result) throws StepFailure {
        List<Integer> valid = config.validExitCodes().isEmpty() ? List.of(0) : config.validExitCodes();
        if (result.disconnected()) {
            if (config.expectDisconnect() || valid.contains(PACKER_DISCONNECT_STATUS)) {
                ui.message("The connection dropped while " + script.name() + " ran, as expected (expect_disconnect)");
                return;
            }
            throw new StepFailure("the connection to " + comm.describe() + " dropped while " + script.name()
                    + " was running. If the script reboots the machine or restarts sshd, set \"expect_disconnect\": true"
                    + " on this provisioner");
        }
        if (!valid.contains(result.exitStatus())) {
            throw new StepFailure("script " + script.name() + " exited with status " + result.exitStatus()
                    + "; allowed: " + valid);
        }
    }

    /**
     * Removes an uploaded file, retrying a few times: right after a reboot the guest may not answer
     * yet, and, as in Packer, it may take start_retry_timeout to come back. Failing to clean up is
     * worth a warning, not a failed build.
     */
    private void remove(Communicator comm, BuildUi ui, Cancellation cancellation, String remote, String what)
            throws CancelledException {
        String command = "rm -f " + ProvisionerSupport.shellQuote(remote);
        Duration timeout = startRetryTimeout();
        String last;
        try (Communicator.ReconnectLimit limit = comm.limitReconnects(timeout)) {
            last = tryToRemove(comm, cancellation, command, System.nanoTime() + timeout.toNanos());
        }
        if (last != null) {
            ui.error("Warning: could not remove " + what + " " + remote + " from the guest: " + last);
        }
    }

    /**
     * Null once {@code command} removed the file, else why the last attempt failed; no attempt starts
     * after {@code deadline} (a {@link System#nanoTime()} value).
     */
    private String tryToRemove(Communicator comm, Cancellation cancellation, String command, long deadline)
            throws CancelledException {
        String last = null;
        for (int attempt = 1; attempt <= CLEANUP_ATTEMPTS; attempt++) {
            try {
                CollectingListener output = new CollectingListener();
                ExecResult r = comm.execute(command, output, cancellation);
                if (!r.disconnected() && r.exitStatus() == 0) {
                    return null;
                }
                last = r.disconnected() ? "the connection dropped"
                        : "rm exited with status " + r.exitStatus() + output.errors();
            } catch (IOException e) {
                last = reason(e);
            }
            if (attempt == CLEANUP_ATTEMPTS || deadline - System.nanoTime() < retryDelay.toNanos()) {
                break;
            }
            cancellation.sleep(retryDelay);
        }
        return last;
    }

    private static String reason(IOException e) {
        return io.imgbuild.core.util.Errors.describe(e);
    }

    static byte[] toUnixLineEndings(byte[] content) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(content.length);
        for (int i = 0; i < content.length; i++) {
            if (!(content[i] == '\r' && i + 1 < content.length && content[i + 1] == '\n')) {
                out.write(content[i]);
            }
        }
        return out.toByteArray();
    }

    private static boolean containsCrlf(byte[] content) {
        for (int i = 0; i + 1 < content.length; i++) {
            if (content[i] == '\r' && content[i + 1] == '\n') {
                return true;
            }
        }
        return false;
    }

    private static String expandHome(String p) {
        return HomePaths.expand(p);
    }

    /** Keeps a helper command's output out of the build's output, holding on to its errors. */
    private static final class CollectingListener implements OutputListener {
        private final StringBuilder errors = new StringBuilder();

        @Override
        public void stdout(String line) {
        }

        @Override
        public synchronized void stderr(String line) {
            errors.append(errors.length() == 0 ? "" : "; ").append(line);
        }

        synchronized String errors() {
            return errors.length() == 0 ? "" : ": " + errors;
        }
    }
}
