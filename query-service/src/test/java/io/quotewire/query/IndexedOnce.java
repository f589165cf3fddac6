package io.quotewire.query;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the API tests that push their articles to the index once per class, before the first test.
 * In a {@code @BeforeEach} rather than a {@code @BeforeAll}: RestAssured only knows the test port from
 * the first test on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IndexedOnce {

    private boolean indexed;

    @BeforeEach
    final void indexOnce() {
        if (indexed) {
            return;
        }
        indexed = true;
        indexArticles();
    }

    /** Pushes this class's articles through PUT /api/v1/index/documents/{id}. */
    protected abstract void indexArticles();
}
