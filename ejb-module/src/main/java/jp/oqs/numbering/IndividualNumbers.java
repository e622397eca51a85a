package jp.oqs.numbering;

import java.util.random.RandomGenerator;
import jp.oqs.api.insurer.CharacterClass;
import jp.oqs.api.insurer.CheckDigitScheme;
import jp.oqs.identifier.CheckDigits;

/** The pure rules of individual-unit numbers. */
public final class IndividualNumbers {

    /** Length of a centrally generated number: a 15-digit body and a Luhn check digit. */
    public static final int CENTRAL_LENGTH = 16;
    /** Length a 後期高齢者 8-digit number is padded to. */
    public static final int PADDED_LENGTH = 16;

    /**
     * Bodies of centrally generated numbers: 15 digits whose first is never 0, so a central number never looks like
     * a zero-padded 後期高齢者 number (which starts with eight zeros).
     */
    static final long CENTRAL_BODY_MIN = 100_000_000_000_000L;
    static final long CENTRAL_BODY_BOUND = 1_000_000_000_000_000L;

    private IndividualNumbers() {
    }

    /**
     * A candidate centrally generated number: a body drawn uniformly from {@code random} (a
     * {@link java.security.SecureRandom} in the service, so numbers cannot be listed in advance nor derived from
     * their neighbours) and its Luhn check digit. Whether it is still free is for the caller to check.
     */
    public static String central(RandomGenerator random) {
        String body = Long.toString(random.nextLong(CENTRAL_BODY_MIN, CENTRAL_BODY_BOUND));
        return body + CheckDigits.luhn(body);
    }

    /** Whether a 16-digit number has a valid central check digit. */
    public static boolean isValidCentral(String number) {
        return number != null && number.length() == CENTRAL_LENGTH && CheckDigits.allDigits(number)
                && CheckDigits.luhn(number.substring(0, CENTRAL_LENGTH - 1)) == number.charAt(CENTRAL_LENGTH - 1) - '0';
    }

    /**
     * Checks a number against an insurer's registered format.
     *
     * @return null when it conforms, otherwise which rule it breaks (English, for the hint)
     */
    public static String formatViolation(String number, int length, CharacterClass characterClass,
                                          CheckDigitScheme scheme) {
        if (number == null || number.isEmpty()) {
            return "the insurer's rule is INSURER_RULE: qualification.individualNumber is required";
        }
        if (number.length() != length) {
            return "individualNumber must have " + length + " characters, got " + number.length();
        }
        boolean charactersOk = switch (characterClass) {
            case DIGITS -> CheckDigits.allDigits(number);
            case UPPER_ALPHANUMERIC -> number.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'));
        };
        if (!charactersOk) {
            return "individualNumber must be " + (characterClass == CharacterClass.DIGITS ? "ASCII digits"
                    : "ASCII digits and upper-case letters A-Z") + " only";
        }
        String body = number.substring(0, length - 1);
        int given = number.charAt(length - 1) - '0';
        int expected = switch (scheme) {
            case NONE -> given;
            case LUHN -> CheckDigits.luhn(body);
            case MOD11 -> CheckDigits.mod11(body);
        };
        if (given != expected) {
            return "individualNumber check digit (" + scheme + " over the first " + (length - 1)
                    + " digits): expected " + expected + ", got " + number.charAt(length - 1);
        }
        return null;
    }

    /** A 後期高齢者 8-digit 被保険者番号 left-padded with zeros; null if it is not 8 digits. */
    public static String lateElderlyPadded(String eightDigits) {
        if (eightDigits == null || eightDigits.length() != 8 || !CheckDigits.allDigits(eightDigits)) {
            return null;
        }
        return "0".repeat(PADDED_LENGTH - 8) + eightDigits;
    }

    /** Whether a 枝番 is two ASCII digits ("00"–"99", leading zero kept). */
    public static boolean isBranchNumber(String branch) {
        return branch != null && branch.length() == 2 && CheckDigits.allDigits(branch);
    }

    /** The 枝番 after {@code highest} (null: none yet → "01"); null when "99" is taken. */
    public static String nextBranch(String highest) {
        int next = highest == null ? 1 : Integer.parseInt(highest) + 1;
        return next > 99 ? null : String.format("%02d", next);
    }
}
