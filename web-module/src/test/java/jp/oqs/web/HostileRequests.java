package jp.oqs.web;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Parameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import jp.oqs.api.error.ErrorCodes;

/**
 * Mutated requests for one endpoint of the API, from a seeded generator (the same seed gives the same requests):
 * valid bodies cut short, nested deeply, with wrong types, unknown and repeated fields, huge strings, invalid UTF-8,
 * numbers at the integer limits, malformed dates and control characters, bodies that are not objects, other media
 * types, bodies above the limits; malformed path and query parameters; each with a token of the right role, of
 * another role, a broken or expired one, or none.
 */
final class HostileRequests {

    /**
     * One request to send. {@code chunked}: without a declared length; {@code expectedCode}: the error code it must
     * get, if the test knows it.
     */
    record Probe(String kind, String method, String target, byte[] body, String contentType, boolean chunked,
                 String authorization, String expectedCode) {

        Probe(String kind, String method, String target, byte[] body, String contentType, boolean chunked,
              String authorization) {
            this(kind, method, target, body, contentType, chunked, authorization, null);
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 120),
                    StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
            return kind + " " + method + " " + (target.length() > 160 ? target.substring(0, 160) + "…" : target)
                    + (body == null ? "" : " [" + body.length + " bytes] " + shown);
        }
    }

    /** The authorisations a request may carry. */
    record Callers(Map<String, String> bearerByRole, String expired, String otherKey) {
    }

    private static final String PLACEHOLDER = "@@HOSTILE@@";
    private static final List<String> NUMBERS = List.of("2147483647", "2147483648", "-2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "1E+1000000000",
            "1e-400", "-0", "0.0", "1.5", "10.000000000000000001", "123456789012345678901234567890123456789", "0",
            "-1", "1e2", "00", "+1", ".5", "0x10", "NaN", "Infinity");
    private static final List<String> DATES = List.of("\"2024-02-30\"", "\"2023-02-29\"", "\"+10000-01-01\"",
            "\"-0001-01-01\"", "\"-999999999-01-01\"", "\"+999999999-12-31\"", "\"2024-1-1\"", "\"20240101\"",
            "\"\"", "\" 2024-01-01\"", "\"2024-01-01T00:00:00\"", "\"2024-01-01Z\"", "20240101", "\"9999-12-31\"",
            "\"0000-01-01\"", "\"1899-12-31\"", "\"2024-13-01\"", "\"2024-00-10\"", "\"２０２４-０１-０１\"",
            "\"2024/01/01\"", "\"令和6年1月1日\"");
    private static final List<String> STRINGS = List.of("\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"",
            "\"\\u001f\"", "\"東京\\u001f100\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\t\\r\\n\"",
            "\"\\u202e0110\"", "\"𠮷𠮷𠮷\"", "\"'; DROP TABLE insurer; --\"", "\"%00\"", "\"../../etc/passwd\"",
            "\"<script>alert(1)</script>\"", "\"${jndi:ldap://x}\"", "\"０１１３００１２\"", "\"01130012 \"",
            "\"1\"", "\"-1\"", "\"null\"", "\"\\\\\"", "\"\\\"\"", "\"ｱｲｳ\"", "\"\\uFEFF\"", "\"\\u00A0\"");
    private static final List<String> WRONG_TYPES = List.of("1", "-1", "1.5", "true", "false", "null", "\"x\"",
            "[]", "{}", "[1,\"a\",null]", "{\"x\":1}", "[[[]]]", "{\"\":{\"\":[]}}");
    private static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0,
            (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xE3, (byte) 0x81}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80,
                    (byte) 0x80}, new byte[] {(byte) 0xFE, (byte) 0xFF}, new byte[] {(byte) 0xF4, (byte) 0x90,
                    (byte) 0x80, (byte) 0x80}, new byte[] {0});
    private static final List<String> PATH_SEGMENTS = List.of("%2e%2e", "..%2f..%2f", "a;b=c", "%0a", "%0d%0a",
            "%20", "%2F", "%25", "%22", "%3Cx%3E", "%E3%81%82", "%F0%A0%AE%B7", "-1", "0", "99999999999999999999",
            "-9223372036854775809", "1e3", "0x1F", "null", "undefined", "%7B%7D", "*", "%2A", "~", "x".repeat(3000),
            "0".repeat(200), "00000000-0000-0000-0000-000000000000",
            "00000000-0000-0000-0000-00000000000g", "%E2%80%AE", "%EF%BC%90%EF%BC%91");
    private static final List<String> MEDIA_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1",
            "application/json; charset=UTF-16", "application/problem+json", "APPLICATION/JSON", "application/jso",
            "*/*", "application/json;;", "text/json");

    private final Random random;
    private final Callers callers;

    HostileRequests(Random random, Callers callers) {
        this.random = random;
        this.callers = callers;
    }

    /**
     * {@code count} requests for the endpoint. {@code seed} gives a valid body (null when the endpoint takes none),
     * {@code pathValues} valid values of its path parameters, {@code limit} its body limit in bytes.
     */
    List<Probe> probes(ApiEndpoints.Endpoint endpoint, Supplier<JsonObject> seed,
                       Function<String, String> pathValues, long limit, int count) {
        List<Probe> probes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String kind;
            String target;
            byte[] body = null;
            String contentType = seed == null ? null : "application/json";
            boolean chunked = false;
            int choice = random.nextInt(seed == null ? 4 : 10);
            if (choice == 0) {
                kind = "path";
                target = target(endpoint, pathValues, true, false);
            } else if (choice == 1) {
                kind = "query";
                target = target(endpoint, pathValues, false, true);
            } else if (seed == null) {
                kind = choice == 2 ? "valid" : "method";
                target = target(endpoint, pathValues, false, false);
                if (choice == 3) {
                    probes.add(new Probe("method", random.nextBoolean() ? "PUT" : "DELETE", target, null, null,
                            false, authorization(endpoint)));
                    continue;
                }
            } else {
                target = target(endpoint, pathValues, false, false);
                JsonObject valid = seed.get();
                switch (choice) {
                    case 2 -> {
                        kind = "media-type";
                        body = bytes(valid.toString());
                        contentType = random.nextInt(8) == 0 ? null : pick(MEDIA_TYPES);
                    }
                    case 3 -> {
                        kind = "oversize";
                        chunked = random.nextBoolean();
                        body = oversize(valid, limit);
                    }
                    default -> {
                        kind = "body";
                        body = mutatedBody(valid, limit);
                        chunked = random.nextInt(6) == 0;
                    }
                }
            }
            probes.add(new Probe(kind, endpoint.method(), target, body, contentType, chunked,
                    authorization(endpoint)));
        }
        return probes;
    }

    /**
     * Paths Payara cannot decode: an escaped NUL or backslash, escapes that are not UTF-8. The listener's guard
     * ({@code jp.oqs.httpguard}) answers them with 400 {@code MALFORMED_PATH} and the error body, before Payara does
     * (which answered an empty 400). Escapes that are not hexadecimal ({@code %ZZ}) cannot be sent with
     * {@link java.net.URI}: {@code HostileInputIT} sends those on a socket of its own.
     */
    List<Probe> malformedPaths(String validPath, String authorization) {
        List<Probe> probes = new ArrayList<>();
        for (String segment : List.of("%00", "a%00b", "%5c", "%5C..%5C", "%C0%AE", "%ff", "%E3%81", "%ED%A0%80")) {
            probes.add(new Probe("path", "GET", validPath + "/" + segment, null, null, false, authorization,
                    ErrorCodes.MALFORMED_PATH));
        }
        return probes;
    }

    /**
     * Requests whose line and headers exceed the HTTP parser's 8 KiB: the parser refuses them before any application
     * code runs, and the listener's guard gives its answer the status 431 and the error body
     * ({@code REQUEST_HEAD_TOO_LARGE}; Payara alone answered an empty 400).
     */
    List<Probe> oversizeHeads(String validPath, String authorization) {
        return List.of(new Probe("head", "GET", validPath + "/" + "x".repeat(9_000), null, null, false,
                        authorization, ErrorCodes.REQUEST_HEAD_TOO_LARGE),
                new Probe("head", "GET", validPath, null, null, false, "Bearer " + "x".repeat(20_000),
                        ErrorCodes.REQUEST_HEAD_TOO_LARGE));
    }

    /** A valid token of one of the endpoint's roles most of the time; sometimes another role, a bad one, none. */
    private String authorization(ApiEndpoints.Endpoint endpoint) {
        int choice = random.nextInt(20);
        List<String> roles = new ArrayList<>(endpoint.anonymous() ? callers.bearerByRole().keySet() : endpoint.roles());
        if (choice < 15 && !endpoint.anonymous()) {
            return "Bearer " + callers.bearerByRole().get(pick(roles));
        }
        return switch (choice % 6) {
            case 0 -> null;
            case 1 -> "Bearer " + callers.bearerByRole().get(pick(new ArrayList<>(callers.bearerByRole().keySet())));
            case 2 -> "Bearer " + callers.expired();
            case 3 -> "Bearer " + callers.otherKey();
            case 4 -> pick(List.of("Bearer", "Bearer ", "Bearer a.b.c", "Basic dXNlcjpwYXNz", "Bearer " + "x".repeat(
                    6_000), "bearer " + callers.bearerByRole().get(pick(roles)), "Bearer %00", "Bearer ey.ey.ey"));
            default -> endpoint.anonymous() ? null : "Bearer " + callers.bearerByRole().get(pick(roles));
        };
    }

    private String target(ApiEndpoints.Endpoint endpoint, Function<String, String> pathValues, boolean badPath,
                          boolean badQuery) {
        String path = endpoint.path();
        for (Parameter parameter : endpoint.operation().getParameters()) {
            PathParam name = parameter.getAnnotation(PathParam.class);
            if (name != null) {
                String value = badPath ? pick(PATH_SEGMENTS) : encode(pathValues.apply(name.value()));
                path = path.replace("{" + name.value() + "}", value);
            }
        }
        StringBuilder query = new StringBuilder();
        for (Parameter parameter : endpoint.operation().getParameters()) {
            QueryParam name = parameter.getAnnotation(QueryParam.class);
            if (name == null) {
                continue;
            }
            String value;
            if (badQuery && random.nextInt(3) > 0) {
                value = badQueryValue(parameter);
            } else if (badQuery && parameter.isAnnotationPresent(Max.class)) {
                value = String.valueOf(parameter.getAnnotation(Max.class).value()); // with a huge page: offset overflow
            } else if (random.nextBoolean()) {
                continue; // the default, if any
            } else {
                value = goodQueryValue(parameter, pathValues);
            }
            query.append(query.isEmpty() ? "?" : "&").append(name.value()).append('=').append(value);
        }
        if (badQuery && random.nextInt(4) == 0) {
            query.append(query.isEmpty() ? "?" : "&").append(pick(List.of("unknown=1", "page=1&page=2", "=",
                    "&&", "a%00=b", "%FF=1", "size")));
        }
        return path + query;
    }

    private String goodQueryValue(Parameter parameter, Function<String, String> pathValues) {
        Class<?> type = parameter.getType();
        String name = parameter.getAnnotation(QueryParam.class).value();
        if (type.isEnum()) {
            return ((Enum<?>) pick(List.of(type.getEnumConstants()))).name();
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            DefaultValue fallback = parameter.getAnnotation(DefaultValue.class);
            return fallback != null ? fallback.value() : String.valueOf(random.nextInt(100));
        }
        return switch (name) {
            case "from", "to" -> "2025-0" + (1 + random.nextInt(9)) + "-01";
            case "insurerNumber" -> pathValues.apply("syncInsurerNumber");
            case "medicalInstitutionCode" -> pathValues.apply("medicalInstitutionCode");
            case "serviceMonth" -> "2025-0" + (1 + random.nextInt(9));
            default -> encode(pick(List.of("東京", "0113", "ｱ", "a", "%", "_")));
        };
    }

    private String badQueryValue(Parameter parameter) {
        Max max = parameter.getAnnotation(Max.class);
        Min min = parameter.getAnnotation(Min.class);
        if (max != null && random.nextInt(3) == 0) {
            return String.valueOf(max.value() + random.nextInt(2)); // the largest (a page of the largest size), one more
        }
        if (min != null && random.nextInt(4) == 0) {
            return String.valueOf(min.value() - 1);
        }
        return pick(List.of("-1", "0", "2147483647", "2147483648", "-2147483649", "9223372036854775808",
                "4294968", "2147484", "100001", "1e3", "1.5", "abc", "", "%00", "%25ZZ", "%E3%81%82",
                "x".repeat(2000), "null", "true", "2024-02-30", "%2B10000-01-01", "2024-1-1", "0x10", "%20",
                encode("東京".repeat(60)), encode("\u0000"), "SSK", "ssk", "ACTIVE%00", "LATE_ELDERLY,ACTIVE"));
    }

    /** A valid body made hostile in one of many ways. */
    private byte[] mutatedBody(JsonObject valid, long limit) {
        return switch (random.nextInt(13)) {
            case 0 -> truncated(valid);
            case 1 -> unknownField(valid);
            case 2 -> nested();
            case 3 -> replaced(valid, pick(WRONG_TYPES));
            case 4 -> replaced(valid, hugeString(limit));
            case 5 -> invalidUtf8(valid);
            case 6 -> duplicateKey(valid);
            case 7 -> replaced(valid, pick(NUMBERS));
            case 8 -> replaced(valid, pick(DATES));
            case 9 -> replaced(valid, pick(STRINGS));
            case 10 -> notAnObject(valid);
            case 11 -> lists(valid);
            default -> bytes(valid.toString());
        };
    }

    private byte[] truncated(JsonObject valid) {
        byte[] whole = bytes(valid.toString());
        int cut = random.nextInt(whole.length);
        return java.util.Arrays.copyOf(whole, cut);
    }

    private byte[] unknownField(JsonObject valid) {
        String text = valid.toString();
        String unknown = pick(List.of("\"a\":[", "\"a\":{", "\"a\":[1,2", "\"a\":{\"b\":[", "\"a\":[{}]",
                "\"a\":1", "\"a\":{\"b\":[[[[", "\"\":null", "\"a\":\"" + "x".repeat(1000) + "\""));
        return switch (random.nextInt(4)) {
            case 0 -> bytes("{" + unknown); // cut right after the unknown property, as {"a":[ was
            case 1 -> bytes("{" + unknown + (unknown.endsWith("[") || unknown.endsWith("{") ? "" : ",")
                    + text.substring(1));
            case 2 -> bytes(text.substring(0, text.length() - 1) + (text.length() > 2 ? "," : "") + unknown);
            default -> bytes(text.substring(0, text.length() - 1) + (text.length() > 2 ? "," : "") + unknown
                    + (unknown.endsWith("[") ? "]" : unknown.endsWith("{") ? "}" : "") + "}");
        };
    }

    private byte[] nested() {
        int depth = pick(List.of(17, 64, 1_000, 20_000));
        String open = pick(List.of("[", "{\"a\":", "{\"entries\":[", "{\"records\":["));
        String close = switch (open) {
            case "[" -> "]";
            case "{\"a\":" -> "}";
            default -> "]}";
        };
        StringBuilder text = new StringBuilder();
        text.append(open.repeat(depth)).append('1');
        if (random.nextBoolean()) {
            text.append(close.repeat(depth));
        }
        return bytes(text.toString());
    }

    private String hugeString(long limit) {
        long length = pick(List.of(100L, 1_000L, Math.max(10, limit / 2), limit + 10));
        String unit = pick(List.of("x", "9", "東", "𠮷", "\\u0000"));
        int repeat = (int) Math.min(256 * 1024 / unit.length(), Math.max(1, length / unit.length()));
        return "\"" + unit.repeat(repeat) + "\"";
    }

    private byte[] invalidUtf8(JsonObject valid) {
        JsonObject marked = (JsonObject) replace(valid, pickPath(valid), Json.createValue(PLACEHOLDER));
        String text = marked.toString();
        int at = text.indexOf(PLACEHOLDER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(text.substring(0, at)));
        out.writeBytes(pick(BAD_UTF8));
        out.writeBytes(bytes(text.substring(at + PLACEHOLDER.length())));
        return out.toByteArray();
    }

    private byte[] duplicateKey(JsonObject valid) {
        if (valid.isEmpty()) {
            return bytes("{\"a\":1,\"a\":2}");
        }
        String key = pick(new ArrayList<>(valid.keySet()));
        String text = valid.toString();
        String value = random.nextBoolean() ? valid.get(key).toString() : pick(WRONG_TYPES);
        return bytes(text.substring(0, text.length() - 1) + "," + Json.createValue(key) + ":" + value + "}");
    }

    private byte[] notAnObject(JsonObject valid) {
        String text = valid.toString();
        return pick(List.of(bytes(""), bytes(" "), bytes("null"), bytes("[]"), bytes("\"x\""), bytes("1"),
                bytes("true"), bytes("[" + text + "]"), bytes(text + " x"), bytes(text + text), bytes(text + ","),
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(text)), bytes("{"), bytes("}"),
                bytes("{\"a\""), bytes("{'a':1}"), bytes("{a:1}"), bytes("/* */" + text), bytes(text.replace(":",
                        "=")), bytes("\u0000"), bytes(text.toUpperCase()), bytes("\"" + "\\".repeat(9) + "\"")));
    }

    /** The lists of a body (records, entries): empty, null items, items of the wrong type, copies. */
    private byte[] lists(JsonObject valid) {
        for (Map.Entry<String, JsonValue> field : valid.entrySet()) {
            if (field.getValue() instanceof JsonArray array && !array.isEmpty()) {
                JsonArrayBuilder items = Json.createArrayBuilder();
                switch (random.nextInt(5)) {
                    case 0 -> { } // empty
                    case 1 -> items.addNull();
                    case 2 -> items.add(array.get(0)).add(1).add("x");
                    case 3 -> {
                        for (int i = 0; i < 50; i++) {
                            items.add(array.get(0)); // copies: repeated record and entry ids
                        }
                    }
                    default -> items.add(array.get(0)).addNull().add(array.get(0));
                }
                return bytes(Json.createObjectBuilder(valid).add(field.getKey(), items).build().toString());
            }
        }
        return replaced(valid, pick(WRONG_TYPES));
    }

    /** A valid body padded to just above the limit (the padding is insignificant white space). */
    private byte[] oversize(JsonObject valid, long limit) {
        String text = valid.toString();
        long size = Math.min(limit + 1 + random.nextInt(4096), 1024L * 1024);
        if (size <= limit) {
            return bytes(text); // a limit above what a test sends: the valid body
        }
        return bytes(" ".repeat((int) Math.max(0, size - text.length())) + text);
    }

    /** The body with the value at a random place replaced by a raw JSON text (which JSON-P could not hold). */
    private byte[] replaced(JsonObject valid, String rawJson) {
        JsonValue marked = replace(valid, pickPath(valid), Json.createValue(PLACEHOLDER));
        return bytes(marked.toString().replace("\"" + PLACEHOLDER + "\"", rawJson));
    }

    /** A path to a value in the body: keys and list positions. */
    private List<Object> pickPath(JsonValue value) {
        List<Object> path = new ArrayList<>();
        JsonValue current = value;
        while (true) {
            if (current instanceof JsonObject object && !object.isEmpty()) {
                String key = pick(new ArrayList<>(object.keySet()));
                path.add(key);
                current = object.get(key);
            } else if (current instanceof JsonArray array && !array.isEmpty()) {
                int index = random.nextInt(array.size());
                path.add(index);
                current = array.get(index);
            } else {
                return path;
            }
            if (random.nextInt(3) == 0) {
                return path; // a structure itself is replaced too
            }
        }
    }

    private static JsonValue replace(JsonValue value, List<Object> path, JsonValue replacement) {
        if (path.isEmpty()) {
            return replacement;
        }
        Object step = path.get(0);
        List<Object> rest = path.subList(1, path.size());
        if (value instanceof JsonObject object && step instanceof String key) {
            JsonObjectBuilder copy = Json.createObjectBuilder(object);
            copy.add(key, replace(object.get(key), rest, replacement));
            return copy.build();
        }
        JsonArray array = (JsonArray) value;
        int index = (Integer) step;
        JsonArrayBuilder copy = Json.createArrayBuilder();
        for (int i = 0; i < array.size(); i++) {
            copy.add(i == index ? replace(array.get(i), rest, replacement) : array.get(i));
        }
        return copy.build();
    }

    /** A path segment or query value, percent-encoded. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
