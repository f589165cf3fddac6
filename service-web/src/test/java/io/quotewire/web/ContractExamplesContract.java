package io.quotewire.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's own example values are accepted by the service that serves it, inherited by each service's
 * ContractExamplesTest. Read from the contract the service serves ({@code /q/openapi}, what Swagger UI shows), for
 * every GET operation:
 * <ul>
 *   <li>all its query parameter examples at once, as Swagger UI's "Try it out" fills them in;</li>
 *   <li>each example alone;</li>
 *   <li>each value of each enum parameter, written in lower case as clients and people write it, together with the
 *       examples (so {@code sort=relevance} comes with the {@code q} it needs).</li>
 * </ul>
 * None may be a 400 (nor any 5xx). Path parameters take their example, else a value of their type that names
 * nothing (a 404 is fine: the point is the query string).
 */
public abstract class ContractExamplesContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request with what a read needs in the test profile (credentials where reads are closed). */
    protected RequestSpecification reader() {
        return given();
    }

    /**
     * Enum values that need another parameter, as the contract says in their description ({@code sort=relevance}
     * ranks by {@code q}): {@code "name=value"} in lower case to the parameters sent with it.
     */
    protected Map<String, Map<String, String>> needs() {
        return Map.of();
    }

    /** The contract as the service serves it. */
    protected JsonNode contract() throws Exception {
        String body = given().accept("application/json").queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    @Test
    void everyExampleAndEnumValueOfAQueryParameterIsAccepted() throws Exception {
        JsonNode root = contract();
        List<String> tried = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                continue;
            }
            List<JsonNode> parameters = new ArrayList<>();
            path.getValue().path("parameters").forEach(p -> parameters.add(resolve(root, p)));
            get.path("parameters").forEach(p -> parameters.add(resolve(root, p)));
            String url = path.getKey();
            Map<String, String> examples = new LinkedHashMap<>();
            Map<String, List<String>> enums = new LinkedHashMap<>();
            for (JsonNode p : parameters) {
                String name = p.path("name").asText();
                String example = example(p);
                if ("path".equals(p.path("in").asText())) {
                    url = url.replace("{" + name + "}", example != null ? example : placeholder(resolve(root, p.path("schema"))));
                } else if ("query".equals(p.path("in").asText())) {
                    if (example != null) {
                        examples.put(name, example);
                    }
                    JsonNode values = resolve(root, p.path("schema")).path("enum");
                    if (values.isArray()) {
                        List<String> list = new ArrayList<>();
                        values.forEach(v -> list.add(v.asText().toLowerCase(Locale.ROOT)));
                        enums.put(name, list);
                    }
                }
            }
            accepted(url, examples, tried);
            for (var e : examples.entrySet()) {
                accepted(url, Map.of(e.getKey(), e.getValue()), tried);
            }
            for (var e : enums.entrySet()) {
                for (String value : e.getValue()) {
                    Map<String, String> with = new LinkedHashMap<>(examples);
                    with.put(e.getKey(), value);
                    with.putAll(needs().getOrDefault(e.getKey() + "=" + value, Map.of()));
                    accepted(url, with, tried);
                }
            }
        }
        if (root.path("paths").toString().contains("\"get\"")) {
            assertThat(tried).as("requests made from the contract").isNotEmpty();
        }
    }

    /**
     * The operations (operationId) whose request body examples are sent as they are: each must be answered 2xx.
     * Writes whose examples name something that may not exist (an entity id, a page on example.com) are left out.
     */
    protected abstract List<String> bodyExamplesToSend();

    @Test
    void theRequestBodyExamplesOfTheChosenOperationsAreAccepted() throws Exception {
        JsonNode root = contract();
        List<String> sent = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                if (!bodyExamplesToSend().contains(op.getValue().path("operationId").asText())) {
                    continue;
                }
                for (Iterator<Map.Entry<String, JsonNode>> media = op.getValue().path("requestBody").path("content").fields();
                     media.hasNext(); ) {
                    var m = media.next();
                    JsonNode example = m.getValue().has("example") ? m.getValue().get("example")
                            : m.getValue().path("examples").elements().hasNext()
                            ? m.getValue().path("examples").elements().next().path("value") : null;
                    if (example == null || example.isMissingNode()) {
                        continue;
                    }
                    String body = example.isTextual() ? example.asText() : JSON.writeValueAsString(example);
                    Response response = writer().contentType(m.getKey()).body(body)
                            .request(op.getKey().toUpperCase(Locale.ROOT), path.getKey());
                    sent.add(op.getKey() + " " + path.getKey() + " " + m.getKey());
                    assertThat(response.statusCode())
                            .as("%s %s (%s) with its example answered %s", op.getKey(), path.getKey(), m.getKey(),
                                    response.asString())
                            .isBetween(200, 299);
                }
            }
        }
        assertThat(sent).as("body examples sent").hasSizeGreaterThanOrEqualTo(bodyExamplesToSend().size());
    }

    /** A request with what a write needs in the test profile. */
    protected RequestSpecification writer() {
        return given();
    }

    private void accepted(String url, Map<String, String> query, List<String> tried) {
        RequestSpecification request = reader();
        query.forEach(request::queryParam);
        Response response = request.get(url);
        tried.add(url + " " + query);
        assertThat(response.statusCode())
                .as("GET %s with %s answered %s", url, query, response.asString())
                .isNotEqualTo(400)
                .isLessThan(500);
    }

    /** The parameter's example: its own, the first of its examples, or its schema's. */
    private static String example(JsonNode parameter) {
        if (parameter.has("example")) {
            return parameter.get("example").asText();
        }
        Iterator<JsonNode> examples = parameter.path("examples").elements();
        if (examples.hasNext()) {
            return examples.next().path("value").asText();
        }
        JsonNode schema = parameter.path("schema");
        return schema.has("example") ? schema.get("example").asText() : null;
    }

    /** A value of the type that names nothing stored. */
    private static String placeholder(JsonNode schema) {
        return "uuid".equals(schema.path("format").asText()) ? UUID.randomUUID().toString() : "987654321";
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : resolve(root, root.at(ref.asText().substring(1)));
    }
}
