package jp.oqs.platform;

import java.util.List;

/** One page of a search, with the total number of matches. */
public record Page<T>(List<T> items, long total) {
}
