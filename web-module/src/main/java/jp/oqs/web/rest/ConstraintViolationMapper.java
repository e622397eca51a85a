package jp.oqs.web.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.stream.Collectors;
import jp.oqs.api.error.ErrorCodes;

/** Bean Validation failures of a request → 400 naming every field and rule. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        String hint = exception.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> field(v) + ": " + v.getMessage())
                .collect(Collectors.joining("; "));
        return Errors.response(Response.Status.BAD_REQUEST, ErrorCodes.INVALID_REQUEST,
                "入力内容に誤りがあります。項目をご確認ください。", hint);
    }

    /**
     * The field path without the Java method's name (e.g. {@code request.nameKana},
     * {@code batch.records[3].recordId}).
     */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> {
                    continue;
                }
                case PARAMETER -> field.append(node.getName().startsWith("arg") ? "body" : node.getName());
                case CONTAINER_ELEMENT -> index(field, node); // an item itself, e.g. a null in a list
                default -> {
                    index(field, node);
                    field.append(field.isEmpty() ? "" : ".").append(node.getName());
                }
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** The position in a list of the item the node belongs to, as {@code [3]}. */
    private static void index(StringBuilder field, Path.Node node) {
        if (node.isInIterable() && node.getIndex() != null) {
            field.append('[').append(node.getIndex()).append(']');
        }
    }
}
