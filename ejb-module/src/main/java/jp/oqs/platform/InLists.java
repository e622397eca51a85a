package jp.oqs.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Keys split for {@code IN} lists: at most {@link #SIZE} per query, which Oracle (limit 1,000) and the embedded
 * engine both serve from an index.
 */
public final class InLists {

    /** Keys per {@code IN} list. */
    public static final int SIZE = 500;

    private InLists() {
    }

    /** The values in parts of at most {@link #SIZE}, in their iteration order. */
    public static <T> List<List<T>> parts(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += SIZE) {
            parts.add(all.subList(i, Math.min(all.size(), i + SIZE)));
        }
        return parts;
    }
}
