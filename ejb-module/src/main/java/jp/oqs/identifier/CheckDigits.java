package jp.oqs.identifier;

/** Check-digit schemes over strings of decimal digits. */
public final class CheckDigits {

    private CheckDigits() {
    }

    /**
     * Luhn as used for 保険者番号 and 医療機関コード: weights 2,1,2,1,… from the rightmost body digit, a two-digit
     * product counts as the sum of its digits, check = (10 − sum mod 10) mod 10.
     *
     * @param body digits without the check digit
     */
    public static int luhn(CharSequence body) {
        int sum = 0;
        boolean doubled = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int digit = digit(body, i);
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * Modulus 11, weights 2–7 repeating from the rightmost body digit; check = 11 − (sum mod 11), where 10 and 11
     * give 0.
     */
    public static int mod11(CharSequence body) {
        int sum = 0;
        int weight = 2;
        for (int i = body.length() - 1; i >= 0; i--) {
            sum += digit(body, i) * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }
        int check = 11 - sum % 11;
        return check >= 10 ? 0 : check;
    }

    /** Whether every character is an ASCII digit (and there is at least one). */
    public static boolean allDigits(CharSequence value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digit(CharSequence value, int index) {
        char c = value.charAt(index);
        if (c < '0' || c > '9') {
            throw new IllegalArgumentException("not a decimal digit at position " + (index + 1));
        }
        return c - '0';
    }
}
