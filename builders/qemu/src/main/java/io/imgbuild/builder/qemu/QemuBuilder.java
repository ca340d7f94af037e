package io.imgbuild.builder.qemu;

import io.imgbuild.core.boot.BootSettings;
import io.imgbuild.core.boot.KeyboardSource;
import io.imgbuild.core.boot.TypeBootCommandStep;
import io.imgbuild.core.build.Builder;
import io.imgbuild.core.build.BuilderContext;
import io.imgbuild.core.communicator.CommunicatorConfig;
import io.imgbuild.core.communicator.ConnectStep;
import io.imgbuild.core.communicator.SshTarget;
import io.imgbuild.core.config.Renderer;
import io.imgbuild.core.download.DownloadStep;
import io.imgbuild.core.http.GuestHttpIp;
import io.imgbuild.core.http.HttpServerSettings;
import io.imgbuild.core.http.StartHttpServerStep;
import io.imgbuild.core.iso.IsoConfig;
import io.imgbuild.core.log.LogSettings;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a disk image on QEMU through libvirt: source → disks → machine → SSH → provisioners →
 * shutdown → final image. Every step undoes what it made when the build fails or is cancelled.
 */
final class QemuBuilder implements Builder {

    /** The host as a guest on QEMU's user-mode network sees it. */
    static final String USER_NETWORK_HOST = "10.0.2.2";

    private final QemuConfig config;
    private final IsoConfig iso;
    private final CommunicatorConfig communicator;
    private final HttpServerSettings http;
    private final Renderer renderer;

    QemuBuilder(QemuConfig config, IsoConfig iso, CommunicatorConfig communicator, HttpServerSettings http,
                Renderer renderer) {
        this.config = config;
        this.iso = iso;
        this.communicator = communicator;
        this.http = http;
        this.renderer = renderer;
    }

    QemuConfig config() {
        return config;
    }

    IsoConfig iso() {
        return iso;
    }

    CommunicatorConfig communicator() {
        return communicator;
    }

    @Override
    public List<Step> steps(BuilderContext context) {
        Path workingDir = context.build().workingDir();
        Path outputDir = workingDir.resolve(config.outputDirectory()).normalize();
        DiskPlan plan = DiskPlan.of(config, outputDir);
        List<Step> steps = new ArrayList<>();
        steps.add(new UnsupportedOptionsStep(config));
        steps.add(new CreateWorkDirStep());
        if (CreateMediaStep.needed(config)) {
            steps.add(new CreateMediaStep(config, workingDir));
        }
        steps.add(new OpenLibvirtStep(config.libvirtUri()));
        steps.add(new OpenHostStep(config.libvirtUri(), config.libvirtPool(), config.vmName()));
        // An accelerator named in qemuargs (-machine accel=, -accel, -enable-kvm) replaces the option, as in Packer.
        String accel = config.qemuargs().isEmpty() ? null : QemuArgsMerge.check(config, workingDir).accel();
        steps.add(new ChooseAcceleratorStep(accel != null ? accel : config.accelerator()));
        steps.add(DownloadStep.iso(config.isoSkipCache() ? iso.withChecksum("none") : iso));
        steps.add(new PrepareOutputDirStep(outputDir));
        steps.add(new CreateDisksStep(config, plan));
        steps.add(new StartHttpServerStep(http, GuestHttpIp.fixed(USER_NETWORK_HOST), OpenHostStep::guestHttpPort));
        steps.add(new PlaceFilesStep(config, plan));
        steps.add(new StartMachineStep(config, plan, communicator.sshPort(), renderer, workingDir));
        steps.add(new ForwardGuestSshStep());
        if (!config.bootCommand().isEmpty()) {
            // Without a boot command there is nothing to wait for: SSH is tried at once, and its
            // retries find the machine as soon as it is up, where Packer sleeps boot_wait first.
            steps.add(new TypeBootCommandStep(new BootSettings(config.bootWait(), config.bootCommand(),
                    config.bootKeyInterval(), config.bootKeygroupInterval(), config.vmName()), renderer,
                    KeyboardSource.fromState()));
        }
        if (!communicator.none()) {
            steps.add(new WaitForSshStep(new ConnectStep(communicator, sshTarget()), screenshotPath(workingDir)));
        }
        steps.add(context.provisionStep());
        steps.add(new ShutdownStep(config.shutdownCommand(), config.shutdownTimeout(), plan.buildDisk()));
        steps.add(new FetchDisksStep(plan));
        steps.add(new FinishDiskStep(config, plan));
        steps.add(new ArtifactStep(config, plan, outputDir));
        return steps;
    }

    private SshTarget sshTarget() {
        if (config.skipNatMapping()) {
            return SshTarget.fixed(communicator.sshHost(), communicator.sshPort());
        }
        // Through the libvirt host's SSH session when the machine runs there.
        return ctx -> new SshTarget.Address("127.0.0.1", ctx.state().find(ForwardGuestSshStep.LOCAL_PORT)
                .or(() -> ctx.state().find(QemuKeys.SSH_HOST_PORT))
                .orElseThrow(() -> new StepFailure("no SSH port was forwarded to the machine")));
    }

    /** Next to the log file when there is one, else in the working directory. */
    private Path screenshotPath(Path workingDir) {
        LogSettings log = LogSettings.fromEnvironment(System.getenv());
        Path dir = log.path() == null ? workingDir : workingDir.resolve(log.path()).toAbsolutePath().getParent();
        return dir.resolve(config.vmName() + "-console.png");
    }
}
