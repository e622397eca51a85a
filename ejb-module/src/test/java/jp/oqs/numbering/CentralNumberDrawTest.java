package jp.oqs.numbering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CentralNumberDrawTest {

    @Test
    void aTakenCandidateIsDroppedAndAnotherDrawn() {
        // what the same seed draws first: the "database" already holds the first three of them
        List<String> firstDraws = new ArrayList<>();
        Random preview = new Random(11L);
        for (int i = 0; i < 3; i++) {
            firstDraws.add(IndividualNumbers.central(preview));
        }
        Set<String> database = new HashSet<>(firstDraws);
        List<Integer> queried = new ArrayList<>();
        CentralNumberDraw draw = new CentralNumberDraw(new Random(11L), block -> {
            queried.add(block.size());
            return block.stream().filter(database::contains).toList();
        });
        Set<String> assigned = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String number = draw.next();
            assertFalse(database.contains(number), "a taken number is never assigned: " + number);
            assertTrue(assigned.add(number), "never twice: " + number);
            assertTrue(IndividualNumbers.isValidCentral(number), number);
        }
        // blocks of 16, 32, 64 (the first gave 13 free): one look-up per block, not per candidate
        assertEquals(List.of(16, 32, 64), queried);
    }

    @Test
    void whenEveryCandidateIsTakenItKeepsDrawingThenGivesUp() {
        List<Integer> queried = new ArrayList<>();
        CentralNumberDraw draw = new CentralNumberDraw(new Random(5L), block -> {
            queried.add(block.size());
            return queried.size() < 3 ? List.copyOf(block) : List.of();
        });
        assertTrue(IndividualNumbers.isValidCentral(draw.next()));
        assertEquals(List.of(16, 32, 64), queried, "two blocks wholly taken, the third free");
        CentralNumberDraw hopeless = new CentralNumberDraw(new Random(5L), block -> List.copyOf(block));
        assertThrows(IllegalStateException.class, hopeless::next);
    }

    @Test
    void consecutiveNumbersAreNotAnArithmeticSequenceNorCloseToEachOther() {
        CentralNumberDraw draw = new CentralNumberDraw(new Random(42L), block -> List.of());
        List<BigInteger> bodies = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            bodies.add(new BigInteger(draw.next().substring(0, 15)));
        }
        Set<BigInteger> steps = new HashSet<>();
        int close = 0;
        for (int i = 1; i < bodies.size(); i++) {
            BigInteger step = bodies.get(i).subtract(bodies.get(i - 1));
            steps.add(step.mod(BigInteger.TEN.pow(15)));
            if (step.abs().compareTo(BigInteger.TEN.pow(12)) < 0) {
                close++;
            }
        }
        assertEquals(999, steps.size(), "no step (mod 10^15) repeats: the next number is not the last plus a constant");
        // uniform bodies over 9·10^14: a neighbour within 10^12 about 0.2 % of the time
        assertTrue(close < 20, close + " neighbours within 10^12");
        assertNotEquals(bodies.get(0), bodies.get(1));
    }
}
