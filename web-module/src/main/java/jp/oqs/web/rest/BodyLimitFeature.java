package jp.oqs.web.rest;

import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import org.eclipse.microprofile.config.ConfigProvider;

/** Gives every resource method the body limit its {@link BodyLimit} names, read from MicroProfile Config. */
public class BodyLimitFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        BodyLimit declared = resourceInfo.getResourceMethod().getAnnotation(BodyLimit.class);
        BodyLimit.Kind kind = declared == null ? BodyLimit.Kind.OTHER : declared.value();
        long bytes = ConfigProvider.getConfig().getOptionalValue(kind.property(), Long.class)
                .orElse(kind.defaultBytes());
        context.register(new RequestBodyLimit(bytes, kind.code()));
    }
}
