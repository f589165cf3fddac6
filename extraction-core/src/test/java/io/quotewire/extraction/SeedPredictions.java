package io.quotewire.extraction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the extractor's answer for every {@code *.txt} in a directory as {@code <file>.json} in the shape
 * /work/shared/eval/score.py reads. Usage: {@code SeedPredictions <texts dir> <output dir>}.
 */
public final class SeedPredictions {
    private SeedPredictions() {
    }

    public static void main(String[] args) throws IOException {
        Path texts = Path.of(args.length > 0 ? args[0] : "seeds");
        Path out = Path.of(args.length > 1 ? args[1] : "target/seed-predictions");
        Files.createDirectories(out);
        Extractor extractor = new Extractor();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<Path> files;
        try (Stream<Path> s = Files.list(texts)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Extraction x = extractor.extract(text, null);
            json.writeValue(out.resolve(f.getFileName() + ".json").toFile(), toJson(x));
        }
        System.out.println(files.size() + " predictions written to " + out);
    }

    static Map<String, Object> toJson(Extraction x) {
        List<Object> quotes = new ArrayList<>();
        for (Quote q : x.quotes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", q.text());
            m.put("type", q.type().name());
            m.put("start", q.start());
            m.put("end", q.end());
            Map<String, Object> speaker = null;
            if (q.speaker() != null) {
                speaker = new LinkedHashMap<>();
                speaker.put("name", q.speaker().name());
                Span mention = q.speaker().mention();
                Map<String, Object> span = null;
                if (mention != null) {
                    span = new LinkedHashMap<>(); // fixed key order, so two runs give byte-identical files
                    span.put("text", mention.text());
                    span.put("start", mention.start());
                    span.put("end", mention.end());
                }
                speaker.put("mention", span);
                speaker.put("resolution", q.speaker().resolution() == null ? null : q.speaker().resolution().name());
                speaker.put("entityId", q.speaker().entityId());
            }
            m.put("speaker", speaker);
            m.put("cue", q.cue() == null ? null : q.cue().text());
            m.put("parts", q.parts().stream().map(p -> offsets(p.start(), p.end())).toList());
            m.put("sentence", q.sentence() == null ? null
                    : offsets(q.sentence().start(), q.sentence().end()));
            quotes.add(m);
        }
        List<Object> entities = new ArrayList<>();
        for (Entity e : x.entities()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("name", e.name());
            m.put("type", e.type().name());
            m.put("aliases", e.aliases());
            m.put("titles", e.titles());
            m.put("mentions", e.mentions().size());
            // where each mention stands, so an error list can tell a right person named at the wrong words
            m.put("mentionOffsets", e.mentions().stream().map(s -> List.of(s.start(), s.end())).toList());
            entities.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("quotes", quotes);
        root.put("entities", entities);
        return root;
    }

    /** start and end, in that order (a fixed key order keeps two runs' files byte-identical). */
    private static Map<String, Object> offsets(int start, int end) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", start);
        m.put("end", end);
        return m;
    }
}
