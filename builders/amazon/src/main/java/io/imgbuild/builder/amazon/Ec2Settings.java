package io.imgbuild.builder.amazon;

import java.net.URI;
import java.nio.file.Path;

/**
 * How to reach EC2: credentials, build region, endpoint and retries, from the template (or the SDK's
 * default chain for what it leaves out). Kept apart from the clients so the artifact can reconnect
 * to deregister its AMIs after the build's own clients are closed.
 */
record Ec2Settings(String accessKey, String secretKey, String token, String profile, Path sharedCredentialsFile,
                   String region, URI endpoint, boolean insecureSkipTlsVerify, int maxRetries) {

    static Ec2Settings of(AmazonEbsConfig c, String region, Path workingDir) {
        Path credentials = c.sharedCredentialsFile() == null || c.sharedCredentialsFile().isEmpty() ? null
                : workingDir.resolve(c.sharedCredentialsFile());
        return new Ec2Settings(c.accessKey(), c.secretKey(), c.token(), c.profile(), credentials, region,
                endpoint(c.customEndpointEc2()), c.insecureSkipTlsVerify(), c.maxRetries());
    }

    /** custom_endpoint_ec2 as a URI; Packer accepts a bare host name and means https. */
    static URI endpoint(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        return URI.create(t.contains("://") ? t : "https://" + t);
    }

    @Override
    public String toString() {
        // never the secret key or token
        return "Ec2Settings[region=" + region + ", endpoint=" + endpoint + ", profile=" + profile + "]";
    }
}
