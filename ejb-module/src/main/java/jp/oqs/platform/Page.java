package jp.oqs.platform;

import java.util.List;

/** One page of a search, with the total number of matches. */
public record Page<T>(List<T> items, long total) {

    /**
     * The position of a page's first row: {@code page × size}, computed without overflow; a page beyond any
     * possible row starts at the largest position (and is empty).
     */
    public static int firstResult(int page, int size) {
        return (int) Math.min((long) Math.max(page, 0) * Math.max(size, 0), Integer.MAX_VALUE);
    }
}
