package io.quotewire.ingest.service;

import java.util.List;

/** One page of the document list and the cursor of the next (null on the last page). */
public record DocumentListPage(List<DocumentSummaryRow> rows, String nextCursor) {
}
