package io.quotewire.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The deploy module's directory (Surefire passes it; falls back to the working directory). */
final class DeployDir {

    private DeployDir() {
    }

    static Path get() {
        String configured = System.getProperty("quotewire.deploy.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("base")) && Files.isDirectory(dir.resolve("deploy/base"))) {
            dir = dir.resolve("deploy");
        }
        if (!Files.isRegularFile(dir.resolve("base/kustomization.yaml"))) {
            throw new IllegalStateException("Not the deploy directory: " + dir.toAbsolutePath());
        }
        return dir.toAbsolutePath().normalize();
    }
}
