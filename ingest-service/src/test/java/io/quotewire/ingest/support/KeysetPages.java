package io.quotewire.ingest.support;

import io.restassured.path.json.JsonPath;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads a keyset-paged listing of ingest ({@code {items, nextCursor}}) from its first page to its last. */
public final class KeysetPages {
    private KeysetPages() {
    }

    /**
     * Every page of {@code path} with {@code filter}, following nextCursor; asserts that each page but the last is
     * full and that the last has no nextCursor member, runs {@code eachPage} on every page, and returns the item ids
     * in order.
     */
    public static List<String> readAll(String path, int limit, Map<String, Object> filter, Consumer<JsonPath> eachPage) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParams(filter).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get(path).then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.id", String.class);
            cursor = page.getString("nextCursor");
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            if (cursor != null) {
                assertThat(items).hasSize(limit);
            } else {
                assertThat(page.getMap("$")).containsOnlyKeys("items"); // absent on the last page, not null
            }
            eachPage.accept(page);
            ids.addAll(items);
            pages++;
            assertThat(pages).as("pages read").isLessThan(10_000);
        } while (cursor != null);
        return ids;
    }

    /**
     * Gives the rows {@code ids} of {@code table} the {@code column} time of row {@code as}, so a listing ordered by
     * that time must break the tie by id.
     */
    public static void sameTime(DataSource dataSource, String table, String column, String as, List<String> ids)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET " + column + " = (SELECT " + column
                     + " FROM " + table + " WHERE id = CAST(? AS uuid)) WHERE id = CAST(? AS uuid)")) {
            for (String id : ids) {
                update.setString(1, as);
                update.setString(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
