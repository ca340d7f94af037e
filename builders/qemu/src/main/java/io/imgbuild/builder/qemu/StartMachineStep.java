package io.imgbuild.builder.qemu;

import io.imgbuild.core.boot.KeyboardTarget;
import io.imgbuild.core.config.Renderer;
import io.imgbuild.core.run.BuildData;
import io.imgbuild.core.download.DownloadKeys;
import io.imgbuild.core.step.Key;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the machine as a transient libvirt domain with the auto-destroy flag: nothing is defined that
 * could outlive the build, and libvirt destroys the machine itself if the build's connection drops
 * (even when the build process is killed). Cleanup destroys it if it still runs.
 */
final class StartMachineStep implements Step {

    private static final Logger LOG = LoggerFactory.getLogger(StartMachineStep.class);
    private static final int PORT_ATTEMPTS = 3;
    private static final Key<SerialLogTail> SERIAL = new Key<>("qemu.serialTail");

    private final QemuConfig config;
    private final DiskPlan plan;
    private final int guestSshPort;
    private final Renderer renderer;
    private final Path workingDir;

    StartMachineStep(QemuConfig config, DiskPlan plan, int guestSshPort, Renderer renderer, Path workingDir) {
        this.config = config;
        this.plan = plan;
        this.guestSshPort = guestSshPort;
        this.renderer = renderer;
        this.workingDir = workingDir;
    }

    @Override
    public String name() {
        return "StartMachine";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Connect c = ctx.state().get(QemuKeys.LIBVIRT);
        // A remote host's virtlogd would write the serial log there, out of our reach.
        boolean remote = ctx.state().get(HostFiles.KEY).remote();
        Path serial = remote ? null : ctx.state().get(QemuKeys.WORK_DIR).resolve("serial.log");
        Set<Integer> tried = new HashSet<>();
        for (int attempt = 1; ; attempt++) {
            Attempt a = attempt(ctx, serial, tried);
            DomainSpec spec = a.spec().onHost(ctx.state().find(PlaceFilesStep.HOST_PATHS).orElse(Map.of()));
            String xml = DomainXml.render(spec);
            LOG.debug("domain XML:\n{}", xml);
            try {
                Domain d = c.domainCreateXML(xml, Domains.START_AUTODESTROY);
                ctx.state().put(QemuKeys.DOMAIN, d);
                ctx.state().put(QemuKeys.STARTED_AT, System.nanoTime());
                ctx.state().put(KeyboardTarget.KEY, new LibvirtKeyboard(d));
                if (serial != null) {
                    ctx.state().put(SERIAL, new SerialLogTail(serial, spec.name()).start());
                }
                int sshHostPort = a.sshHostPort();
                if (sshHostPort > 0) {
                    ctx.state().put(QemuKeys.SSH_HOST_PORT, sshHostPort);
                }
                ctx.ui().say("Started the machine " + spec.name() + " (" + (spec.type().equals("kvm") ? "KVM" : "TCG")
                        + ", " + spec.vcpus().current() + " CPU, " + spec.memoryMiB() + " MiB"
                        + (sshHostPort > 0 ? ", SSH forwarded from 127.0.0.1:" + sshHostPort
                                + (remote ? " on the libvirt host" : "") : "") + ")");
                // Packer opens a window unless headless; the libvirt daemon's machine has no display here.
                String noWindow = config.headless() ? "" : "headless is false, but a machine run by the libvirt"
                        + " daemon opens no window. ";
                if (spec.vncPort() > 0) {
                    ctx.ui().message(noWindow + "To see its screen, connect a VNC viewer without password to vnc://"
                            + spec.vncListen() + ":" + spec.vncPort());
                } else if (!noWindow.isEmpty()) {
                    ctx.ui().message(noWindow + "disable_vnc leaves no screen to connect to either");
                }
                return;
            } catch (LibvirtException e) {
                String why = LibvirtErrors.message(e);
                if (attempt < PORT_ATTEMPTS && (why.contains("host forwarding") || why.contains("in use"))) {
                    LOG.debug("port taken meanwhile, trying others: {}", why);
                    continue;
                }
                throw new StepFailure("libvirt could not start the machine: " + why);
            }
        }
    }

    /** The machine of one start attempt and the host port it forwards to SSH (0 for none). */
    private record Attempt(DomainSpec spec, int sshHostPort) {
    }

