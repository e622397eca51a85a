package jp.oqs.web.rest;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;

/**
 * Every property of what this module validates is reachable and cascadable: request bodies are records of the
 * contract, never entities with properties still to load. The default resolver, when JPA is present, asks every
 * persistence provider whether each property is loaded, for every property of every element; that was a third
 * of validating a 100,000-claim body. Named in {@code META-INF/validation.xml}.
 */
public class RecordsAreReachable implements TraversableResolver {

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                               Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                                Path pathToTraversableObject, ElementType elementType) {
        return true;
    }
}
