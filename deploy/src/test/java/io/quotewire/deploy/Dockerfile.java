package io.quotewire.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The instructions of one Dockerfile that the tests need (continuations joined, comments dropped). */
record Dockerfile(String from, String user, List<Integer> expose, String workdir, Map<String, String> env,
                  List<String[]> copies, List<String> entrypoint) {

    static Path of(String service) {
        return DeployDir.get().getParent().resolve(service).resolve("src/main/docker/Dockerfile.jvm");
    }

    static Dockerfile parse(Path file) throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            if (!current.toString().isBlank()) {
                instructions.add(current.toString().strip());
            }
            current.setLength(0);
        }
        String from = null;
        String user = null;
        String workdir = null;
        List<Integer> expose = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        List<String[]> copies = new ArrayList<>();
        List<String> entrypoint = null;
        for (String instruction : instructions) {
            String[] parts = instruction.split("\\s+", 2);
            String keyword = parts[0].toUpperCase();
            String args = parts.length > 1 ? parts[1] : "";
            switch (keyword) {
                case "FROM" -> from = args;
                case "USER" -> user = args;
                case "WORKDIR" -> workdir = args;
                case "EXPOSE" -> {
                    for (String p : args.split("\\s+")) {
                        expose.add(Integer.parseInt(p.replace("/tcp", "")));
                    }
                }
                case "ENV" -> {
                    for (String word : words(args)) {
                        int eq = word.indexOf('=');
                        env.put(word.substring(0, eq), word.substring(eq + 1));
                    }
                }
                case "COPY" -> copies.add(words(args).toArray(String[]::new));
                case "ENTRYPOINT" -> entrypoint = new ObjectMapper().readValue(args, new TypeReference<List<String>>() {
                });
                default -> {
                }
            }
        }
        return new Dockerfile(from, user, expose, workdir, env, copies, entrypoint);
    }

    /** Splits on blanks outside quotes and removes the quotes (enough for ENV and COPY). */
    private static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : s.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }
}
