package io.quotewire.query.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code quotewire.workbench.ingest-url}: what the page is given, and what stops the service at start. */
class WorkbenchIngestUrlTest {

    @Test
    void anHttpAddressIsGivenWithoutItsTrailingSlash() {
        assertThat(WorkbenchPages.ingestUrl("http://localhost:8081")).isEqualTo("http://localhost:8081");
        assertThat(WorkbenchPages.ingestUrl(" https://ingest.quotewire.example.com/ ")).isEqualTo("https://ingest.quotewire.example.com");
        assertThat(WorkbenchPages.ingestUrl("https://example.org/quotewire/ingest//")).isEqualTo("https://example.org/quotewire/ingest");
    }

    @Test
    void anythingElseIsRefusedNamingTheProperty() {
        for (String bad : new String[] {"localhost:8081", "/ingest", "ftp://example.org", "http://", "javascript:alert(1)",
                "http://example.org/?key=1", "http://example.org/#x", "http://user:pw@example.org", "http://exa mple.org"}) {
            assertThatThrownBy(() -> WorkbenchPages.ingestUrl(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quotewire.workbench.ingest-url");
        }
    }
}
