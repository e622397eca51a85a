package jp.oqs.web.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.oqs.api.claims.Claim;
import jp.oqs.api.sync.Relationship;

/**
 * The claims file the console uploads (layout in the README, "Claims"): UTF-8 (a BOM is allowed), CRLF or LF,
 * RFC 4180 quoting, the header line exactly as {@link #HEADER}, then one claim per line; {@code serviceDates}
 * separated by spaces, {@code relationship} SELF, DEPENDENT or empty, {@code hasPublicExpense} true or false
 * (empty: false). A file that breaks the layout is refused with the line number; the claims' own rules are the
 * contract's and are checked as the API checks them.
 */
final class ClaimsCsv {

    static final String HEADER = "claimId,medicalInstitutionCode,serviceMonth,serviceDates,insurerNumber,symbol,"
            + "number,branchNumber,individualNumber,birthDate,relationship,hasPublicExpense";
    private static final int COLUMNS = 12;
    /** {@code oqs.claims.max-claims} unless set, as for the API. */
    static final int DEFAULT_MAX_CLAIMS = 100_000;

    /** A file that is not in the layout, with the 1-based line where it breaks (0: the file as a whole). */
    static final class LayoutException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        LayoutException(int line, String detail) {
            super(detail);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private ClaimsCsv() {
    }

    static List<Claim> parse(InputStream in, int maxClaims) throws IOException, LayoutException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        List<Claim> claims = new ArrayList<>();
        try {
            String header = reader.readLine();
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (!HEADER.equals(header)) {
                throw new LayoutException(1, "header");
            }
            int number = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isEmpty()) {
                    continue;
                }
                if (claims.size() == maxClaims) {
                    throw new LayoutException(number, "more than " + maxClaims + " claims");
                }
                claims.add(claim(number, cells(number, line)));
            }
        } catch (CharacterCodingException notUtf8) {
            throw new LayoutException(0, "UTF-8");
        }
        if (claims.isEmpty()) {
            throw new LayoutException(0, "no claims");
        }
        return claims;
    }

    private static Claim claim(int number, List<String> c) throws LayoutException {
        try {
            List<LocalDate> dates = c.get(3).isBlank() ? List.of()
                    : Arrays.stream(c.get(3).strip().split(" +")).map(LocalDate::parse).toList();
            Relationship relationship = c.get(10).isEmpty() ? null : Relationship.valueOf(c.get(10));
            boolean publicExpense = switch (c.get(11)) {
                case "", "false" -> false;
                case "true" -> true;
                default -> throw new IllegalArgumentException("hasPublicExpense");
            };
            return new Claim(c.get(0), c.get(1), c.get(2), dates, c.get(4), empty(c.get(5)), empty(c.get(6)),
                    empty(c.get(7)), empty(c.get(8)), c.get(9).isEmpty() ? null : LocalDate.parse(c.get(9)),
                    relationship, publicExpense);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new LayoutException(number, "value");
        }
    }

    private static String empty(String cell) {
        return cell.isEmpty() ? null : cell;
    }

    /** The line's cells, RFC 4180 (a quoted cell may hold commas and doubled quotes, not line breaks). */
    private static List<String> cells(int number, String line) throws LayoutException {
        List<String> cells = new ArrayList<>(COLUMNS);
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new LayoutException(number, "quote");
        }
        cells.add(cell.toString());
        if (cells.size() != COLUMNS) {
            throw new LayoutException(number, "columns");
        }
        return cells;
    }
}
