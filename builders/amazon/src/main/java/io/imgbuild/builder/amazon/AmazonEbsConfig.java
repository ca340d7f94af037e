package io.imgbuild.builder.amazon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The amazon-ebs builder's options (the communicator options are bound separately to
 * {@link io.imgbuild.core.communicator.CommunicatorConfig}). Defaults come from the schema. Tag values
 * may be strings, numbers or booleans, as in Packer; the list forms ({@code tag}, {@code run_tag}, ...)
 * are merged into the map forms by {@link #amiTags()} and its siblings.
 */
public record AmazonEbsConfig(
        // access
        String accessKey, String secretKey, String token, String region, String profile, String sharedCredentialsFile,
        JsonNode assumeRole, JsonNode vaultAwsEngine, String customEndpointEc2, boolean decodeAuthorizationMessages,
        boolean insecureSkipTlsVerify, String mfaCode, boolean skipMetadataApiCheck, boolean skipCredentialValidation,
        int maxRetries, JsonNode awsPolling,
        // AMI
        String amiName, String amiDescription, String amiVirtualizationType, List<String> amiUsers,
        List<String> amiGroups, List<String> amiProductCodes, List<String> amiRegions, boolean skipRegionValidation,
        Map<String, Object> tags, List<KeyValue> tag, Boolean enaSupport, boolean sriovSupport, boolean forceDeregister,
        boolean forceDeleteSnapshot, Boolean encryptBoot, String kmsKeyId, Map<String, String> regionKmsKeyIds,
        boolean skipSaveBuildRegion, Map<String, Object> snapshotTags, List<KeyValue> snapshotTag,
        List<String> snapshotUsers, List<String> snapshotGroups, boolean skipCreateAmi,
        // run
        String sourceAmi, SourceAmiFilter sourceAmiFilter, String instanceType, List<String> spotInstanceTypes,
        JsonNode spotPrice, Map<String, Object> spotTags, List<KeyValue> spotTag, Integer blockDurationMinutes,
        String availabilityZone, String vpcId, JsonNode vpcFilter, String subnetId, JsonNode subnetFilter,
        String securityGroupId, List<String> securityGroupIds, JsonNode securityGroupFilter,
        List<String> temporarySecurityGroupSourceCidrs, boolean associatePublicIpAddress, String iamInstanceProfile,
        boolean skipProfileValidation, JsonNode temporaryIamInstanceProfilePolicyDocument, String shutdownBehavior,
        boolean disableStopInstance, boolean ebsOptimized, boolean enableT2Unlimited, String tenancy,
        Map<String, Object> runTags, List<KeyValue> runTag, Map<String, Object> runVolumeTags,
        List<NameValue> runVolumeTag, String userData, String userDataFile, Duration windowsPasswordTimeout,
        String sshInterface, Duration pauseBeforeSsm, Integer sessionManagerPort,
        // block devices
        List<BlockDevice> launchBlockDeviceMappings, List<BlockDevice> amiBlockDeviceMappings, boolean noEphemeral) {

    /** One tag written as {@code {"key": ..., "value": ...}}. */
    public record KeyValue(String key, Object value) {
    }

    /** One tag or filter written as {@code {"name": ..., "value": ...}}. */
    public record NameValue(String name, Object value) {
    }

    /** How to find the source AMI when it is not given by ID. */
    public record SourceAmiFilter(Map<String, Object> filters, List<KeyValue> filter, List<String> owners,
                                  boolean mostRecent) {
        public SourceAmiFilter {
            filters = filters == null ? Map.of() : new LinkedHashMap<>(filters);
            filter = filter == null ? List.of() : List.copyOf(filter);
            owners = owners == null ? List.of() : List.copyOf(owners);
        }

        /** The filters, the list form merged in. */
        public Map<String, String> allFilters() {
            return merge(filters, filter);
        }

        public boolean isEmpty() {
            return filters.isEmpty() && filter.isEmpty() && owners.isEmpty();
        }
    }

    /** One block device mapping. */
    public record BlockDevice(String deviceName, String volumeType, Integer volumeSize, Integer iops, Integer throughput,
                              Boolean encrypted, String kmsKeyId, String snapshotId, boolean deleteOnTermination,
                              boolean noDevice, String virtualName) {
    }

    public AmazonEbsConfig {
        amiUsers = list(amiUsers);
        amiGroups = list(amiGroups);
        amiProductCodes = list(amiProductCodes);
        amiRegions = list(amiRegions);
        tag = list(tag);
        snapshotTag = list(snapshotTag);
        snapshotUsers = list(snapshotUsers);
        snapshotGroups = list(snapshotGroups);
        spotInstanceTypes = list(spotInstanceTypes);
        spotTag = list(spotTag);
        securityGroupIds = list(securityGroupIds);
        temporarySecurityGroupSourceCidrs = list(temporarySecurityGroupSourceCidrs);
        runTag = list(runTag);
        runVolumeTag = list(runVolumeTag);
        launchBlockDeviceMappings = list(launchBlockDeviceMappings);
        amiBlockDeviceMappings = list(amiBlockDeviceMappings);
        tags = map(tags);
        snapshotTags = map(snapshotTags);
        spotTags = map(spotTags);
        runTags = map(runTags);
        runVolumeTags = map(runVolumeTags);
        regionKmsKeyIds = regionKmsKeyIds == null ? Map.of() : new LinkedHashMap<>(regionKmsKeyIds);
    }

    /** {@code spot_price} as text ("" when unset): a number, {@code auto}, or {@code 0} for on demand. */
    public String spotPriceText() {
        if (spotPrice == null || spotPrice.isNull()) {
            return "";
        }
        return spotPrice.isString() ? spotPrice.asString().trim() : spotPrice.asString();
    }

    /** Whether a spot instance is requested (a price other than 0). */
    public boolean isSpot() {
        String p = spotPriceText();
        if (p.isEmpty()) {
            return false;
        }
        try {
            return new java.math.BigDecimal(p).signum() != 0;
        } catch (NumberFormatException e) {
            return true; // auto, or a mistake reported by the checks
        }
    }

    public boolean encrypted() {
        return Boolean.TRUE.equals(encryptBoot);
    }

    /** The regions to copy the AMI to: duplicates and the build region dropped, as Packer does. */
    public List<String> copyRegions(String buildRegion) {
        Set<String> out = new LinkedHashSet<>(amiRegions);
        out.remove(buildRegion);
        return new ArrayList<>(out);
    }

    public Map<String, String> amiTags() {
        return merge(tags, tag);
    }

    public Map<String, String> allSnapshotTags() {
        return merge(snapshotTags, snapshotTag);
    }

    public Map<String, String> allSpotTags() {
        return merge(spotTags, spotTag);
    }

    public Map<String, String> allRunTags() {
        return merge(runTags, runTag);
    }

    public Map<String, String> allRunVolumeTags() {
        Map<String, String> out = new LinkedHashMap<>();
        runVolumeTags.forEach((k, v) -> out.put(k, String.valueOf(v)));
        runVolumeTag.forEach(nv -> out.put(nv.name(), nv.value() == null ? "" : String.valueOf(nv.value())));
        return out;
    }

    static Map<String, String> merge(Map<String, Object> map, List<KeyValue> list) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, String.valueOf(v)));
        list.forEach(kv -> out.put(kv.key(), kv.value() == null ? "" : String.valueOf(kv.value())));
        return out;
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    private static Map<String, Object> map(Map<String, Object> m) {
        return m == null ? Map.of() : new LinkedHashMap<>(m);
    }
}
