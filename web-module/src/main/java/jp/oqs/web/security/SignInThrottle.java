package jp.oqs.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong console passwords counted per client address, in memory on this node: {@code pairAttempts} wrong passwords
 * for one account from one address refuse that account from that address, and {@code addressAttempts} wrong
 * passwords from one address (any names) refuse every sign-in from it, each for {@code lock}. A guesser elsewhere
 * therefore cannot lock the well-known first administrators out for everyone (the account-wide lock in the database
 * sits at a much higher threshold). Counts are kept for {@code lock} after the last failure, then forgotten.
 */
public final class SignInThrottle {

    /** Why a sign-in is refused before its password is checked, or null. */
    public enum Refusal { ADDRESS_THROTTLED, ACCOUNT_THROTTLED_FOR_ADDRESS }

    /** At most this many keys are kept; beyond it the expired ones are swept first, then the oldest dropped. */
    static final int MAX_KEYS = 100_000;

    private final int pairAttempts;
    private final int addressAttempts;
    private final Duration lock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public SignInThrottle(int pairAttempts, int addressAttempts, Duration lock) {
        this.pairAttempts = pairAttempts;
        this.addressAttempts = addressAttempts;
        this.lock = lock;
    }

    /** Whether a sign-in for {@code username} from {@code address} is refused now, and why. */
    public Refusal refusal(String username, String address, Instant now) {
        if (reached(addressKey(address), addressAttempts, now)) {
            return Refusal.ADDRESS_THROTTLED;
        }
        if (reached(pairKey(username, address), pairAttempts, now)) {
            return Refusal.ACCOUNT_THROTTLED_FOR_ADDRESS;
        }
        return null;
    }

    /** Counts a wrong password (or unknown name) for {@code username} from {@code address}. */
    public void failed(String username, String address, Instant now) {
        if (counters.size() >= MAX_KEYS) {
            counters.values().removeIf(c -> c.expired(now, lock));
            if (counters.size() >= MAX_KEYS) {
                counters.clear();
            }
        }
        counters.compute(addressKey(address), (k, c) -> Counter.next(c, now, lock));
        counters.compute(pairKey(username, address), (k, c) -> Counter.next(c, now, lock));
    }

    /** A right password from this address for this account clears its pair count (not the address count). */
    public void succeeded(String username, String address) {
        counters.remove(pairKey(username, address));
    }

    private boolean reached(String key, int attempts, Instant now) {
        Counter counter = counters.get(key);
        if (counter == null) {
            return false;
        }
        if (counter.expired(now, lock)) {
            counters.remove(key, counter);
            return false;
        }
        return counter.count() >= attempts;
    }

    private static String addressKey(String address) {
        return "a\u0000" + address;
    }

    private static String pairKey(String username, String address) {
        return "p\u0000" + address + "\u0000" + username;
    }

    private record Counter(int count, Instant last) {

        static Counter next(Counter previous, Instant now, Duration lock) {
            return previous == null || previous.expired(now, lock) ? new Counter(1, now)
                    : new Counter(previous.count + 1, now);
        }

        boolean expired(Instant now, Duration lock) {
            return !now.isBefore(last.plus(lock));
        }
    }
}
