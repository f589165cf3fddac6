package io.quotewire.ingest.worker;

import io.quotewire.ingest.client.query.IndexApi;
import io.quotewire.ingest.client.query.model.Extraction;
import io.quotewire.ingest.client.query.model.IndexBatch;
import io.quotewire.ingest.client.query.model.IndexBatchItem;
import io.quotewire.ingest.client.query.model.IndexBatchResult;
import io.quotewire.ingest.client.query.model.IndexItemResult;
import io.quotewire.ingest.client.query.model.IndexedDocument;
import io.quotewire.ingest.client.query.model.Problem;
import io.quotewire.ingest.worker.RemoteCallException.Kind;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each document of a batch is told, for every way query-service can answer the batch. */
class IndexBatcherTest {

    /** query-service as the batcher sees it: the batch answer is a function of the batch; single pushes fail for {@code refusedAlone}. */
    private static final class FakeIndex implements IndexApi {
        final Function<IndexBatch, IndexBatchResult> batchAnswer;
        final Set<UUID> refusedAlone;
        final List<UUID> alone = new ArrayList<>();
        int batches;

        FakeIndex(Function<IndexBatch, IndexBatchResult> batchAnswer, Set<UUID> refusedAlone) {
            this.batchAnswer = batchAnswer;
            this.refusedAlone = refusedAlone;
        }

        @Override
        public IndexBatchResult indexBatch(IndexBatch batch) {
            batches++;
            return batchAnswer.apply(batch);
        }

        @Override
        public void indexDocument(UUID id, IndexedDocument document) {
            alone.add(id);
            if (refusedAlone.contains(id)) {
                throw new WebApplicationException(Response.status(400).entity("invalid document").build());
            }
        }
    }

    private static List<IndexBatcher.Pending> pending(int n) {
        List<IndexBatcher.Pending> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new IndexBatcher.Pending(UUID.randomUUID(),
                    new IndexedDocument("text " + i, new Extraction()), new CompletableFuture<>()));
        }
        return list;
    }

    private static IndexBatcher batcher(FakeIndex index) {
        IndexBatcher batcher = new IndexBatcher();
        batcher.client = index;
        return batcher;
    }

    private static IndexItemResult result(IndexBatchItem item, IndexItemResult.StatusEnum status) {
        return new IndexItemResult(item.getId(), status);
    }

    private static Throwable failure(IndexBatcher.Pending p) {
        assertThat(p.done()).isCompletedExceptionally();
        try {
            p.done().join();
            throw new AssertionError("completed normally");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void eachDocumentGetsItsOwnResult() {
        List<IndexBatcher.Pending> batch = pending(3);
        FakeIndex index = new FakeIndex(b -> new IndexBatchResult(List.of(
                result(b.getDocuments().get(0), IndexItemResult.StatusEnum.STORED),
                result(b.getDocuments().get(1), IndexItemResult.StatusEnum.REJECTED)
                        .problem(new Problem().status(400).detail("invalid document: offset past the text")),
                result(b.getDocuments().get(2), IndexItemResult.StatusEnum.UNCHANGED))), Set.of());
        batcher(index).send(new ArrayList<>(batch));

        assertThat(index.batches).isEqualTo(1);
        assertThat(batch.get(0).done()).isCompleted().isNotCompletedExceptionally();
        assertThat(failure(batch.get(1))).isInstanceOf(RemoteCallException.Rejected.class)
                .hasMessageContaining("offset past the text");
        assertThat(batch.get(2).done()).isCompleted().isNotCompletedExceptionally();
        assertThat(index.alone).isEmpty();
    }

    @Test
    void aFailedBatchIsPushedDocumentByDocument() {
        List<IndexBatcher.Pending> batch = pending(3);
        UUID poison = batch.get(1).id();
        FakeIndex index = new FakeIndex(b -> {
            throw new WebApplicationException(Response.status(500).entity("transaction failed").build());
        }, Set.of(poison));
        batcher(index).send(new ArrayList<>(batch));

        assertThat(index.alone).containsExactly(batch.get(0).id(), poison, batch.get(2).id());
        assertThat(batch.get(0).done()).isCompleted().isNotCompletedExceptionally();
        assertThat(failure(batch.get(1))).isInstanceOf(RemoteCallException.Rejected.class);
        assertThat(batch.get(2).done()).isCompleted().isNotCompletedExceptionally();
    }

    @Test
    void anUnreachableIndexFailsTheWholeBatchAlike() {
        List<IndexBatcher.Pending> batch = pending(3);
        FakeIndex index = new FakeIndex(b -> {
            throw new ProcessingException(new ConnectException("Connection refused"));
        }, Set.of());
        batcher(index).send(new ArrayList<>(batch));

        assertThat(index.alone).isEmpty();
        for (IndexBatcher.Pending p : batch) {
            assertThat(failure(p)).isInstanceOf(RemoteCallException.class)
                    .satisfies(e -> assertThat(((RemoteCallException) e).kind()).isEqualTo(Kind.UNAVAILABLE));
        }
    }

    @Test
    void aDocumentWithoutAResultIsAFailureToTryAgain() {
        List<IndexBatcher.Pending> batch = pending(2);
        FakeIndex index = new FakeIndex(b -> new IndexBatchResult(List.of(
                result(b.getDocuments().get(0), IndexItemResult.StatusEnum.STORED))), Set.of());
        batcher(index).send(new ArrayList<>(batch));

        assertThat(batch.get(0).done()).isCompleted().isNotCompletedExceptionally();
        assertThat(failure(batch.get(1))).isInstanceOf(RemoteCallException.class)
                .satisfies(e -> assertThat(((RemoteCallException) e).kind()).isEqualTo(Kind.FAILING));
    }

    @Test
    void aWaiterThatGaveUpIsLeftOut() {
        List<IndexBatcher.Pending> batch = pending(2);
        batch.get(0).done().cancel(false);
        List<Integer> sizes = new ArrayList<>();
        FakeIndex index = new FakeIndex(b -> {
            sizes.add(b.getDocuments().size());
            return new IndexBatchResult(List.of(result(b.getDocuments().get(0), IndexItemResult.StatusEnum.STORED)));
        }, Set.of());
        batcher(index).send(new ArrayList<>(batch));

        assertThat(sizes).containsExactly(1);
        assertThat(batch.get(1).done()).isCompleted().isNotCompletedExceptionally();
        assertThatThrownBy(() -> batch.get(0).done().join()).isInstanceOf(java.util.concurrent.CancellationException.class);
    }
}
