package jp.oqs.platform;

/** A refusal that says when the caller may try again (HTTP {@code Retry-After}). */
public interface RetryLater {

    /** Seconds to wait, at least 1. */
    long retryAfterSeconds();
}
