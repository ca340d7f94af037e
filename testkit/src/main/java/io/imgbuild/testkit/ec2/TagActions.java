package io.imgbuild.testkit.ec2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CreateTags, DeleteTags, DescribeTags. */
final class TagActions {

    /** One tag of one resource: what DescribeTags lists and filters. */
    private record Entry(Resource resource, String key, String value) {}

    private static final Filters<Entry> FILTERS = Filters.<Entry>untagged()
            .on("key", e -> e.key())
            .on("value", e -> e.value())
            .on("resource-id", e -> e.resource().id)
            .on("resource-type", e -> e.resource().resourceType());

    private TagActions() {}

    static void register(Map<String, Action> actions) {
        actions.put("CreateTags", TagActions::create);
        actions.put("DeleteTags", TagActions::delete);
        actions.put("DescribeTags", TagActions::describe);
    }

    /** All resources are checked before any is tagged: a bad ID leaves every resource as it was. */
    private static Map<String, Object> create(Action.Call call) {
        Params p = call.params();
        Map<String, String> tags = Tagging.read(p.structs("Tags"));
        List<Resource> resources = new ArrayList<>();
        p.strings("Resources").forEach(id -> resources.add(call.region().taggable(id, call.now())));
        resources.forEach(r -> Tagging.add(r, tags));
        return null;
    }

    /** A tag given with a value goes only if the value matches; no tags at all removes every tag. */
    private static Map<String, Object> delete(Action.Call call) {
        Params p = call.params();
        List<Resource> resources = new ArrayList<>();
        p.strings("Resources").forEach(id -> resources.add(call.region().taggable(id, call.now())));
        List<Params> tags = p.structs("Tags");
        for (Resource resource : resources) {
            if (tags.isEmpty()) {
                resource.tags.clear();
            }
            for (Params tag : tags) {
                String key = tag.string("Key");
                if (key != null && (!tag.has("Value") || String.valueOf(tag.string("Value", "")).equals(resource.tags.get(key)))) {
                    resource.tags.remove(key);
                }
            }
        }
        return null;
    }

    private static Map<String, Object> describe(Action.Call call) {
        Params p = call.params();
        List<Entry> entries = new ArrayList<>();
        for (Resource resource : call.region().ownedResources(call.now())) {
            resource.tags.forEach((key, value) -> entries.add(new Entry(resource, key, value)));
        }
        Paging.Page<Entry> page = Paging.page(FILTERS.apply(entries, p.structs("Filters")), p, 5, 1000);
        return Fields.of("Tags", page.items().stream().map(e -> (Object) Fields.of("Key", e.key(), "ResourceId", e.resource().id,
                "ResourceType", e.resource().resourceType(), "Value", e.value())).toList(), "NextToken", page.nextToken());
    }
}
