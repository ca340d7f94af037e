package io.imgbuild.testkit.ec2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tags as EC2 checks them: on CreateTags and in the TagSpecifications of create calls. */
final class Tagging {

    private static final int MAX_TAGS = 50;

    private Tagging() {}

    /** The tags in a TagList ({@code Tag.N.Key/Value}), checked. */
    static Map<String, String> read(List<Params> tagList) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Params tag : tagList) {
            String key = tag.string("Key");
            if (key == null) {
                throw Ec2Error.invalidValue("Tag key must not be empty");
            }
            if (key.length() > 128) {
                throw Ec2Error.invalidValue("Tag key exceeds the maximum length of 128 characters");
            }
            if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                throw Ec2Error.invalidValue("Tag keys starting with 'aws:' are reserved for internal use");
            }
            String value = tag.string("Value", "");
            if (value.length() > 256) {
                throw Ec2Error.invalidValue("Tag value exceeds the maximum length of 256 characters");
            }
            tags.put(key, value);
        }
        return tags;
    }

    static void add(Resource resource, Map<String, String> tags) {
        Map<String, String> merged = new LinkedHashMap<>(resource.tags);
        merged.putAll(tags);
        if (merged.size() > MAX_TAGS) {
            throw Ec2Error.client("TagLimitExceeded", "The maximum number of Tags for a resource has been reached.");
        }
        resource.tags.putAll(tags);
    }

    /**
      * The tags a create call's TagSpecifications give to {@code resourceType}; a specification for
      * a type the call does not create is refused, as EC2 refuses it.
      */
    static Map<String, String> specified(Params params, String resourceType, List<String> allowedTypes) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Params spec : params.structs("TagSpecifications")) {
            String type = spec.string("ResourceType");
            if (type == null) {
                throw Ec2Error.missing("TagSpecification.N.ResourceType");
            }
            if (!allowedTypes.contains(type)) {
                throw Ec2Error.invalidValue("'" + type + "' is not a valid taggable resource type for this operation.");
            }
            if (type.equals(resourceType)) {
                tags.putAll(read(spec.structs("Tags")));
            }
        }
        return tags;
    }
}
