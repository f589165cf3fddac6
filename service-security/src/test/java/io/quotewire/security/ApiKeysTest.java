package io.quotewire.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    private static final String K1 = "k1-aaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String K2 = "k2-bbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    @Test
    void findsTheEntryOfAKeyWithItsRoles() {
        ApiKeys keys = ApiKeys.parse(List.of("ingest-service:writer:" + K1, " ops : admin+reader : " + K2));
        assertThat(keys.find(K1)).hasValueSatisfying(e -> {
            assertThat(e.name()).isEqualTo("ingest-service");
            assertThat(e.roles()).isEqualTo(Set.of("writer"));
        });
        assertThat(keys.find(K2)).hasValueSatisfying(e -> assertThat(e.roles()).containsExactlyInAnyOrder("admin", "reader"));
        assertThat(keys.find(K1 + "x")).isEmpty();
        assertThat(keys.find("")).isEmpty();
    }

    @Test
    void noKeysIsAllowedAndFindsNothing() {
        ApiKeys keys = ApiKeys.parse(List.of());
        assertThat(keys.isEmpty()).isTrue();
        assertThat(keys.find(K1)).isEmpty();
    }

    @Test
    void malformedEntriesFailWithoutShowingTheKey() {
        assertThatThrownBy(() -> ApiKeys.parse(List.of("ingest:writer")))
                .hasMessageContaining("name:roles:key");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("ingest:root:" + K1)))
                .hasMessageContaining("unknown role 'root'").hasMessageNotContaining(K1);
        assertThatThrownBy(() -> ApiKeys.parse(List.of("ingest:writer:short")))
                .hasMessageContaining("24-256 characters");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("a:writer:" + K1, "a:reader:" + K2)))
                .hasMessageContaining("used twice");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("a:writer:" + K1, "b:reader:" + K1)))
                .hasMessageContaining("same key").hasMessageNotContaining(K1);
    }
}
