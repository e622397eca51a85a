package jp.oqs.web.rest;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the API's request records from JSON, strictly, instead of the runtime's JSON-B provider.
 * <p>
 * Yasson (3.0.4 in Payara 6.2025.9), when it meets a property the record does not have, skips its value with
 * Parsson's {@code skipArray}/{@code skipObject}, which loop for ever at the end of the input (Parsson issue 23,
 * unfixed up to 1.1.9): six anonymous bytes, {@code {"a":[}, pinned a request thread at 100 % CPU. So the body
 * (already bounded by {@link RequestBodyLimit}) is read into memory and checked in one streaming pass before it is
 * bound: UTF-8 without malformed bytes, exactly one well-formed JSON value, nesting at most {@value #MAX_DEPTH}
 * deep, no key twice in an object, numbers of at most {@value #MAX_NUMBER_LENGTH} characters. It is then bound
 * with unknown properties refused (nothing is ever skipped), integers that must fit exactly (no silent wrap or
 * truncation of {@code 4294967306} or {@code 1.5}) and dates only as {@code YYYY-MM-DD}. Any failure is a
 * {@link JsonbException}: 400 {@code MALFORMED_JSON}.
 */
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Priority(Priorities.ENTITY_CODER) // before the runtime's JSON-B provider (default priority, USER)
public class JsonBodyReader implements MessageBodyReader<Object> {

    static final int MAX_DEPTH = 16;
    static final int MAX_NUMBER_LENGTH = 32;
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .setProperty("jsonb.fail-on-unknown-properties", true)
            .withDeserializers(new ExactInteger(), new Day()));

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        byte[] body = entityStream.readAllBytes();
        if (body.length == 0) {
            return null;
        }
        check(body);
        try (Reader reader = utf8(body)) {
            return jsonb.fromJson(reader, genericType);
        }
    }

    /** One streaming pass over the body: well-formed, one value, bounded depth and numbers, unique keys. */
    private static void check(byte[] body) throws IOException {
        Deque<Set<String>> objects = new ArrayDeque<>();
        int depth = 0;
        try (Reader reader = utf8(body); JsonParser parser = PARSERS.createParser(reader)) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > MAX_DEPTH) {
                            throw new JsonbException("nested deeper than " + MAX_DEPTH + " levels");
                        }
                        objects.push(new HashSet<>());
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        objects.pop();
                    }
                    case KEY_NAME -> {
                        if (!objects.element().add(parser.getString())) {
                            throw new JsonbException("a key appears twice in one object: "
                                    + Errors.shortened(parser.getString(), 40));
                        }
                    }
                    case VALUE_NUMBER -> {
                        if (parser.getString().length() > MAX_NUMBER_LENGTH) {
                            throw new JsonbException("a number has more than " + MAX_NUMBER_LENGTH + " characters");
                        }
                    }
                    default -> {
                        // strings, true, false, null
                    }
                }
            }
        } catch (JsonException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new JsonbException("the body is not UTF-8", e);
            }
            throw new JsonbException(e.getMessage(), e);
        }
    }

    private static Reader utf8(byte[] body) {
        return new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Integers as JSON numbers that fit exactly: no fraction, no wrap-around, no numbers in strings. */
    public static final class ExactInteger implements JsonbDeserializer<Integer> {

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonNumber number && number.isIntegral()) {
                try {
                    return number.bigDecimalValue().intValueExact();
                } catch (ArithmeticException outOfRange) {
                    throw new JsonbException("an integer is out of range (" + Integer.MIN_VALUE + " to "
                            + Integer.MAX_VALUE + ")", outOfRange);
                }
            }
            throw new JsonbException("an integer was expected, got " + value.getValueType());
        }
    }

    /** Dates as {@code YYYY-MM-DD} strings of real days (years 0000 to 9999). */
    public static final class Day implements JsonbDeserializer<LocalDate> {

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonString text && isDay(text.getString())) {
                String day = text.getString();
                try {
                    // the fields by hand: DateTimeFormatter's parse was a fifth of reading a 100,000-claim body
                    return LocalDate.of(digits(day, 0, 4), digits(day, 5, 7), digits(day, 8, 10));
                } catch (DateTimeException noSuchDay) {
                    throw new JsonbException("no such day: " + day, noSuchDay);
                }
            }
            throw new JsonbException("a date YYYY-MM-DD was expected");
        }

        /** Whether the text has the shape {@code 9999-99-99} (ASCII digits only). */
        static boolean isDay(String text) {
            if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
                return false;
            }
            for (int i = 0; i < 10; i++) {
                char c = text.charAt(i);
                if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                    return false;
                }
            }
            return true;
        }

        private static int digits(String text, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                value = value * 10 + (text.charAt(i) - '0');
            }
            return value;
        }
    }
}
