package io.quotewire.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium and its chromedriver from Debian's packages {@code chromium} and {@code chromium-driver}, for
 * the browser tests (query-service's workbench test, devstack's ingest form test). Found through
 * {@code query-service/ensure-chromium.sh}, which installs both with apt-get when either is missing
 * ({@code CHROMIUM_BINARY} and {@code CHROMEDRIVER} name others).
 */
public record Chromium(Path browser, Path driver) {

    private static final String SCRIPT = "ensure-chromium.sh";

    private static volatile Chromium found;

    public static synchronized Chromium get() {
        if (found == null) {
            found = locate();
        }
        return found;
    }

    /**
     * Starts a headless Chromium driven by Selenium, as the browser tests use it: a 1280x1000 window at scale 1
     * (so screenshots compare), English, no extensions, the browser console's messages kept.
     */
    public org.openqa.selenium.chrome.ChromeDriver startDriver() {
        org.openqa.selenium.chrome.ChromeDriverService service = new org.openqa.selenium.chrome.ChromeDriverService.Builder()
                .usingDriverExecutable(driver().toFile()).usingAnyFreePort().build();
        org.openqa.selenium.chrome.ChromeOptions options = new org.openqa.selenium.chrome.ChromeOptions();
        options.setBinary(browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-GB",
                "--no-first-run", "--disable-extensions");
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability(org.openqa.selenium.chrome.ChromeOptions.LOGGING_PREFS, logs);
        return new org.openqa.selenium.chrome.ChromeDriver(service, options);
    }

    private static Chromium locate() {
        Path script = script();
        try {
            Process p = new ProcessBuilder("bash", script.toString()).start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(script + " did not finish within 15 minutes");
            }
            List<String> lines = out.join().strip().lines().toList();
            if (p.exitValue() != 0 || lines.size() < 2) {
                throw new IllegalStateException("No headless Chromium for the browser test: " + script + " (exit "
                        + p.exitValue() + "):\n" + err.join());
            }
            return new Chromium(Path.of(lines.get(lines.size() - 2)), Path.of(lines.get(lines.size() - 1)));
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code query-service/ensure-chromium.sh}, from a module directory (surefire runs in it), the repository root
     * (an IDE) or {@code quotewire.home}.
     */
    static Path script() {
        Path here = Path.of("").toAbsolutePath();
        String home = System.getProperty("quotewire.home");
        for (Path dir : new Path[] {here, here.resolve("query-service"), here.resolveSibling("query-service"),
                home == null ? here : Path.of(home).resolve("query-service")}) {
            if (Files.isRegularFile(dir.resolve(SCRIPT))) {
                return dir.resolve(SCRIPT);
            }
        }
        throw new IllegalStateException("query-service/" + SCRIPT + " not found from " + here);
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
