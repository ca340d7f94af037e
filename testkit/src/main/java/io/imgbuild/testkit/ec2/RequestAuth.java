package io.imgbuild.testkit.ec2;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
  * What the simulator takes from a request's Signature V4 credentials: the access key (checked
  * when the simulator is given one) and the credential scope's region. The signature itself is
  * not verified; a request without any is refused, as EC2 refuses it.
  */
final class RequestAuth {

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/\\d{8}/([^/,\\s]+)/");
    private static final Pattern QUERY_CREDENTIAL = Pattern.compile("([^/]+)/\\d{8}/([^/]+)/");

    /** The access key ID and the region the client signed for. */
    record Scope(String accessKeyId, String region) {}

    private RequestAuth() {}

    static Scope check(String authorization, Map<String, String> params, String acceptedKey) {
        Matcher m = null;
        if (authorization != null && authorization.startsWith("AWS4-HMAC-SHA256")) {
            m = CREDENTIAL.matcher(authorization);
        } else if (params.containsKey("X-Amz-Credential")) {
            m = QUERY_CREDENTIAL.matcher(params.get("X-Amz-Credential"));
        }
        if (m == null) {
            throw new Ec2Error(401, "MissingAuthenticationToken",
                    "The request must contain either a valid (registered) AWS access key ID or X.509 certificate.");
        }
        if (!m.find()) {
            throw new Ec2Error(401, "AuthFailure", "AWS was not able to validate the provided access credentials: "
                    + "the Authorization header has no Credential=<key>/<date>/<region>/ec2/aws4_request");
        }
        Scope scope = new Scope(m.group(1), m.group(2));
        if (acceptedKey != null && !acceptedKey.equals(scope.accessKeyId())) {
            throw new Ec2Error(401, "AuthFailure", "AWS was not able to validate the provided access credentials");
        }
        return scope;
    }
}
