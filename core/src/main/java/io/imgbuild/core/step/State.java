package io.imgbuild.core.step;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What a build's steps hand to each other: typed keys, one bag per build. */
public final class State {

    private final Map<Key<?>, Object> values = new ConcurrentHashMap<>();

    public <T> void put(Key<T> key, T value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    public <T> Optional<T> find(Key<T> key) {
        return Optional.ofNullable((T) values.get(key));
    }

    /** The value, which an earlier step must have put. */
    public <T> T get(Key<T> key) {
        return find(key).orElseThrow(() -> new NoSuchElementException("no " + key + " in the build state"));
    }

    public boolean has(Key<?> key) {
        return values.containsKey(key);
    }

    public <T> Optional<T> remove(Key<T> key) {
        @SuppressWarnings("unchecked")
        T v = (T) values.remove(key);
        return Optional.ofNullable(v);
    }
}
