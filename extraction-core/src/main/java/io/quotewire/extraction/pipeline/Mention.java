package io.quotewire.extraction.pipeline;

import io.quotewire.extraction.EntityType;

import java.util.ArrayList;
import java.util.List;

/**
 * Words in the text that refer to a person, organization or place: a name ("Vladimir Putin"), a pronoun
 * ("he") or a description ("the Ukrainian president").
 */
public final class Mention {
    public enum Kind { NAME, PRONOUN, DESCRIPTION }

    public final Kind kind;
    /** Token range of the name itself. */
    public final int firstToken;
    public final int endToken;
    /** First token of the whole phrase including titles and modifiers ("Russian President Vladimir Putin"). */
    public int phraseStart;
    public final int start;
    public final int end;
    public final String text;
    public EntityType type;
    /** Titles and roles written with this mention ("President", "Defense Secretary"). */
    public final List<String> titles = new ArrayList<>();
    /** Country this mention is tied to by a demonym or possessive ("Russian President ..."), or null. */
    public String nationality;
    /** Canonical name from a gazetteer, or null. */
    public String canonical;
    /** 'm', 'f' or 'u' (persons). */
    public char gender = 'u';
    /** True when the name was seen as the subject of a speech verb, or with a title (evidence it is a person). */
    public boolean strong;
    /**
     * The mention ends with a possessive 's, or modifies the noun after it like one ("a Fox interview"): either
     * way it is not the head of a subject.
     */
    public boolean possessive;
    /** Entity this mention belongs to (set by EntityLinker or CorefResolver). */
    public EntityRecord entity;

    public Mention(Kind kind, int firstToken, int endToken, int start, int end, String text) {
        this.kind = kind;
        this.firstToken = firstToken;
        this.endToken = endToken;
        this.phraseStart = firstToken;
        this.start = start;
        this.end = end;
        this.text = text;
    }

    public int tokenCount() {
        return endToken - firstToken;
    }

    @Override
    public String toString() {
        return kind + ":" + text + (type == null ? "" : "/" + type);
    }
}
