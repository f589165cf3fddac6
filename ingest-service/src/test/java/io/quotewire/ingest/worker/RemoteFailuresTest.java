package io.quotewire.ingest.worker;

import io.quotewire.ingest.worker.RemoteCallException.Kind;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a failed call means for the document: rejected, failing (spends budget) or unavailable. */
class RemoteFailuresTest {

    private static Kind answered(int status) {
        return RemoteFailures.classify("svc", new WebApplicationException(Response.status(status).build())).kind();
    }

    @Test
    void answersAboutTheDocumentAreRejections() {
        assertThat(answered(400)).isEqualTo(Kind.REJECTED);
        assertThat(answered(413)).isEqualTo(Kind.REJECTED);
        assertThat(answered(422)).isEqualTo(Kind.REJECTED);
        assertThat(RemoteFailures.classify("svc", new WebApplicationException(Response.status(400).build())))
                .isInstanceOf(RemoteCallException.Rejected.class)
                .hasMessageStartingWith("svc answered 400");
    }

    @Test
    void serverErrorsAndTimeoutsMayBeTheDocumentsDoing() {
        assertThat(answered(500)).isEqualTo(Kind.FAILING);
        assertThat(answered(408)).isEqualTo(Kind.FAILING);
        assertThat(RemoteFailures.classify("svc", new ProcessingException(new SocketTimeoutException("read timed out"))).kind())
                .isEqualTo(Kind.FAILING);
    }

    @Test
    void anAbsentOrMisconfiguredServiceIsUnavailable() {
        assertThat(answered(503)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(answered(502)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(answered(504)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(answered(429)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(answered(404)).isEqualTo(Kind.UNAVAILABLE);
        assertThat(RemoteFailures.classify("svc", new ProcessingException(new ConnectException("Connection refused"))))
                .hasMessageContaining("svc unreachable")
                .extracting(e -> ((RemoteCallException) e).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(RemoteFailures.classify("svc", new ProcessingException(new UnknownHostException("nowhere"))).kind())
                .isEqualTo(Kind.UNAVAILABLE);
    }
}
