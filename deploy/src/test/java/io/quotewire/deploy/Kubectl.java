package io.quotewire.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Finds a kubectl whose built-in kustomize is v4 or newer and renders kustomizations with it.
 *
 * <p>Looked for in this order: the {@code KUBECTL} system property or environment variable,
 * {@code kubectl} on the PATH, the binary that {@code deploy/ensure-kubectl.sh} caches, and last
 * the script itself (which installs that binary; switch off with {@code -Dkubectl.autoinstall=false}).
 */
final class Kubectl {

    private static final Pattern MODERN_KUSTOMIZE =
            Pattern.compile("Kustomize Version: v([4-9]|[1-9][0-9])\\.");

    /** What {@code kubectl kustomize} printed: the rendered YAML and its warnings. */
    record Rendered(String yaml, String stderr) {
    }

    private static volatile Kubectl instance;

    private final Path binary;

    private Kubectl(Path binary) {
        this.binary = binary;
    }

    static Kubectl get() {
        Kubectl k = instance;
        if (k == null) {
            synchronized (Kubectl.class) {
                if (instance == null) {
                    instance = new Kubectl(locate());
                }
                k = instance;
            }
        }
        return k;
    }

    Path binary() {
        return binary;
    }

    /** Runs {@code kubectl kustomize dir}; fails with kubectl's own message when it does. */
    Rendered kustomize(Path dir) {
        Result r = run(List.of(binary.toString(), "kustomize", dir.toString()), 120);
        if (r.exit != 0) {
            throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit " + r.exit + "):\n" + r.err);
        }
        return new Rendered(r.out, r.err);
    }

    private static Path locate() {
        List<String> tried = new ArrayList<>();
        String explicit = Optional.ofNullable(System.getProperty("KUBECTL")).orElse(System.getenv("KUBECTL"));
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (modern(p)) {
                return p;
            }
            tried.add(explicit + " (KUBECTL)");
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                if (modern(candidate)) {
                    return candidate;
                }
                tried.add(candidate + " (no kustomize v4+)");
            }
        }
        Path cached = cachedBinary();
        if (Files.isExecutable(cached) && modern(cached)) {
            return cached;
        }
        tried.add(cached + " (not installed)");
        if (!Boolean.parseBoolean(System.getProperty("kubectl.autoinstall", "true"))) {
            throw new IllegalStateException("No usable kubectl; tried " + tried + ". Run deploy/ensure-kubectl.sh");
        }
        Path script = DeployDir.get().resolve("ensure-kubectl.sh");
        Result r = run(List.of("bash", script.toString()), 600);
        String[] lines = r.out.strip().split("\n");
        Path installed = Path.of(lines[lines.length - 1].strip());
        if (r.exit != 0 || !modern(installed)) {
            throw new IllegalStateException("No usable kubectl; tried " + tried + " and " + script
                    + " (exit " + r.exit + "):\n" + r.err);
        }
        return installed;
    }

    private static Path cachedBinary() {
        String tools = System.getenv("QUOTEWIRE_TOOLS_DIR");
        if (tools == null || tools.isBlank()) {
            String cache = System.getenv("XDG_CACHE_HOME");
            if (cache == null || cache.isBlank()) {
                cache = System.getProperty("user.home") + "/.cache";
            }
            tools = cache + "/quotewire/tools";
        }
        return Path.of(tools, "kubectl-1.32.3", "kubectl");
    }

    private static boolean modern(Path kubectl) {
        if (!Files.isExecutable(kubectl)) {
            return false;
        }
        Result r = run(List.of(kubectl.toString(), "version", "--client"), 60);
        return r.exit == 0 && MODERN_KUSTOMIZE.matcher(r.out).find();
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result run(List<String> command, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            return new Result(127, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
