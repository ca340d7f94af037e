package io.imgbuild.testkit.ec2;

import java.util.List;
import java.util.Map;

/**
  * A request's parameters, read by {@link QueryInput} and keyed by the model's member names
  * ({@code ImageId}, {@code Filters}). An empty value counts as absent: clients such as Packer send
  * {@code SubnetId=} for "not set".
  */
final class Params {

    private final Map<String, Object> values;

    Params(Map<String, Object> values) {
        this.values = values;
    }

    String string(String member) {
        Object value = values.get(member);
        return value instanceof String s && !s.isEmpty() ? s : null;
    }

    String string(String member, String fallback) {
        String value = string(member);
        return value == null ? fallback : value;
    }

    Long number(String member) {
        return values.get(member) instanceof Long n ? n : null;
    }

    boolean flag(String member, boolean fallback) {
        return values.get(member) instanceof Boolean b ? b : fallback;
    }

    boolean has(String member) {
        return values.containsKey(member);
    }

    byte[] bytes(String member) {
        return values.get(member) instanceof byte[] b ? b : null;
    }

    /** A list of strings; empty entries dropped. */
    List<String> strings(String member) {
        if (!(values.get(member) instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(v -> v instanceof String s && !s.isEmpty()).map(String.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    List<Params> structs(String member) {
        if (!(values.get(member) instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(m -> new Params((Map<String, Object>) m)).toList();
    }

    /** A nested structure, or null when absent. */
    @SuppressWarnings("unchecked")
    Params struct(String member) {
        return values.get(member) instanceof Map<?, ?> m ? new Params((Map<String, Object>) m) : null;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
