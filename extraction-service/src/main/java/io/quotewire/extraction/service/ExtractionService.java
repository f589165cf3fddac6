package io.quotewire.extraction.service;

import io.quotewire.extraction.Extractor;
import io.quotewire.extraction.api.model.Extraction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs the extraction core (one shared, thread-safe {@link Extractor}) and maps its answer to the contract. */
@ApplicationScoped
public class ExtractionService {

    private final Extractor extractor = new Extractor();

    @ConfigProperty(name = "quotewire.extraction.max-text-chars")
    int maxTextChars;

    public Extraction extract(String text, String title) {
        if (text.length() > maxTextChars) {
            throw new ProblemException(413, "Text too long",
                    "The text has " + text.length() + " characters; the limit is " + maxTextChars + ".");
        }
        return ExtractionMapper.toApi(extractor.extract(text, title));
    }
}
