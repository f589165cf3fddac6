package io.quotewire.query;

import io.quotewire.query.api.model.Entity;
import io.quotewire.query.api.model.EntityType;
import io.quotewire.query.api.model.Extraction;
import io.quotewire.query.api.model.Quote;
import io.quotewire.query.api.model.QuoteType;
import io.quotewire.query.api.model.Span;
import io.quotewire.query.api.model.Speaker;
import io.quotewire.query.api.model.SpeakerResolution;

import java.util.ArrayList;

/**
 * extraction-core's answer mapped to the index contract's model, the way extraction-service maps it: for tests that
 * index real extractions (the seeds, generated corpora) without the other services.
 */
public final class ExtractionMapping {

    private ExtractionMapping() {
    }

    public static Extraction of(io.quotewire.extraction.Extraction x, String extractorVersion) {
        return new Extraction().extractorVersion(extractorVersion)
                .entities(new ArrayList<>(x.entities().stream().map(ExtractionMapping::entity).toList()))
                .quotes(new ArrayList<>(x.quotes().stream().map(ExtractionMapping::quote).toList()));
    }

    private static Entity entity(io.quotewire.extraction.Entity e) {
        return new Entity().id(e.id()).name(e.name()).type(EntityType.fromValue(e.type().name()))
                .aliases(new ArrayList<>(e.aliases())).titles(new ArrayList<>(e.titles()))
                .mentions(new ArrayList<>(e.mentions().stream().map(ExtractionMapping::span).toList()));
    }

    private static Quote quote(io.quotewire.extraction.Quote q) {
        return new Quote().text(q.text()).type(QuoteType.fromValue(q.type().name())).start(q.start()).end(q.end())
                .parts(new ArrayList<>(q.parts().stream().map(ExtractionMapping::span).toList()))
                .speaker(speaker(q.speaker())).cue(span(q.cue())).sentence(span(q.sentence()))
                .confidence(q.confidence());
    }

    private static Speaker speaker(io.quotewire.extraction.Speaker s) {
        if (s == null) {
            return null;
        }
        return new Speaker().name(s.name()).entityId(s.entityId())
                .type(s.type() == null ? null : EntityType.fromValue(s.type().name()))
                .mention(span(s.mention()))
                .resolution(s.resolution() == null ? null : SpeakerResolution.fromValue(s.resolution().name()));
    }

    private static Span span(io.quotewire.extraction.Span s) {
        return s == null ? null : new Span().text(s.text()).start(s.start()).end(s.end());
    }
}
