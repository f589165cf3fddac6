package io.quotewire.extraction.service;

import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.web.ContractExamplesContract;

import java.util.List;

/**
 * extraction-service accepts its contract's example ({@link ContractExamplesContract}): the request body example of
 * an extraction is answered 200 (the contract has no query parameters).
 */
@QuarkusTest
class ContractExamplesTest extends ContractExamplesContract {

    @Override
    protected List<String> bodyExamplesToSend() {
        return List.of("extract");
    }
}
