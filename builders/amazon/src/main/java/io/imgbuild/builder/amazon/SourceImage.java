package io.imgbuild.builder.amazon;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Tag;

/** The AMI the instance is launched from, and the template fields it provides ({{ .SourceAMI }} ...). */
record SourceImage(String id, String name, String ownerId, String ownerAlias, String creationDate,
                   String rootDeviceName, Map<String, String> tags) {

    static SourceImage of(Image image) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (image.tags() != null) {
            for (Tag t : image.tags()) {
                tags.put(t.key(), t.value());
            }
        }
        return new SourceImage(image.imageId(), nz(image.name()), nz(image.ownerId()), nz(image.imageOwnerAlias()),
                nz(image.creationDate()), nz(image.rootDeviceName()), Map.copyOf(tags));
    }

    /** The fields Packer offers to tags and descriptions, for one region. */
    Map<String, String> templateFields(String region) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("SourceAMI", id);
        f.put("SourceAMIName", name);
        f.put("SourceAMIOwner", ownerId);
        f.put("SourceAMIOwnerName", ownerAlias);
        f.put("SourceAMICreationDate", creationDate);
        f.put("SourceAMITags", tags.toString());
        f.put("BuildRegion", region);
        return f;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
