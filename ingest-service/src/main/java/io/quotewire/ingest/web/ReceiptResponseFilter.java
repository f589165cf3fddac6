package io.quotewire.ingest.web;

import io.quotewire.ingest.api.model.IngestReceipt;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;

/**
 * The generated interface returns plain {@link IngestReceipt}s; this sets what the contract asks
 * of them: 202 Accepted for a newly queued document, 200 for a duplicate, and a Location header
 * with the document's URL in both cases.
 */
public class ReceiptResponseFilter {

    @ServerResponseFilter
    public void receipt(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200 || !(response.getEntity() instanceof IngestReceipt receipt)) {
            return;
        }
        if (!Boolean.TRUE.equals(receipt.getDuplicate())) {
            response.setStatus(202);
        }
        if (receipt.getLocation() != null) {
            URI base = request.getUriInfo().getBaseUri();
            response.getHeaders().putSingle(HttpHeaders.LOCATION, base.resolve(receipt.getLocation()).toString());
        }
    }
}
