package io.quotewire.query.index;

import io.quotewire.query.names.Names;

import io.quotewire.web.ProblemException;

import io.quotewire.query.api.model.Entity;
import io.quotewire.query.api.model.Extraction;
import io.quotewire.query.api.model.IndexedDocument;
import io.quotewire.query.api.model.Quote;
import io.quotewire.query.api.model.Span;
import io.quotewire.query.api.model.Speaker;
import io.quotewire.query.api.model.SpeakerResolution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a pushed document before anything is written: required fields present, every offset
 * inside the text, every speaker entity id among the document's entities, an UNNAMED speaker
 * without one, and a quote's parts (when given) each equal to the text at its offsets, in order,
 * not overlapping, from the quote's start to its end, with the quote's text their words joined by
 * a space. All problems found are reported together (up to {@link #MAX_REPORTED}) in one 400.
 */
final class IndexValidator {

    static final int MAX_REPORTED = 10;

    private final List<String> problems = new ArrayList<>();
    private int textLength;
    private String text;

    static void validate(IndexedDocument doc) {
        IndexValidator v = new IndexValidator();
        v.check(doc);
        if (!v.problems.isEmpty()) {
            List<String> shown = v.problems.subList(0, Math.min(MAX_REPORTED, v.problems.size()));
            String more = v.problems.size() > shown.size()
                    ? " (and " + (v.problems.size() - shown.size()) + " more)" : "";
            throw ProblemException.badRequest("invalid document: " + String.join("; ", shown) + more);
        }
    }

    private void check(IndexedDocument doc) {
        if (doc == null) {
            problems.add("a JSON IndexedDocument body is required");
            return;
        }
        if (doc.getText() == null || doc.getText().isBlank()) {
            problems.add("text is required and must not be blank");
            return;
        }
        text = doc.getText();
        textLength = text.length();
        Extraction extraction = doc.getExtraction();
        if (extraction == null) {
            problems.add("extraction is required");
            return;
        }
        Set<String> entityIds = new HashSet<>();
        if (extraction.getEntities() == null) {
            problems.add("extraction.entities is required");
        } else {
            for (int i = 0; i < extraction.getEntities().size(); i++) {
                checkEntity("extraction.entities[" + i + "]", extraction.getEntities().get(i), entityIds);
            }
        }
        if (extraction.getQuotes() == null) {
            problems.add("extraction.quotes is required");
        } else {
            for (int i = 0; i < extraction.getQuotes().size(); i++) {
                checkQuote("extraction.quotes[" + i + "]", extraction.getQuotes().get(i), entityIds,
                        extraction.getEntities() != null);
            }
        }
    }

    private void checkEntity(String where, Entity e, Set<String> ids) {
        if (e == null) {
            problems.add(where + " is null");
            return;
        }
        if (e.getId() == null || e.getId().isBlank()) {
            problems.add(where + ".id is required");
        } else if (!ids.add(e.getId())) {
            problems.add(where + ".id " + e.getId() + " is used twice");
        }
        if (e.getName() == null || Names.key(e.getName()).isEmpty()) {
            problems.add(where + ".name must contain a letter or digit");
        }
        if (e.getType() == null) {
            problems.add(where + ".type is required");
        }
        if (e.getAliases() == null) {
            problems.add(where + ".aliases is required");
        } else if (e.getAliases().contains(null)) {
            problems.add(where + ".aliases contains null");
        }
        if (e.getTitles() != null && e.getTitles().contains(null)) {
            problems.add(where + ".titles contains null");
        }
        if (e.getMentions() == null) {
            problems.add(where + ".mentions is required");
        } else {
            for (int i = 0; i < e.getMentions().size(); i++) {
                checkSpan(where + ".mentions[" + i + "]", e.getMentions().get(i), true);
            }
        }
    }

    private void checkQuote(String where, Quote q, Set<String> entityIds, boolean entitiesKnown) {
        if (q == null) {
            problems.add(where + " is null");
            return;
        }
        if (q.getText() == null) {
            problems.add(where + ".text is required");
        }
        if (q.getType() == null) {
            problems.add(where + ".type is required");
        }
        checkRange(where, q.getStart(), q.getEnd());
        checkParts(where, q);
        checkSpan(where + ".cue", q.getCue(), false);
        checkSpan(where + ".sentence", q.getSentence(), false);
        Speaker speaker = q.getSpeaker();
        if (speaker != null) {
            if (speaker.getName() == null || Names.key(speaker.getName()).isEmpty()) {
                problems.add(where + ".speaker.name must contain a letter or digit");
            }
            if (speaker.getEntityId() != null && entitiesKnown && !entityIds.contains(speaker.getEntityId())) {
                problems.add(where + ".speaker.entityId " + speaker.getEntityId() + " is not among extraction.entities");
            }
            if (speaker.getResolution() == SpeakerResolution.UNNAMED && speaker.getEntityId() != null) {
                problems.add(where + ".speaker is UNNAMED (a source described, not named) but has entityId "
                        + speaker.getEntityId());
            }
            checkSpan(where + ".speaker.mention", speaker.getMention(), false);
        }
    }

    /** The parts, when given: see the class comment. Absent or empty: one part, the quote's own offsets. */
    private void checkParts(String where, Quote q) {
        List<Span> parts = q.getParts();
        if (parts == null || parts.isEmpty()) {
            return;
        }
        List<String> words = new ArrayList<>();
        int previousEnd = -1;
        for (int i = 0; i < parts.size(); i++) {
            String at = where + ".parts[" + i + "]";
            Span part = parts.get(i);
            if (part == null) {
                problems.add(at + " is null");
                return;
            }
            int before = problems.size();
            checkRange(at, part.getStart(), part.getEnd());
            if (part.getText() == null) {
                problems.add(at + ".text is required");
            }
            if (problems.size() > before) {
                return;
            }
            if (!text.regionMatches(part.getStart(), part.getText(), 0, part.getText().length())
                    || part.getText().length() != part.getEnd() - part.getStart()) {
                problems.add(at + ".text is not the document text at [" + part.getStart() + ", " + part.getEnd() + ")");
            }
            if (part.getStart() < previousEnd) {
                problems.add(at + " [" + part.getStart() + ", " + part.getEnd()
                        + ") overlaps or comes before the part before it (parts are in text order, apart)");
            }
            previousEnd = part.getEnd();
            words.add(part.getText());
        }
        if (q.getStart() != null && !q.getStart().equals(parts.get(0).getStart())) {
            problems.add(where + ".start " + q.getStart() + " is not the first part's start " + parts.get(0).getStart());
        }
        if (q.getEnd() != null && !q.getEnd().equals(parts.get(parts.size() - 1).getEnd())) {
            problems.add(where + ".end " + q.getEnd() + " is not the last part's end " + parts.get(parts.size() - 1).getEnd());
        }
        if (q.getText() != null && !q.getText().equals(String.join(" ", words))) {
            problems.add(where + ".text is not its parts' words joined by a space");
        }
    }

    private void checkSpan(String where, Span span, boolean required) {
        if (span == null) {
            if (required) {
                problems.add(where + " is null");
            }
            return;
        }
        checkRange(where, span.getStart(), span.getEnd());
    }

    private void checkRange(String where, Integer start, Integer end) {
        if (start == null || end == null) {
            problems.add(where + ": start and end are required");
        } else if (start < 0 || end < start || end > textLength) {
            problems.add(where + ": offsets [" + start + ", " + end + ") are outside the text (length "
                    + textLength + ")");
        }
    }
}
