package io.quotewire.web;

import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KnownParametersTest {

    /** Like a generated API interface: the annotations sit on the interface. */
    interface Api {
        String search(@QueryParam("q") String q, @QueryParam("limit") Integer limit, String body);

        String get(String id);
    }

    static class Resource implements Api {
        @Override
        public String search(String q, Integer limit, String body) {
            return q;
        }

        @Override
        public String get(String id) {
            return id;
        }
    }

    @Test
    void readsTheQueryParametersOfTheImplementedInterface() throws NoSuchMethodException {
        assertThat(KnownParameters.queryParams(Resource.class.getMethod("search", String.class, Integer.class,
                String.class))).containsExactly("limit", "q");
        assertThat(KnownParameters.queryParams(Resource.class.getMethod("get", String.class))).isEmpty();
    }
}
