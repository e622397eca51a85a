package jp.oqs.api.audit;

import java.util.List;

/** The checks about the person, newest first. */
public record AccessHistory(List<AccessEntry> entries) {
}
