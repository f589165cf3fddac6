package io.quotewire.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Prints the extraction of the text on standard input (for looking at single sentences by hand). */
public final class DebugMain {
    private DebugMain() {
    }

    public static void main(String[] args) throws IOException {
        String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        Extraction x = new Extractor().extract(text, null);
        for (Quote q : x.quotes()) {
            System.out.printf("%-8s %-22s cue=%-12s mention=%-25s | %s%n", q.type(),
                    q.speaker() == null ? "-" : q.speaker().name(), q.cue() == null ? "-" : q.cue().text(),
                    q.speaker() == null || q.speaker().mention() == null ? "-" : q.speaker().mention().text(), q.text());
        }
        for (Entity e : x.entities()) {
            System.out.printf("  %s %s aliases=%s titles=%s mentions=%d%n", e.type(), e.name(), e.aliases(), e.titles(),
                    e.mentions().size());
        }
    }
}
