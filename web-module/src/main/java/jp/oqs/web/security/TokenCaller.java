package jp.oqs.web.security;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

/** A caller authenticated by a verified bearer token: its name, its groups (= roles) and its claims. */
public final class TokenCaller implements Principal, Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final Set<String> groups;
    private final transient JsonObject claims;

    TokenCaller(String name, Set<String> groups, JsonObject claims) {
        this.name = name;
        this.groups = Set.copyOf(groups);
        this.claims = claims;
    }

    @Override
    public String getName() {
        return name;
    }

    public Set<String> groups() {
        return groups;
    }

    /** The verified claims, as the token carried them (null after deserialisation: they are not serialised). */
    JsonObject claims() {
        return claims;
    }

    /** A claim's value: a string claim as its text, anything else as a JSON value, null when absent. */
    public Object claim(String claimName) {
        JsonValue value = claims == null ? null : claims.get(claimName);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString text ? text.getString() : value;
    }

    @Override
    public String toString() {
        return "TokenCaller[" + name + "]";
    }
}
