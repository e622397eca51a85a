package jp.oqs.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a field of the contract means, for the OpenAPI document (the property's {@code description}): a rule a
 * vendor cannot read from the field's name and type, told where the vendor's tools show it. The Javadoc says the
 * same for Java clients.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Description {
    String value();
}
