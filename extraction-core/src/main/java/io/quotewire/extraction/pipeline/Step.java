package io.quotewire.extraction.pipeline;

/**
 * One step of the extraction pipeline. Each implementation documents what it READS from the
 * {@link Document} and what it ADDS. Steps are stateless apart from read-only resources, so one
 * instance can serve many threads.
 */
public interface Step {
    void process(Document doc);
}
