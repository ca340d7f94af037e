package io.imgbuild.builder.qemu;

import io.imgbuild.core.boot.KeyboardTarget;
import io.imgbuild.core.download.DownloadKeys;
import io.imgbuild.core.step.Key;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    StartMachineStep(QemuConfig config, DiskPlan plan, int guestSshPort) {
        this.config = config;
        this.plan = plan;
        this.guestSshPort = guestSshPort;
    }

    @Override
    public String name() {
        return "StartMachine";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Connect c = ctx.state().get(QemuKeys.LIBVIRT);
        Path serial = ctx.state().get(QemuKeys.WORK_DIR).resolve("serial.log");
        Set<Integer> tried = new HashSet<>();
        for (int attempt = 1; ; attempt++) {
            DomainSpec spec = spec(ctx, serial, tried);
            String xml = DomainXml.render(spec);
            LOG.debug("domain XML:\n{}", xml);
            try {
                Domain d = c.domainCreateXML(xml, Domains.START_AUTODESTROY);
                ctx.state().put(QemuKeys.DOMAIN, d);
                ctx.state().put(QemuKeys.STARTED_AT, System.nanoTime());
                ctx.state().put(KeyboardTarget.KEY, new LibvirtKeyboard(d));
                ctx.state().put(SERIAL, new SerialLogTail(serial, spec.name()).start());
                if (spec.sshHostPort() > 0) {
                    ctx.state().put(QemuKeys.SSH_HOST_PORT, spec.sshHostPort());
                }
                ctx.ui().say("Started the machine " + spec.name() + " (" + (spec.type().equals("kvm") ? "KVM" : "TCG")
                        + ", " + spec.cpus() + " CPU, " + spec.memoryMiB() + " MiB"
                        + (spec.sshHostPort() > 0 ? ", SSH forwarded from 127.0.0.1:" + spec.sshHostPort() : "") + ")");
                if (spec.vncPort() > 0) {
                    ctx.ui().message("To see its screen, connect a VNC viewer without password to vnc://"
                            + spec.vncListen() + ":" + spec.vncPort());
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

    private DomainSpec spec(StepContext ctx, Path serial, Set<Integer> tried) throws StepFailure {
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
        List<DomainSpec.Disk> disks = new ArrayList<>();
        List<Path> machineDisks = plan.machineDisks();
        for (int i = 0; i < machineDisks.size(); i++) {
            String format = i == 0 ? plan.buildFormat() : config.format();
            disks.add(new DomainSpec.Disk(machineDisks.get(i), format, config.diskInterface(), config.diskCache(),
                    config.diskDiscard(), config.diskDetectZeroes()));
        }
        List<Path> cdroms = new ArrayList<>();
        if (!config.diskImage()) {
            cdroms.add(ctx.state().get(DownloadKeys.ISO_PATH));
        }
        String cdromBus = config.cdromInterface() == null || config.cdromInterface().isEmpty() ? "ide"
                : config.cdromInterface();
        List<String> extra = new ArrayList<>();
        config.qemuargs().forEach(extra::addAll);
        return new DomainSpec(config.vmName(), ctx.state().get(QemuKeys.DOMAIN_TYPE), config.machineType(),
                config.effectiveMemory(), config.effectiveCpus(), disks, cdroms, cdromBus, serial, config.vncBindAddress(),
                vncPort, config.netDevice(), sshPort, guestSshPort, extra);
    }

    @Override
    public void cleanup(StepContext ctx) {
        ctx.state().remove(QemuKeys.DOMAIN).ifPresent(d -> {
            try {
                if (d.isActive() == 1) {
                    ctx.ui().say("Destroying the machine");
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
