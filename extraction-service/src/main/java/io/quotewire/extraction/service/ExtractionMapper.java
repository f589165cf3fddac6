package io.quotewire.extraction.service;

import io.quotewire.extraction.Entity;
import io.quotewire.extraction.Quote;
import io.quotewire.extraction.Speaker;
import io.quotewire.extraction.Span;
import io.quotewire.extraction.api.model.EntityType;
import io.quotewire.extraction.api.model.Extraction;
import io.quotewire.extraction.api.model.QuoteType;
import io.quotewire.extraction.api.model.SpeakerResolution;

/** Maps the core's records to the contract's generated model classes. */
final class ExtractionMapper {

    static final String VERSION = "quotewire-rules-1";

    private ExtractionMapper() {
    }

    static Extraction toApi(io.quotewire.extraction.Extraction core) {
        Extraction out = new Extraction();
        out.setQuotes(core.quotes().stream().map(ExtractionMapper::quote).toList());
        out.setEntities(core.entities().stream().map(ExtractionMapper::entity).toList());
        out.setExtractorVersion(VERSION);
        return out;
    }

    private static io.quotewire.extraction.api.model.Quote quote(Quote q) {
        return new io.quotewire.extraction.api.model.Quote()
                .text(q.text())
                .type(QuoteType.fromValue(q.type().name()))
                .start(q.start())
                .end(q.end())
                .parts(q.parts().stream().map(ExtractionMapper::span).toList())
                .speaker(speaker(q.speaker()))
                .cue(span(q.cue()))
                .sentence(span(q.sentence()))
                .confidence(q.confidence());
    }

    private static io.quotewire.extraction.api.model.Speaker speaker(Speaker s) {
        if (s == null) {
            return null;
        }
        return new io.quotewire.extraction.api.model.Speaker()
                .name(s.name())
                .entityId(s.entityId())
                .type(s.type() == null ? null : EntityType.fromValue(s.type().name()))
                .mention(span(s.mention()))
                .resolution(s.resolution() == null ? null : SpeakerResolution.fromValue(s.resolution().name()));
    }

    private static io.quotewire.extraction.api.model.Entity entity(Entity e) {
        return new io.quotewire.extraction.api.model.Entity()
                .id(e.id())
                .name(e.name())
                .type(EntityType.fromValue(e.type().name()))
                .aliases(e.aliases())
                .titles(e.titles())
                .mentions(e.mentions().stream().map(ExtractionMapper::span).toList());
    }

    private static io.quotewire.extraction.api.model.Span span(Span s) {
        return s == null ? null : new io.quotewire.extraction.api.model.Span().text(s.text()).start(s.start()).end(s.end());
    }
}
