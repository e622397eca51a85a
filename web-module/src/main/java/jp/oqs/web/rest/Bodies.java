package jp.oqs.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.Set;

/**
 * Request bodies: required where the contract takes one, and valid by the constraints their records declare.
 * Validated here, at the boundary, because the contract's interfaces carry no constraint annotations on
 * parameters (Payara 6.2025.9's OpenAPI generator fails on them, FISH-12153).
 */
@ApplicationScoped
public class Bodies {

    @Inject
    private Validator validator;

    /** The body, present and valid; otherwise 400 naming each field and rule. */
    public <T> T valid(T body) {
        Set<ConstraintViolation<T>> violations = validator.validate(required(body));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }

    public static <T> T required(T body) {
        if (body == null) {
            throw new BadRequestException("a JSON body is required");
        }
        return body;
    }

    public static <T extends Collection<?>> T notEmpty(String field, T items) {
        if (items == null || items.isEmpty()) {
            throw new BadRequestException(field + " must hold at least one item");
        }
        return items;
    }

    /** The items, present and at most {@code max} of them; otherwise 413 with {@code code} and a hint to split. */
    public static <T extends Collection<?>> T atMost(String field, T items, int max, String code) {
        notEmpty(field, items);
        if (items.size() > max) {
            throw new WebApplicationException(Errors.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, code,
                    "送信データが大きすぎます。分割して送信してください。",
                    field + ": at most " + max + " per request, got " + items.size() + "; split it"));
        }
        return items;
    }
}
