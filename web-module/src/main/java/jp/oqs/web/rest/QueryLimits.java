package jp.oqs.web.rest;

import jakarta.ws.rs.BadRequestException;

/**
 * Bounds of paging parameters, checked at the boundary (the contract's query parameters carry no constraint
 * annotations: Payara's OpenAPI generator cannot read them on parameters of an implemented interface).
 */
public final class QueryLimits {

    private QueryLimits() {
    }

    /** A page number: 0 or more. */
    public static int page(String name, int page) {
        if (page < 0) {
            throw new BadRequestException(name + " must be 0 or more, got " + page);
        }
        return page;
    }

    /** A page size or limit: 1 to {@code max}. */
    public static int size(String name, int size, int max) {
        if (size < 1 || size > max) {
            throw new BadRequestException(name + " must be between 1 and " + max + ", got " + size);
        }
        return size;
    }

    /** A cursor: 0 or more. */
    public static long cursor(String name, long after) {
        if (after < 0) {
            throw new BadRequestException(name + " must be 0 or more, got " + after);
        }
        return after;
    }
}
