package io.quotewire.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates Kubernetes manifests offline and strictly against the Kubernetes API types, using
 * fabric8's typed model (generated from the Kubernetes OpenAPI schema) as the schema:
 *
 * <ul>
 *   <li>apiVersion/kind must name a type that current Kubernetes serves (no removed beta APIs);</li>
 *   <li>every field must exist in that type: fabric8 keeps unknown fields in an
 *       {@code additionalProperties} map, so that escape hatch is removed and unknown fields fail;</li>
 *   <li>no scalar coercion: a string where an integer or boolean goes fails, and so does a
 *       number or boolean where a string goes (as the API server's decoder does);</li>
 *   <li>duplicate keys fail; quantities (cpu, memory, storage) must parse;</li>
 *   <li>the typed object, written back, must equal the input: nothing was silently dropped;</li>
 *   <li>the official Kubernetes Java client's model of the same type (io.kubernetes:client-java-api,
 *       generated from the Kubernetes OpenAPI document) must accept it too: it also knows the
 *       required fields.</li>
 * </ul>
 */
final class StrictManifestValidator {

    /** API versions served by Kubernetes 1.29 and later that these manifests may use. */
    static final Set<String> SERVED_API_VERSIONS = Set.of(
            "v1", "apps/v1", "batch/v1", "autoscaling/v2", "policy/v1", "networking.k8s.io/v1",
            "rbac.authorization.k8s.io/v1", "scheduling.k8s.io/v1", "storage.k8s.io/v1");

    /** One rejected document, with every reason found. */
    static final class InvalidManifestException extends RuntimeException {
        InvalidManifestException(String message) {
            super(message);
        }
    }

    private static final KubernetesSerialization REGISTRY = new KubernetesSerialization();

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private final ObjectMapper strict;

