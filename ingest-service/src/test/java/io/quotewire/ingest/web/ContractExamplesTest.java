package io.quotewire.ingest.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.testsupport.PostgresTestResource;
import io.quotewire.web.ContractExamplesContract;

import java.util.List;

/**
 * ingest-service accepts its contract's example values ({@link ContractExamplesContract}): the query parameters
 * of its listings (every status in lower case), and the request body examples of an ingest (JSON and HTML) and of
 * the cleaning preview. The fetch, batch and feed examples name pages on example.com, which a test cannot reach.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class ContractExamplesTest extends ContractExamplesContract {

    @Override
    protected List<String> bodyExamplesToSend() {
        return List.of("ingest", "clean");
    }
}