    private Attempt attempt(StepContext ctx, Path serial, Set<Integer> tried) throws StepFailure {
        int sshPort = 0;
        if (!config.skipNatMapping()) {
            sshPort = FreePorts.pick("127.0.0.1", config.hostPortMin(), config.hostPortMax(), tried);
            if (sshPort < 0) {
                throw new StepFailure("no free port between host_port_min " + config.hostPortMin() + " and host_port_max "
                        + config.hostPortMax() + " to forward to the machine's SSH port: widen the range");
            }
            tried.add(sshPort);
        }
        int vncPort = 0;
        if (!config.disableVnc()) {
            vncPort = FreePorts.pick(config.vncBindAddress(), config.vncPortMin(), config.vncPortMax(), tried);
            if (vncPort < 0) {
                throw new StepFailure("no free port between vnc_port_min " + config.vncPortMin() + " and vnc_port_max "
                        + config.vncPortMax() + " on " + config.vncBindAddress() + ": widen the range");
            }
            tried.add(vncPort);
        }
        Optional<Path> iso = config.diskImage() ? Optional.empty() : Optional.of(ctx.state().get(DownloadKeys.ISO_PATH));
        DomainSpec defaults = MachineDefaults.spec(config, plan, ctx.state().get(QemuKeys.DOMAIN_TYPE), serial, vncPort,
                sshPort, guestSshPort, iso, ctx.state().find(QemuKeys.CD_IMAGE), ctx.state().find(QemuKeys.FLOPPY_IMAGE));
        if (config.qemuargs().isEmpty()) {
            return new Attempt(defaults, sshPort);
        }
        ctx.ui().say("Merging qemuargs into the machine's defaults...");
        QemuArgsMerge.Result merged = QemuArgsMerge.apply(defaults, config.netDevice(), render(ctx, sshPort),
                workingDir, MachineDefaults.aliases(plan, defaults), new PciDevices(config.qemuBinary(), ctx.cancellation()));
        if (!merged.problems().isEmpty()) {
            QemuArgsMerge.Problem p = merged.problems().get(0);
            throw new StepFailure("qemuargs[" + p.index() + "], once rendered: " + p.message() + ": " + p.hint());
        }
        String wanted = merged.accel() == null ? null : merged.accel().equals("kvm") ? "kvm" : "qemu";
        if (wanted != null && !wanted.equals(defaults.type())) {
            throw new StepFailure("qemuargs ask for accel=" + merged.accel() + ", but the machine runs under "
                    + (defaults.type().equals("kvm") ? "KVM" : "TCG") + " (a value rendered at build time cannot change the"
                    + " accelerator): write the accelerator option instead");
        }
        return new Attempt(merged.spec(), sshPort);
    }

    /** qemuargs with Packer's build-time values: HTTPIP, HTTPPort, HTTPDir, OutputDir, Name, SSHHostPort. */
    private List<List<String>> render(StepContext ctx, int sshPort) throws StepFailure {
        Map<String, String> data = ctx.state().find(BuildData.KEY).orElse(Map.of());
        Map<String, String> fields = Map.of(
                "HTTPIP", data.getOrDefault("PackerHTTPIP", ""),
                "HTTPPort", data.getOrDefault("PackerHTTPPort", "0"),
                "HTTPDir", config.httpDirectory() == null ? "" : config.httpDirectory(),
                "OutputDir", config.outputDirectory(),
                "Name", config.vmName(),
                "SSHHostPort", Integer.toString(sshPort));
        List<List<String>> out = new ArrayList<>();
        for (List<String> entry : config.qemuargs()) {
            List<String> rendered = new ArrayList<>();
            for (String part : entry) {
                rendered.add(renderer.renderDeferred(part, fields, data));
            }
            out.add(rendered);
        }
        return out;
    }

    @Override
    public void cleanup(StepContext ctx) {
        ctx.state().remove(QemuKeys.DOMAIN).ifPresent(d -> {
            try {
                if (d.isActive() == 1) {
                    if (ctx.state().find(QemuKeys.MACHINE_STOPPED).isEmpty()) {
                        ctx.ui().say("Destroying the machine");
                    } // else QEMU has exited and libvirt is still catching up: nothing to announce
                    d.destroy();
                }
            } catch (LibvirtException e) {
                LOG.debug("the machine is gone already: {}", LibvirtErrors.message(e));
            }
        });
        ctx.state().remove(KeyboardTarget.KEY);
        ctx.state().remove(SERIAL).ifPresent(SerialLogTail::close);
    }
}
