package io.quotewire.ingest.web;

import io.quotewire.web.ProblemMappers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quotewire.ingest.api.model.BatchLineResult;
import io.quotewire.ingest.api.model.BatchResult;
import io.quotewire.ingest.api.model.DocumentSubmission;
import io.quotewire.ingest.api.model.Problem;
import io.quotewire.ingest.config.IngestConfig;
import io.quotewire.ingest.service.ArticlePreparer;
import io.quotewire.ingest.service.DocumentService;
import io.quotewire.web.ProblemException;
import io.quotewire.ingest.service.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * An NDJSON batch: each non-blank line is a {@link DocumentSubmission}, ingested on its own
 * (its own transaction), so one bad line costs only its own result. Too many lines: 413 before
 * anything is stored.
 */
@ApplicationScoped
public class BatchIngest {

    private static final Logger LOG = Logger.getLogger(BatchIngest.class);

    @Inject
    DocumentService documents;

    @Inject
    ArticlePreparer preparer;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    IngestConfig config;

    public BatchResult ingest(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("the batch is empty: send one JSON document per line");
        }
        String[] lines = body.split("\r?\n", -1);
        long nonBlank = java.util.Arrays.stream(lines).filter(l -> !l.isBlank()).count();
        int max = config.batch().maxLines();
        if (nonBlank > max) {
            throw new ProblemException(413, "Content Too Large",
                    "the batch has " + nonBlank + " documents; at most " + max + " per request");
        }
        List<BatchLineResult> results = new ArrayList<>();
        int accepted = 0;
        int duplicates = 0;
        int failed = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            BatchLineResult result = new BatchLineResult(i + 1);
            try {
                DocumentSubmission submission = objectMapper.readValue(lines[i], DocumentSubmission.class);
                if (submission == null) {
                    throw ProblemException.badRequest("the line must be a JSON object");
                }
                Receipt receipt = documents.accept(preparer.prepare(DocumentResource.input(submission)));
                result.id(receipt.id())
                        .status(io.quotewire.ingest.api.model.ProcessingStatus.valueOf(receipt.status().name()))
                        .duplicate(receipt.duplicate())
                        .familyId(receipt.familyId())
                        .duplicateOf(receipt.duplicateOf());
                if (receipt.duplicate()) {
                    duplicates++;
                } else {
                    accepted++;
                }
            } catch (JsonProcessingException e) {
                result.problem(problem(400, "Bad Request", ProblemMappers.describe(e)));
                failed++;
            } catch (ProblemException e) {
                result.problem(problem(e.status(), e.title(), e.getMessage()));
                failed++;
            } catch (RuntimeException e) {
                LOG.errorf(e, "batch line %d failed", i + 1);
                result.problem(problem(500, "Internal Server Error", "unexpected failure; see the service log"));
                failed++;
            }
            results.add(result);
        }
        return new BatchResult(accepted, duplicates, failed, results);
    }

    private static Problem problem(int status, String title, String detail) {
        return new Problem().type("about:blank").status(status).title(title).detail(detail);
    }
}
