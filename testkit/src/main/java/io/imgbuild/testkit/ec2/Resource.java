package io.imgbuild.testkit.ec2;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What every taggable EC2 resource has. State is guarded by the simulator's one lock. */
abstract class Resource {

    final String id;
    final Instant createdAt;
    final Map<String, String> tags = new java.util.LinkedHashMap<>();

    Resource(String id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
    }

    /** The name DescribeTags and TagSpecification use ("instance", "image", ...). */
    abstract String resourceType();

    /** Tags as the model's TagList: [{Key, Value}, ...]. */
    List<Object> tagList() {
        return tags.entrySet().stream().map(e -> (Object) Fields.of("Key", e.getKey(), "Value", e.getValue())).toList();
    }
}
