package io.imgbuild.core.config;

import io.imgbuild.core.util.GoDuration;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binds a checked config to a plugin's record: the key {@code iso_url} fills the component
 * {@code isoUrl}; strings, numbers, booleans, Go durations, lists, sets, maps, nested records and raw
 * JSON nodes. Written for this one job instead of Jackson's data binding, whose first use costs a
 * tenth of a second of start-up that every {@code validate} would pay; the schema has already
 * checked the types, so a mismatch here is a bug and throws.
 */
final class RecordBinder {

    private static final Map<Class<?>, Binding> BINDINGS = new ConcurrentHashMap<>();

    private RecordBinder() {
    }

    static <T> T bind(JsonNode node, Class<T> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        return type.cast(convert(node, type, type.getName()));
    }

    private record Binding(RecordComponent[] components, String[] keys, Constructor<?> constructor) {
    }

    private static Binding binding(Class<?> type) {
        return BINDINGS.computeIfAbsent(type, t -> {
            RecordComponent[] rc = t.getRecordComponents();
            String[] keys = new String[rc.length];
            Class<?>[] params = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                keys[i] = snakeCase(rc[i].getName());
                params[i] = rc[i].getType();
            }
            try {
                Constructor<?> c = t.getDeclaredConstructor(params);
                c.setAccessible(true);
                return new Binding(rc, keys, c);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + t.getName() + " has no canonical constructor", e);
            }
        });
    }

    private static Object record(JsonNode node, Class<?> type, String where) {
        if (!node.isObject()) {
            throw mismatch(where, "an object", node);
        }
        Binding b = binding(type);
        Object[] args = new Object[b.components().length];
        for (int i = 0; i < args.length; i++) {
            RecordComponent c = b.components()[i];
            JsonNode value = node.get(b.keys()[i]);
            args[i] = value == null || value.isNull() ? empty(c.getType())
                    : convert(value, c.getGenericType(), where + "." + b.keys()[i]);
        }
        try {
            return b.constructor().newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + type.getName(), e);
        }
    }

    private static Object convert(JsonNode node, Type type, String where) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
                return collection(node, args[0], Set.class.isAssignableFrom(raw), where);
            }
            if (Map.class.isAssignableFrom(raw)) {
                return map(node, args[1], where);
            }
            throw new IllegalArgumentException(where + ": cannot bind to " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c.isRecord()) {
            return record(node, c, where);
        }
        if (c == String.class) {
            if (node.isContainer()) {
                throw mismatch(where, "a string", node);
            }
            return node.asString();
        }
        if (c == boolean.class || c == Boolean.class) {
            if (node.isBoolean()) {
                return node.asBoolean();
            }
            throw mismatch(where, "true or false", node);
        }
        if (c == int.class || c == Integer.class) {
            return (int) integral(node, where, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (c == long.class || c == Long.class) {
            return integral(node, where, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (c == double.class || c == Double.class) {
            if (node.isNumber()) {
                return node.asDouble();
            }
            throw mismatch(where, "a number", node);
        }
        if (c == Duration.class) {
            if (node.isString()) {
                return GoDuration.parse(node.asString());
            }
            throw mismatch(where, "a duration", node);
        }
        if (JsonNode.class.isAssignableFrom(c)) {
            if (c == ObjectNode.class && !node.isObject()) {
                throw mismatch(where, "an object", node);
            }
            return node;
        }
        if (c == Object.class) {
            return plain(node);
        }
        if (c.isEnum()) {
            for (Object constant : c.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(node.asString())) {
                    return constant;
                }
            }
            throw mismatch(where, "one of the allowed values", node);
        }
        if (List.class.isAssignableFrom(c)) {
            return collection(node, Object.class, false, where);
        }
        if (Map.class.isAssignableFrom(c)) {
            return map(node, Object.class, where);
        }
        throw new IllegalArgumentException(where + ": cannot bind to " + c.getName());
    }

    private static Object collection(JsonNode node, Type item, boolean set, String where) {
        if (!node.isArray()) {
            throw mismatch(where, "an array", node);
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(node.get(i).isNull() ? null : convert(node.get(i), item, where + "[" + i + "]"));
        }
        return set ? new LinkedHashSet<>(out) : out;
    }

    private static Object map(JsonNode node, Type value, String where) {
        if (!node.isObject()) {
            throw mismatch(where, "an object", node);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), e.getValue().isNull() ? null : convert(e.getValue(), value, where + "." + e.getKey()));
        }
        return out;
    }

    /** JSON as plain Java values, for components typed Object. */
    private static Object plain(JsonNode node) {
        if (node.isString()) {
            return node.asString();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? (Object) node.asInt() : (Object) node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(plain(n)));
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        return null;
    }

    private static long integral(JsonNode node, String where, long min, long max) {
        long v;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            v = node.asLong();
        } else if (node.isString() && node.asString().trim().matches("-?\\d{1,18}")) {
            v = Long.parseLong(node.asString().trim());
        } else {
            throw mismatch(where, "a whole number", node);
        }
        if (v < min || v > max) {
            throw mismatch(where, "a smaller number", node);
        }
        return v;
    }

    private static Object empty(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        return null;
    }

    private static IllegalArgumentException mismatch(String where, String expected, JsonNode found) {
        return new IllegalArgumentException(where + ": expected " + expected + ", got " + found);
    }

    /** {@code isoUrl} → {@code iso_url}; {@code sshPort} → {@code ssh_port}. */
    static String snakeCase(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char ch = camel.charAt(i);
            if (Character.isUpperCase(ch)) {
                if (i > 0) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
