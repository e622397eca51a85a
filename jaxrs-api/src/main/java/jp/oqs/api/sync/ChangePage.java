package jp.oqs.api.sync;

import java.util.List;

/** One page of the changes feed; {@code nextCursor} is the last sequence on it (null when empty). */
public record ChangePage(List<ChangeView> items, Long nextCursor) {
}
