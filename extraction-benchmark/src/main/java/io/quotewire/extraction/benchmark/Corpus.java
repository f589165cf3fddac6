package io.quotewire.extraction.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark texts: every {@code *.txt} article in the repository's {@code seeds/} and in the extraction
 * core's own dev corpus ({@code extraction-core/src/test/resources/devcorpus/}), read from the directory the
 * benchmark is started in (the repository root) or from {@code -Dquotewire.home=<repository root>}.
 */
final class Corpus {
    static final String[] DIRS = {"seeds", "extraction-core/src/test/resources/devcorpus"};

    private Corpus() {
    }

    /** The articles, one string each, in file-name order. */
    static List<String> articles() {
        Path home = Path.of(System.getProperty("quotewire.home", ".")).toAbsolutePath().normalize();
        List<String> texts = new ArrayList<>();
        for (String dir : DIRS) {
            Path d = home.resolve(dir);
            if (!Files.isDirectory(d)) {
                throw new IllegalStateException("no " + d + ": run from the repository root or set -Dquotewire.home");
            }
            try (Stream<Path> files = Files.list(d)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    texts.add(Files.readString(f, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }

    /** The articles joined by blank lines and repeated until the text has at least {@code bytes} UTF-8 bytes. */
    static String repeated(List<String> articles, long bytes) {
        StringBuilder sb = new StringBuilder();
        long size = 0;
        while (size < bytes) {
            for (String a : articles) {
                sb.append(a).append("\n\n");
                size += utf8Bytes(a) + 2;
            }
        }
        return sb.toString();
    }

    static long utf8Bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
