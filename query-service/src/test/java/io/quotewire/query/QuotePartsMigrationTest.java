package io.quotewire.query;

import io.quotewire.testsupport.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** V10 on a database holding quotes indexed before it: each gets one part, its own offsets. */
class QuotePartsMigrationTest {

    @Test
    void quotesStoredBeforeV10HaveOnePartTheirOwnOffsets() throws SQLException {
        try (LocalPostgres postgres = LocalPostgres.startTemporary()) {
            String url = postgres.createDatabase("quote_parts_migration");
            Flyway.configure().dataSource(url, postgres.username(), postgres.password()).target("9").load().migrate();
            try (Connection c = DriverManager.getConnection(url, postgres.username(), postgres.password());
                 Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO documents (id, sort_at, text, content_hash, indexed_at, family_id)
                        VALUES ('7c7d2a4e-6c1f-4a39-9d6f-0b2f6e1e9a10', now(), 'He said "we stay" and left.', 'h', now(),
                                '7c7d2a4e-6c1f-4a39-9d6f-0b2f6e1e9a10')""");
                s.execute("""
                        INSERT INTO quotes (id, document_id, sort_at, speaker_name, text, type, start_offset, end_offset,
                                            family_id, sentence_start, sentence_end, norm_text, text_key, head_key, cluster_id)
                        VALUES (1, '7c7d2a4e-6c1f-4a39-9d6f-0b2f6e1e9a10', now(), 'He', 'we stay', 'DIRECT', 9, 16,
                                '7c7d2a4e-6c1f-4a39-9d6f-0b2f6e1e9a10', 0, 27, 'we stay', 1, 1, 1)""");

                Flyway.configure().dataSource(url, postgres.username(), postgres.password()).load().migrate();

                try (ResultSet rs = s.executeQuery("""
                        SELECT part_starts::text, part_ends::text, speaker_resolution, speaker_mention FROM quotes""")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("{9}");
                    assertThat(rs.getString(2)).isEqualTo("{16}");
                    assertThat(rs.getString(3)).isNull();
                    assertThat(rs.getString(4)).isNull();
                    assertThat(rs.next()).isFalse();
                }
                // the parts must run from the quote's start to its end
                assertThatThrownBy(() -> s.execute("UPDATE quotes SET part_starts = '{10}'"))
                        .hasMessageContaining("quotes_parts_check");
                assertThatThrownBy(() -> s.execute("UPDATE quotes SET part_starts = '{9,12}', part_ends = '{11}'"))
                        .hasMessageContaining("quotes_parts_check");
                assertThatThrownBy(() -> s.execute("UPDATE quotes SET speaker_resolution = 'GUESSED'"))
                        .hasMessageContaining("check");
            }
        }
    }
}
