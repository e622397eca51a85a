package jp.oqs.httpguard;

import org.glassfish.grizzly.comet.CometAddOn;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.HttpCodecFilter;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Puts {@link MalformedPathFilter} in front of the listener's HTTP server filter, and {@link HeadErrorFilter} in
 * front of its HTTP parser (with the parser's probe that tells it of a refused head). Payara builds a listener's filter
 * chain from its configuration and looks its add-ons up by name in its service registry before falling back to its
 * own classes; this add-on is registered as {@code comet} with a higher rank than Payara's (its
 * {@code META-INF/hk2-locator/default}), so Payara sets it up on every listener with comet support enabled
 * (Payara Micro's default; {@code configure-domain.sh} enables it on Payara Server). It keeps comet's behaviour:
 * it is Grizzly's comet add-on, with the filter added.
 *
 * <p>Not a documented extension point of Payara: {@code HostileInputIT} and {@code EarDeploymentIT} send such
 * requests to Payara Micro and Payara Server, so an upgrade that changes it fails the build.
 */
public class MalformedPathAddOn extends CometAddOn {

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        super.setup(listener, builder);
        int httpServer = builder.indexOfType(HttpServerFilter.class);
        if (httpServer >= 0) {
            builder.add(httpServer, new MalformedPathFilter());
        }
        int parser = builder.indexOfType(HttpCodecFilter.class);
        if (parser >= 0) {
            ((HttpCodecFilter) builder.get(parser)).getMonitoringConfig().addProbes(HeadErrorFilter.probe());
            builder.add(parser, new HeadErrorFilter());
        }
    }
}
