package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.Key;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.CopyImageRequest;

/**
 * Copies the AMI to ami_regions (all copies started, then awaited), encrypting with
 * region_kms_key_ids / kms_key_id when encrypt_boot is set. With encrypt_boot the build region also
 * gets an encrypted copy that replaces the unencrypted AMI, as in Packer. Unlike Packer 1.6.6, a
 * failure or Ctrl-C after this step removes the copies in other regions too: nothing the build made
 * is left to bill. With skip_save_build_region only the copies are kept.
 */
final class CopyImageStep implements Step {

    private static final Key<Map<String, String>> COPIES = new Key<>("ami-copies");

    private final AmazonEbsConfig config;
    private final List<String> copyRegions;
    private final Tags tags;
    private final Polling polling;

    CopyImageStep(AmazonEbsConfig config, List<String> copyRegions, Tags tags, Polling polling) {
        this.config = config;
        this.copyRegions = copyRegions;
        this.tags = tags;
        this.polling = polling;
    }

    @Override
    public String name() {
        return "AmiRegionCopy";
    }

    static boolean needed(AmazonEbsConfig config, List<String> copyRegions) {
        return !copyRegions.isEmpty() || config.encrypted() || config.skipSaveBuildRegion();
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        String home = ec2.settings().region();
        Map<String, String> amis = ctx.state().get(AmazonKeys.AMIS);
        String source = amis.get(home);
        Map<String, String> copies = new LinkedHashMap<>();
        ctx.state().put(COPIES, copies);
        List<String> targets = new ArrayList<>();
        if (config.encrypted()) {
            targets.add(home);
        }
        targets.addAll(copyRegions);
        for (String region : targets) {
            String kms = kmsKey(region, home);
            CopyImageRequest request = CopyImageRequest.builder().sourceRegion(home).sourceImageId(source)
                    .name(config.amiName()).description(description(ctx, region))
                    .clientToken(ClientTokens.of(ctx, "copy-to-" + region))
                    .encrypted(config.encrypted() ? Boolean.TRUE : null).kmsKeyId(kms).build();
            ctx.ui().say("Copying " + home + ":" + source + " to " + region + (config.encrypted()
                    ? " encrypted" + (kms == null ? " with the default key" : " with " + kms) : "") + "...");
            String id = AwsCall.run("CopyImage", region, () -> ec2.ec2(region).copyImage(request)).imageId();
            copies.put(region, id);
        }
        for (Map.Entry<String, String> copy : copies.entrySet()) {
            CreateImageStep.awaitAvailable(ctx, ec2, copy.getKey(), copy.getValue(), polling);
        }
        if (config.encrypted()) {
            ctx.ui().say("Removing the unencrypted intermediate AMI " + source + "...");
            Images.remove(ec2.ec2(), home, source, true, ctx.ui());
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put(home, copies.getOrDefault(home, source)); // the build region stays first
        all.putAll(copies);
        if (config.skipSaveBuildRegion()) {
            ctx.ui().say("skip_save_build_region: removing the AMI in " + home + "...");
            Images.remove(ec2.ec2(), home, all.remove(home), true, ctx.ui());
        }
        amis.clear();
        amis.putAll(all);
        copies.clear();
    }

    private String description(StepContext ctx, String region) throws StepFailure {
        String d = config.amiDescription();
        return d == null || d.isEmpty() ? null : tags.renderText(ctx, d, region);
    }

    private String kmsKey(String region, String home) {
        String perRegion = config.regionKmsKeyIds().get(region);
        if (perRegion != null && !perRegion.isEmpty()) {
            return perRegion;
        }
        return region.equals(home) && config.kmsKeyId() != null && !config.kmsKeyId().isEmpty()
                ? config.kmsKeyId() : null;
    }

    @Override
    public void cleanup(StepContext ctx) throws StepFailure {
        Map<String, String> amis = ctx.state().find(AmazonKeys.AMIS).orElse(Map.of());
        Map<String, String> copies = new LinkedHashMap<>(ctx.state().find(COPIES).orElse(Map.of()));
        if (!ctx.halted()) {
            return;
        }
        Ec2Access ec2 = ctx.state().get(AmazonKeys.EC2);
        String home = ec2.settings().region();
        // copies still awaited, and finished copies in other regions (the build region's AMI is CreateAmi's)
        amis.forEach((region, id) -> {
            if (!region.equals(home)) {
                copies.putIfAbsent(region, id);
            }
        });
        if (!copies.isEmpty()) {
            ctx.ui().say("The build did not finish: removing the AMI copies " + copies + "...");
        }
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, String> c : copies.entrySet()) {
            try {
                CreateImageStep.removeOrSay(ec2, c.getKey(), c.getValue(), ctx);
                amis.remove(c.getKey(), c.getValue());
            } catch (StepFailure e) {
                failed.add(e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            throw new StepFailure(String.join("; ", failed));
        }
    }
}
