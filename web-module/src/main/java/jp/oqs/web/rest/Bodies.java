package jp.oqs.web.rest;

import jakarta.ws.rs.BadRequestException;

/**
 * Request bodies are required where the contract takes one. Their fields are validated by the session beans'
 * declared constraints (the contract's interfaces carry none on parameters: Payara 6.2025.9's OpenAPI generator
 * fails on constrained body parameters, FISH-12153).
 */
public final class Bodies {

    private Bodies() {
    }

    public static <T> T required(T body) {
        if (body == null) {
            throw new BadRequestException("a JSON body is required");
        }
        return body;
    }

    public static <T extends java.util.Collection<?>> T notEmpty(String field, T items) {
        if (items == null || items.isEmpty()) {
            throw new BadRequestException(field + " must hold at least one item");
        }
        return items;
    }
}
