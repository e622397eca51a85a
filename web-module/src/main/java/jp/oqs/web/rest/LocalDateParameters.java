package jp.oqs.web.rest;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;

/** Query parameters of type {@link LocalDate} in ISO form (2026-04-01); a malformed one is the caller's 400. */
@Provider
public class LocalDateParameters implements ParamConverterProvider {

    private static final ParamConverter<LocalDate> ISO = new ParamConverter<>() {
        @Override
        public LocalDate fromString(String value) {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        }

        @Override
        public String toString(LocalDate value) {
            return value.toString();
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == LocalDate.class ? (ParamConverter<T>) ISO : null;
    }
}
