package jp.oqs.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Collection;

/**
 * The one rule of request bodies that comes from configuration rather than from the contract's declared
 * constraints (which Bean Validation checks before a resource method runs): how many items a request may carry.
 */
public final class Bodies {

    private Bodies() {
    }

    /** The items, at most {@code max} of them; otherwise 413 with {@code code} and a hint to split. */
    public static <T extends Collection<?>> T atMost(String field, T items, int max, String code) {
        if (items.size() > max) {
            throw new WebApplicationException(Errors.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, code,
                    "送信データが大きすぎます。分割して送信してください。",
                    field + ": at most " + max + " per request, got " + items.size() + "; split it"));
        }
        return items;
    }
}
