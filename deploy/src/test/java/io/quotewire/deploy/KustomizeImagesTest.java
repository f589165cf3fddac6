package io.quotewire.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images are set in one place: manifests name an image by a bare kustomize image name, and the
 * kustomizations' {@code images:} entries decide registry and tag.
 */
class KustomizeImagesTest {

    static Stream<String> overlays() {
        return Overlays.names().stream();
    }

    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job",
            "CronJob");

    /** images: entries of one kustomization file, by name. */
    private static Map<String, JsonNode> images(Path kustomizationDir) throws IOException {
        JsonNode k = StrictManifestValidator.documents(
                Files.readString(kustomizationDir.resolve("kustomization.yaml"))).get(0);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode image : k.path("images")) {
            out.put(image.path("name").asText(), image);
        }
        return out;
    }

    /** Container images written in the resource files a kustomization lists itself. */
    private static List<String> sourceImages(Path kustomizationDir) throws IOException {
        JsonNode k = StrictManifestValidator.documents(
                Files.readString(kustomizationDir.resolve("kustomization.yaml"))).get(0);
        List<String> images = new ArrayList<>();
        for (JsonNode resource : k.path("resources")) {
            Path file = kustomizationDir.resolve(resource.asText());
            if (!Files.isRegularFile(file)) {
                continue; // a directory: another kustomization, checked on its own
            }
            for (JsonNode doc : StrictManifestValidator.documents(Files.readString(file))) {
                if (WORKLOAD_KINDS.contains(doc.path("kind").asText())) {
                    JsonNode pod = doc.path("kind").asText().equals("CronJob")
                            ? doc.path("spec").path("jobTemplate").path("spec").path("template").path("spec")
                            : doc.path("spec").path("template").path("spec");
                    for (String list : List.of("containers", "initContainers")) {
                        pod.path(list).forEach(c -> images.add(c.path("image").asText()));
                    }
                }
            }
        }
        return images;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void manifestsNameImagesOnlyByKustomizeImageName(String overlay) throws IOException {
        Path base = DeployDir.get().resolve("base");
        Path dir = DeployDir.get().resolve("overlays").resolve(overlay);
        Map<String, JsonNode> declared = new LinkedHashMap<>(images(base));
        declared.putAll(images(dir));
        List<String> written = new ArrayList<>(sourceImages(base));
        written.addAll(sourceImages(dir));
        assertThat(written).isNotEmpty();
        for (String image : written) {
            assertThat(image).as("image in a manifest carries no tag or digest: " + image)
                    .doesNotContain(":").doesNotContain("@");
            assertThat(declared).as("image " + image + " has an images: entry (base or " + overlay + ")")
                    .containsKey(image);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void renderedImagesAreWhatTheKustomizationsSay(String overlay) throws IOException {
        Map<String, JsonNode> base = images(DeployDir.get().resolve("base"));
        Map<String, JsonNode> mine = images(DeployDir.get().resolve("overlays").resolve(overlay));
        for (PodTemplates.Workload w : PodTemplates.of(Overlays.get(overlay))) {
            for (Container c : w.containers()) {
                String rendered = c.getImage();
                String name = null;
                for (String candidate : union(base.keySet(), mine.keySet())) {
                    if (expected(candidate, base, mine).equals(rendered)) {
                        name = candidate;
                    }
                }
                assertThat(name).as(overlay + " " + w + ": image " + rendered + " comes from an images: entry")
                        .isNotNull();
                assertThat(rendered).as(overlay + " " + w + " pins a tag").matches(".+:[^:/]+$")
                        .doesNotEndWith(":latest");
            }
        }
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(x -> !a.contains(x)).forEach(all::add);
        return all;
    }

    /** name → base entry → overlay entry, as kustomize applies them (the overlay matches the name). */
    private static String expected(String name, Map<String, JsonNode> base, Map<String, JsonNode> overlay) {
        String image = name;
        String tag = null;
        for (Map<String, JsonNode> layer : List.of(base, overlay)) {
            JsonNode entry = layer.get(image);
            if (entry != null) {
                if (entry.hasNonNull("newTag")) {
                    tag = entry.get("newTag").asText();
                }
                if (entry.hasNonNull("newName")) {
                    image = entry.get("newName").asText();
                }
            }
        }
        return tag == null ? image : image + ":" + tag;
    }
}
