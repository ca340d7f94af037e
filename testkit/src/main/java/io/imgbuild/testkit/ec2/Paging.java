package io.imgbuild.testkit.ec2;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** MaxResults / NextToken paging: a token is where the next page starts, opaque to clients. */
final class Paging {

    record Page<T>(List<T> items, String nextToken) {}

    private Paging() {}

    /** {@code min}..{@code max}: the MaxResults range the action allows. */
    static <T> Page<T> page(List<T> items, Params params, int min, int max) {
        Long maxResults = params.number("MaxResults");
        String token = params.string("NextToken");
        if (maxResults == null && token == null) {
            return new Page<>(items, null);
        }
        if (maxResults != null && (maxResults < min || maxResults > max)) {
            throw Ec2Error.invalidValue("Value ( " + maxResults + " ) for parameter maxResults is invalid. Expecting a value between "
                    + min + " and " + max + ".");
        }
        int start = token == null ? 0 : decode(token);
        if (start > items.size()) {
            throw invalidToken();
        }
        int end = maxResults == null ? items.size() : (int) Math.min(items.size(), start + maxResults);
        String next = end < items.size() ? encode(end) : null;
        return new Page<>(items.subList(start, end), next);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("imgbuild-sim:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("imgbuild-sim:")) {
                throw invalidToken();
            }
            return Integer.parseInt(text.substring("imgbuild-sim:".length()));
        } catch (IllegalArgumentException e) {
            throw invalidToken();
        }
    }

    private static Ec2Error invalidToken() {
        return Ec2Error.client("InvalidPaginationToken", "The specified pagination token is not valid or is expired.");
    }
}
