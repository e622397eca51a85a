package jp.oqs.numbering;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Draws centrally generated numbers for one transaction: candidates come from a CSPRNG in blocks, each block is
 * checked against what is already taken with one look-up ({@code taken}), and a taken candidate is simply dropped
 * (another is drawn). Numbers handed out by this draw are never handed out again by it. The database's unique keys
 * remain the last word against a concurrent transaction drawing the same number (the batch is then retried).
 */
public final class CentralNumberDraw {

    /** The first block is small (most batches assign a few numbers); later ones double up to this. */
    static final int MAX_BLOCK = 500;
    private static final int FIRST_BLOCK = 16;
    /** Blocks drawn in a row without one free candidate before giving up (in a space of 9·10^14, never). */
    private static final int MAX_EMPTY_BLOCKS = 20;

    private final RandomGenerator random;
    private final Function<Collection<String>, Collection<String>> taken;
    private final Deque<String> free = new ArrayDeque<>();
    private final Set<String> drawn = new HashSet<>();
    private int blockSize = FIRST_BLOCK;

    /**
     * @param random a {@link java.security.SecureRandom} in the service
     * @param taken  given a block of candidates, answers those already assigned (one query per block)
     */
    public CentralNumberDraw(RandomGenerator random, Function<Collection<String>, Collection<String>> taken) {
        this.random = random;
        this.taken = taken;
    }

    /** A number not assigned yet, as far as the database and this draw know. */
    public String next() {
        for (int empty = 0; free.isEmpty(); empty++) {
            if (empty == MAX_EMPTY_BLOCKS) {
                throw new IllegalStateException("no free central number in " + MAX_EMPTY_BLOCKS + " blocks");
            }
            refill();
        }
        return free.poll();
    }

    private void refill() {
        Set<String> block = new LinkedHashSet<>();
        while (block.size() < blockSize) {
            String candidate = IndividualNumbers.central(random);
            if (!drawn.contains(candidate)) {
                block.add(candidate);
            }
        }
        drawn.addAll(block);
        block.removeAll(new HashSet<>(taken.apply(block)));
        free.addAll(block);
        blockSize = Math.min(MAX_BLOCK, blockSize * 2);
    }
}
