package jp.oqs.api.insurer;

import java.util.List;

/** One page of insurers, ordered by insurer number. */
public record InsurerPage(List<InsurerView> items, long total, int page, int size) {
}
