package io.quotewire.query;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Walks a keyset-paged listing: every page, following nextCursor until it is absent. */
final class Pages {

    private Pages() {
    }

    static List<JsonPath> all(String path, Map<String, ?> params) {
        List<JsonPath> pages = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> query = new HashMap<>(params);
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonPath page = given().queryParams(query).get(path).then().statusCode(200).extract().jsonPath();
            pages.add(page);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return pages;
    }

    /** The values at {@code field} of every item of every page, in order. */
    static <T> List<T> items(String path, Map<String, ?> params, String field, Class<T> type) {
        List<T> items = new ArrayList<>();
        all(path, params).forEach(page -> items.addAll(page.getList("items." + field, type)));
        return items;
    }
}
