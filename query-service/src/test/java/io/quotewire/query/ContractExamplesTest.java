package io.quotewire.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.quotewire.web.ContractExamplesContract;

import java.util.List;
import java.util.Map;

/**
 * query-service accepts its contract's example values ({@link ContractExamplesContract}): every query parameter
 * example, alone and all at once as Swagger UI sends them, and every enum value in lower case. No request body
 * example is sent: the corrections' examples name entities of a populated read model, and the index body has none.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class ContractExamplesTest extends ContractExamplesContract {

    /** RELEVANCE ranks by q (the contract's QuoteSort says so). */
    @Override
    protected Map<String, Map<String, String>> needs() {
        return Map.of("sort=relevance", Map.of("q", "ceasefire"));
    }

    @Override
    protected List<String> bodyExamplesToSend() {
        return List.of();
    }
}
