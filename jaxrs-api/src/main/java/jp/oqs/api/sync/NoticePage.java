package jp.oqs.api.sync;

import java.util.List;

/**
 * Open notices, oldest first.
 *
 * @param nextCursor pass as {@code after} for the next page; null when this was the last page
 */
public record NoticePage(List<NoticeView> items, Long nextCursor) {
}
