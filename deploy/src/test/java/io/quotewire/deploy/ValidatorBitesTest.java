package io.quotewire.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The validator must reject what the Kubernetes API server would reject: each broken manifest here
 * differs from a valid one (which passes) by one mistake.
 */
class ValidatorBitesTest {

    private final StrictManifestValidator validator = new StrictManifestValidator();

    /** A valid Deployment; {@link #broken} substitutes one line of it. */
    private static final String VALID = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
              labels:
                app: demo
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: demo
              template:
                metadata:
                  labels:
                    app: demo
                spec:
                  automountServiceAccountToken: false
                  containers:
                    - name: demo
                      image: demo:1
                      ports:
                        - name: http
                          containerPort: 8080
                      env:
                        - name: GREETING
                          value: "hello"
                      resources:
                        limits:
                          cpu: 1
                          memory: 256Mi
                      readinessProbe:
                        httpGet:
                          path: /q/health/ready
                          port: http
                      securityContext:
                        readOnlyRootFilesystem: true
            """;

    private static String broken(String line, String replacement) {
        assertThat(VALID).contains(line);
        return VALID.replace(line, replacement);
    }

    @Test
    void theValidManifestPasses() {
        List<HasMetadata> objects = validator.validateAll(VALID);
        assertThat(objects).hasSize(1).first().isInstanceOf(Deployment.class);
        Deployment d = (Deployment) objects.get(0);
        assertThat(d.getSpec().getReplicas()).isEqualTo(2);
        assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).getContainerPort())
                .isEqualTo(8080);
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("unknown field in spec (typo)",
                        broken("  replicas: 2", "  replica: 2"), "replica"),
                Arguments.of("unknown field in metadata",
                        broken("  labels:\n    app: demo\nspec:", "  label:\n    app: demo\nspec:"), "label"),
                Arguments.of("unknown field deep in a container",
                        broken("      readinessProbe:", "      readinesProbe:"), "readinesProbe"),
                Arguments.of("unknown field in a probe's httpGet",
                        broken("      path: /q/health/ready", "      url: /q/health/ready"), "url"),
                Arguments.of("string where an integer goes",
                        broken("containerPort: 8080", "containerPort: \"8080\""), "containerPort"),
                Arguments.of("string where an integer goes (replicas)",
                        broken("replicas: 2", "replicas: two"), "replicas"),
                Arguments.of("number where a string goes",
                        broken("value: \"hello\"", "value: 8080"), "value"),
                Arguments.of("string where a boolean goes",
                        broken("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: \"true\""),
                        "readOnlyRootFilesystem"),
                Arguments.of("boolean where a string goes",
                        broken("image: demo:1", "image: true"), "image"),
                Arguments.of("list where an object goes",
                        broken("          resources:\n            limits:\n              cpu: 1\n              memory: 256Mi\n",
                                "          resources: []\n"), "resources"),
                Arguments.of("object where a list goes",
                        broken("          ports:\n            - name: http\n              containerPort: 8080\n",
                                "          ports:\n            name: http\n"), "ports"),
                Arguments.of("invalid quantity",
                        broken("memory: 256Mi", "memory: 256MB"), "256MB"),
                Arguments.of("duplicate key",
                        broken("  replicas: 2", "  replicas: 2\n  replicas: 3"), "replicas"),
                Arguments.of("API version no longer served",
                        broken("apiVersion: apps/v1", "apiVersion: extensions/v1beta1"), "extensions/v1beta1"),
                Arguments.of("unknown kind",
                        broken("kind: Deployment", "kind: Deploymnet"), "Deploymnet"),
                Arguments.of("missing kind",
                        broken("kind: Deployment\n", ""), "kind"),
                Arguments.of("missing name",
                        broken("  name: demo\n  labels:", "  labels:"), "metadata.name"),
                Arguments.of("container without its required name",
                        broken("        - name: demo\n          image: demo:1", "        - image: demo:1"), "`name`"),
                Arguments.of("Deployment without its required selector",
                        broken("  selector:\n    matchLabels:\n      app: demo\n", ""), "`selector`"),
                Arguments.of("env entry without its required name",
                        broken("            - name: GREETING\n              value:", "            - value:"), "`name`"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void rejects(String mistake, String manifest, String mentioned) {
        assertThatThrownBy(() -> validator.validateAll(manifest))
                .as(mistake)
                .isInstanceOf(StrictManifestValidator.InvalidManifestException.class)
                .hasMessageContaining(mentioned);
    }

    @Test
    void oneBadDocumentAmongGoodOnesFailsTheStream() {
        String stream = VALID + "---\n" + broken("containerPort: 8080", "containerPort: \"8080\"")
                .replace("name: demo\n  labels", "name: demo2\n  labels");
        assertThatThrownBy(() -> validator.validateAll(stream))
                .hasMessageContaining("document 1")
                .hasMessageContaining("Deployment/demo2")
                .hasMessageNotContaining("document 0");
    }

    /**
     * End to end through kubectl kustomize: the real base, with an overlay whose patch makes one
     * mistake, must be rejected after rendering.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPatches")
    void rejectsARenderedOverlayWithABrokenPatch(String mistake, String patch, String mentioned,
                                                 @TempDir Path tmp) throws IOException {
        copyTree(DeployDir.get().resolve("base"), tmp.resolve("base"));
        Path overlay = Files.createDirectories(tmp.resolve("overlay"));
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - ../base
                patches:
                  - target:
                      kind: Deployment
                      name: ingest-service
                    patch: |-
                %s
                """.formatted(patch.indent(6).stripTrailing()));

        String rendered = Kubectl.get().kustomize(overlay).yaml();
        assertThat(rendered).as("the mistake survives rendering").contains(mentioned);
        assertThatThrownBy(() -> validator.validateAll(rendered))
                .as(mistake)
                .isInstanceOf(StrictManifestValidator.InvalidManifestException.class)
                .hasMessageContaining("Deployment/ingest-service")
                .hasMessageContaining(mentioned);
    }

    static Stream<Arguments> brokenPatches() {
        return Stream.of(
                Arguments.of("unknown container field", """
                        - op: add
                          path: /spec/template/spec/containers/0/resource
                          value: {limits: {cpu: "1"}}""", "resource"),
                Arguments.of("port as a string", """
                        - op: replace
                          path: /spec/template/spec/containers/0/ports/0/containerPort
                          value: "8081\"""", "containerPort"),
                Arguments.of("probe threshold as a string", """
                        - op: replace
                          path: /spec/template/spec/containers/0/livenessProbe/failureThreshold
                          value: "three\"""", "failureThreshold"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
