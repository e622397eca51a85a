package jp.oqs.insurer;

import java.util.List;

/** One page of a search, with the total number of matches. */
public record InsurerPageResult(List<Insurer> items, long total) {
}
