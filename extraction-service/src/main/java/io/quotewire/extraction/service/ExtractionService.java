package io.quotewire.extraction.service;

import io.quotewire.web.ProblemException;

import io.quotewire.extraction.Extractor;
import io.quotewire.extraction.api.model.Extraction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs the extraction core (one shared, thread-safe {@link Extractor}) and maps its answer to the contract.
 * <p>Memory budget: an extraction holds about 20 bytes of working data per character of news text (up to ~100
 * for junk such as 100,000 one-word quotes), so the weight being extracted at once (characters, plus ten per
 * double quote mark: {@link #weight}) is capped at {@code quotewire.extraction.max-inflight-chars}, and a text
 * whose weight exceeds {@code quotewire.extraction.max-weight} is refused with 413. A request waits for its share of that budget (a text longer
 * than the whole budget waits until it can run alone) up to {@code quotewire.extraction.admission-timeout},
 * then gets 503 with Retry-After. Many seed-size articles run side by side; large texts queue instead of
 * exhausting the heap.
 */
@ApplicationScoped
public class ExtractionService {

    private final Extractor extractor = new Extractor();

    @ConfigProperty(name = "quotewire.extraction.max-text-chars")
    int maxTextChars;

    @ConfigProperty(name = "quotewire.extraction.max-weight")
    long maxWeight;

    @ConfigProperty(name = "quotewire.extraction.max-inflight-chars")
    int maxInflightChars;

    @ConfigProperty(name = "quotewire.extraction.admission-timeout")
    Duration admissionTimeout;

    private Semaphore budget;

    @PostConstruct
    void init() {
        budget = new Semaphore(maxInflightChars, true);
    }

    public Extraction extract(String text, String title) {
        if (text.length() > maxTextChars) {
            throw new ProblemException(413, "Text too long",
                    "The text has " + text.length() + " characters; the limit is " + maxTextChars + ".");
        }
        long weight = weight(text);
        if (weight > maxWeight) {
            throw new ProblemException(413, "Text too complex", "The text has " + text.length() + " characters and "
                    + (weight - text.length()) / QUOTE_MARK_WEIGHT + " double quote marks; with each mark weighing "
                    + QUOTE_MARK_WEIGHT + " more characters it weighs " + weight + ", over the limit of " + maxWeight
                    + ".");
        }
        int share = (int) Math.max(1, Math.min(weight, maxInflightChars));
        boolean admitted;
        try {
            admitted = budget.tryAcquire(share, admissionTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw ProblemException.busy("Other extractions are using the memory budget ("
                    + maxInflightChars + " characters at once); retry later.", 1 + admissionTimeout.toSeconds());
        }
        try {
            return ExtractionMapper.toApi(extractor.extract(text, title));
        } finally {
            budget.release(share);
        }
    }

    /**
     * Extra weight of one double quote mark. Every quote becomes objects (span, attribution, answer record and
     * its JSON) worth about ten characters of ordinary news text in heap (measured: ~230 bytes per mark against
     * ~20 per character), so a text that is mostly quote marks is weighed as the memory it will take.
     */
    static final int QUOTE_MARK_WEIGHT = 10;

    /** Characters plus {@link #QUOTE_MARK_WEIGHT} per double quote mark (straight, curly, guillemets). */
    static long weight(String text) {
        long marks = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\u201c' || c == '\u201d' || c == '\u201e' || c == '\u00ab' || c == '\u00bb') {
                marks++;
            }
        }
        return text.length() + QUOTE_MARK_WEIGHT * marks;
    }

    /** The memory budget (characters), for tests that fill it. */
    Semaphore budget() {
        return budget;
    }
}
