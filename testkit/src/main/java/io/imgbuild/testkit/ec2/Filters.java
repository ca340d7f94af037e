package io.imgbuild.testkit.ec2;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
  * The filters one Describe action accepts, evaluated as EC2 evaluates them: the values of one
  * filter are alternatives, the filters all apply, values may hold wildcards, and {@code tag:Key},
  * {@code tag-key} and {@code tag-value} work on every taggable resource. An unknown filter name is
  * refused with InvalidParameterValue.
  */
final class Filters<T> {

    private final Map<String, Function<T, Object>> fields = new LinkedHashMap<>();
    private final Function<T, Map<String, String>> tagsOf;

    private Filters(Function<T, Map<String, String>> tagsOf) {
        this.tagsOf = tagsOf;
    }

    /** Filters on a taggable resource. */
    static <R extends Resource> Filters<R> of(Class<R> type) {
        return new Filters<R>(r -> r.tags);
    }

    /** Filters on something without tags (regions, zones, tag entries). */
    static <T> Filters<T> untagged() {
        return new Filters<T>(t -> Map.of());
    }

    /** {@code value} gives a String, Boolean, Number, a Collection of those, or null (never matches). */
    Filters<T> on(String name, Function<T, Object> value) {
        fields.put(name, value);
        return this;
    }

    List<T> apply(Collection<T> items, List<Params> filters) {
        for (Params filter : filters) {
            String name = filter.string("Name");
            if (name == null) {
                throw Ec2Error.missing("Filter.N.Name");
            }
            if (!fields.containsKey(name) && !name.startsWith("tag:") && !name.equals("tag-key") && !name.equals("tag-value")) {
                throw Ec2Error.invalidFilter(name);
            }
        }
        return items.stream().filter(item -> filters.stream().allMatch(f -> matches(item, f))).toList();
    }

    private boolean matches(T item, Params filter) {
        String name = filter.string("Name");
        List<String> patterns = filter.strings("Values");
        if (patterns.isEmpty()) {
            return true;
        }
        Collection<String> values;
        if (name.startsWith("tag:")) {
            String value = tagsOf.apply(item).get(name.substring(4));
            values = value == null ? List.of() : List.of(value);
        } else if (name.equals("tag-key")) {
            values = tagsOf.apply(item).keySet();
        } else if (name.equals("tag-value")) {
            values = tagsOf.apply(item).values();
        } else {
            values = strings(fields.get(name).apply(item));
        }
        return patterns.stream().anyMatch(p -> values.stream().anyMatch(v -> Wildcard.matches(p, v)));
    }

    private static Collection<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> many) {
            return many.stream().filter(v -> v != null).map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }
}
