package io.quotewire.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The overlays under deploy/overlays, each rendered once per test run and validated strictly. */
final class Overlays {

    /** One rendered overlay: kubectl's output and the typed, validated objects. */
    record Overlay(String name, Path dir, String yaml, String warnings, List<HasMetadata> objects) {

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T one(Class<T> type, String name) {
            List<T> found = all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).toList();
            if (found.size() != 1) {
                throw new AssertionError(this.name + ": expected one " + type.getSimpleName() + " " + name
                        + ", found " + found.size());
            }
            return found.get(0);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Map<String, Overlay> CACHE = new ConcurrentHashMap<>();

    private Overlays() {
    }

    static List<String> names() {
        try (Stream<Path> dirs = Files.list(DeployDir.get().resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Overlay> all() {
        return names().stream().map(Overlays::get);
    }

    static Overlay get(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            Path dir = DeployDir.get().resolve("overlays").resolve(n);
            Kubectl.Rendered rendered = Kubectl.get().kustomize(dir);
            List<HasMetadata> objects = new StrictManifestValidator().validateAll(rendered.yaml());
            return new Overlay(n, dir, rendered.yaml(), rendered.stderr(), objects);
        });
    }
}