    StrictManifestValidator() {
        SimpleModule noEscapeHatch = new SimpleModule("strict-kubernetes-model");
        noEscapeHatch.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                                                         BeanDeserializerBuilder builder) {
                if (KubernetesResource.class.isAssignableFrom(bean.getBeanClass())
                        && bean.getBeanClass() != GenericKubernetesResource.class) {
                    builder.setAnySetter(null);
                    builder.setIgnoreUnknownProperties(false);
                }
                return builder;
            }
        });
        JsonMapper mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .addModule(noEscapeHatch)
                .build();
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean)) {
            for (CoercionInputShape shape : List.of(CoercionInputShape.String, CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.EmptyString)) {
                if (!sameShape(type, shape)) {
                    mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        this.strict = mapper;
    }

    private static boolean sameShape(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Textual -> shape == CoercionInputShape.String || shape == CoercionInputShape.EmptyString;
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer;
            case Boolean -> shape == CoercionInputShape.Boolean;
            default -> false;
        };
    }

    /** Parses a multi-document YAML stream (empty documents skipped). */
    static List<JsonNode> documents(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(yaml)) {
            parser.setCodec(YAML);
            Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (IOException | RuntimeJsonMappingException e) {
            throw new InvalidManifestException("not valid YAML: " + e.getMessage());
        } catch (RuntimeException e) {
            // MappingIterator wraps parse errors (such as duplicate keys) in a plain RuntimeException
            if (e.getCause() instanceof IOException io) {
                throw new InvalidManifestException("not valid YAML: " + io.getMessage());
            }
            throw e;
        }
        return docs;
    }

    /** Validates every document of a YAML stream; throws with all problems found. */
    List<HasMetadata> validateAll(String yaml) {
        List<HasMetadata> valid = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (JsonNode doc : documents(yaml)) {
            try {
                valid.add(validate(doc));
            } catch (InvalidManifestException e) {
                problems.add("document " + index + " (" + describe(doc) + "): " + e.getMessage());
            }
            index++;
        }
        if (!problems.isEmpty()) {
            throw new InvalidManifestException(String.join("\n", problems));
        }
        return valid;
    }

    /** Validates one document and returns it as its typed Kubernetes object. */
    HasMetadata validate(JsonNode doc) {
        if (!(doc instanceof ObjectNode object)) {
            throw new InvalidManifestException("not a mapping");
        }
        JsonNode apiVersion = object.get("apiVersion");
        JsonNode kind = object.get("kind");
        if (apiVersion == null || !apiVersion.isTextual() || kind == null || !kind.isTextual()) {
            throw new InvalidManifestException("apiVersion and kind must both be strings");
        }
        if (!SERVED_API_VERSIONS.contains(apiVersion.asText())) {
            throw new InvalidManifestException("apiVersion " + apiVersion.asText() + " is not one Kubernetes serves "
                    + "(allowed: " + SERVED_API_VERSIONS + ")");
        }
        Class<? extends KubernetesResource> type =
                REGISTRY.getRegisteredKubernetesResource(apiVersion.asText(), kind.asText());
        if (type == null || type == GenericKubernetesResource.class || !HasMetadata.class.isAssignableFrom(type)) {
            throw new InvalidManifestException("unknown kind " + kind.asText() + " in " + apiVersion.asText());
        }
        HasMetadata typed;
        try {
            typed = (HasMetadata) strict.treeToValue(object, type);
        } catch (JsonMappingException e) {
            throw new InvalidManifestException(jsonPath(e) + ": " + e.getOriginalMessage().replaceAll("\\s+", " "));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidManifestException(e.getMessage().replaceAll("\\s+", " "));
        }
        List<String> problems = new ArrayList<>();
        officialModelCheck(object, apiVersion.asText(), kind.asText(), problems);
        walk(typed, type.getSimpleName(), problems, new IdentityHashMap<>());
        JsonNode back = strict.valueToTree(typed);
        diff("", object, back, problems);
        if (typed.getMetadata() == null || typed.getMetadata().getName() == null
                || typed.getMetadata().getName().isBlank()) {
            problems.add("metadata.name is required");
        }
        if (!problems.isEmpty()) {
            throw new InvalidManifestException(String.join("; ", problems));
        }
        return typed;
    }

    /**
     * Second opinion from the official Kubernetes Java client, whose models are generated from the
     * Kubernetes 1.32 OpenAPI document and know each type's required fields, e.g.
     * {@code V1Deployment.validateJsonElement}.
     */
    private static void officialModelCheck(ObjectNode object, String apiVersion, String kind, List<String> problems) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String className = "io.kubernetes.client.openapi.models." + Character.toUpperCase(version.charAt(0))
                + version.substring(1) + kind;
        Method validate;
        try {
            validate = Class.forName(className).getMethod("validateJsonElement", com.google.gson.JsonElement.class);
        } catch (ReflectiveOperationException e) {
            problems.add("no Kubernetes API model " + className);
            return;
        }
        try {
            validate.invoke(null, com.google.gson.JsonParser.parseString(object.toString()));
        } catch (java.lang.reflect.InvocationTargetException e) {
            String message = String.valueOf(e.getCause().getMessage()).replaceAll("\\s+", " ");
            problems.add("Kubernetes API model: " + (message.length() > 240 ? message.substring(0, 240) + "…" : message));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Walks the typed object graph: leftover additionalProperties, unparsable quantities. */
    private static void walk(Object value, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Quantity quantity) {
            try {
                Quantity.getAmountInBytes(quantity);
            } catch (RuntimeException e) {
                problems.add(path + ": invalid quantity '" + quantity + "'");
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, problems, seen));
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())
                    || !m.getName().startsWith("get") || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = m.invoke(value);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown fields " + extra.keySet());
                }
                continue;
            }
            String name = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
            walk(child, path + "." + name, problems, seen);
        }
    }

    /** Reports every input field that did not survive the typed round trip, or changed on the way. */
    private static void diff(String path, JsonNode in, JsonNode out, List<String> problems) {
        if (in.isObject()) {
            if (out == null || !out.isObject()) {
                if (!(in.isEmpty() && (out == null || out.isNull()))) {
                    problems.add((path.isEmpty() ? "." : path) + ": not kept as an object");
                }
                return;
            }
            in.fields().forEachRemaining(e -> {
                JsonNode o = out.get(e.getKey());
                if (o == null && !e.getValue().isNull() && !isEmptyContainer(e.getValue())) {
                    problems.add(path + "." + e.getKey() + ": field not in the Kubernetes type (dropped)");
                } else if (o != null) {
                    diff(path + "." + e.getKey(), e.getValue(), o, problems);
                }
            });
        } else if (in.isArray()) {
            if (out == null || !out.isArray() || out.size() != in.size()) {
                problems.add(path + ": list not kept");
                return;
            }
            for (int i = 0; i < in.size(); i++) {
                diff(path + "[" + i + "]", in.get(i), out.get(i), problems);
            }
        } else if (!in.equals(out) && !sameNumber(in, out) && !quantityAsString(in, out)) {
            problems.add(path + ": value " + in + " came back as " + out);
        }
    }

    private static boolean isEmptyContainer(JsonNode n) {
        return (n.isObject() || n.isArray()) && n.isEmpty();
    }

    /** Quantities (cpu: 1) are numbers or strings in YAML and always strings in the API. */
    private static boolean quantityAsString(JsonNode in, JsonNode out) {
        return in.isNumber() && out.isTextual() && in.asText().equals(out.asText());
    }

    private static boolean sameNumber(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "." : path.toString();
    }

    static String describe(JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            return "?";
        }
        return doc.path("kind").asText("?") + "/" + doc.path("metadata").path("name").asText("?");
    }
}
