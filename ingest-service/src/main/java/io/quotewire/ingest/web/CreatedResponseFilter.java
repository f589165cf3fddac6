package io.quotewire.ingest.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Generated interfaces return plain models; a resource that created something marks the request,
 * and this answers 201 with a Location header instead of 200.
 */
public class CreatedResponseFilter {

    private static final String CREATED = "quotewire.created";

    static void markCreated(RoutingContext context, String location) {
        if (context != null) {
            context.put(CREATED, location);
        }
    }

    @ServerResponseFilter
    public void created(ContainerRequestContext request, ContainerResponseContext response, RoutingContext context) {
        String location = context == null ? null : context.get(CREATED);
        if (location != null && response.getStatus() == 200) {
            response.setStatus(201);
            response.getHeaders().putSingle(HttpHeaders.LOCATION,
                    request.getUriInfo().getBaseUri().resolve(location).toString());
        }
    }
}
