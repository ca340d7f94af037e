package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import org.libvirt.Connect;

/**
 * Picks the libvirt domain type. Unset or {@code none}: KVM if it really works here, else TCG, saying
 * which and why. {@code kvm} on a host where KVM cannot run a guest fails at once with the reason,
 * instead of timing out waiting for SSH as Packer does.
 */
final class ChooseAcceleratorStep implements Step {

    private final String accelerator;

    ChooseAcceleratorStep(String accelerator) {
        this.accelerator = accelerator == null || accelerator.isEmpty() ? "none" : accelerator;
    }

    @Override
    public String name() {
        return "ChooseAccelerator";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        switch (accelerator) {
            case "tcg" -> {
                ctx.ui().say("Using TCG software emulation (accelerator tcg)");
                ctx.state().put(QemuKeys.DOMAIN_TYPE, "qemu");
            }
            case "kvm", "none" -> {
                Connect c = ctx.state().get(QemuKeys.LIBVIRT);
                AcceleratorProbe.Verdict v = KvmVerdicts.get(c, ctx.state().get(QemuKeys.WORK_DIR),
                        ctx.state().get(HostFiles.KEY), ctx);
                if (v.kvmWorks()) {
                    ctx.ui().say("Using KVM acceleration");
                    ctx.state().put(QemuKeys.DOMAIN_TYPE, "kvm");
                } else if (accelerator.equals("kvm")) {
                    throw new StepFailure("accelerator is kvm, but KVM cannot run a guest on this host: " + v.reason()
                            + "; remove accelerator to use the best one that works, or set it to tcg");
                } else {
                    ctx.ui().say("KVM cannot be used here (" + v.reason() + "): using TCG software emulation,"
                            + " which is slower");
                    ctx.state().put(QemuKeys.DOMAIN_TYPE, "qemu");
                }
            }
            default -> throw new StepFailure("accelerator " + accelerator + " is not available through libvirt's QEMU"
                    + " driver; use kvm or tcg, or leave accelerator out to use the best that works");
        }
    }
}
