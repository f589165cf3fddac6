package io.quotewire.extraction.quotes;

import io.quotewire.extraction.EntityType;
import io.quotewire.extraction.entities.QuoteCueWords;
import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.EntityRecord;
import io.quotewire.extraction.pipeline.Mention;
import io.quotewire.extraction.pipeline.Sentence;
import io.quotewire.extraction.pipeline.Token;

import java.util.List;

/**
 * Reading speech cues around a position: who is the subject of a speech verb, what names follow it.
 * Shared by {@link QuoteAttributor} and {@link IndirectSpeechFinder}. Every scan is bounded.
 */
final class Cues {
    private static final int APPOSITION_MAX = 18;
    /** How far into a sentence its subject is looked for. */
    private static final int MAX_SUBJECT_DISTANCE = 80;

    private final Lexicon lexicon;
    /** Words after which a verb-like word is a noun (determiners.txt). */
    private final java.util.Set<String> determiners = Lexicon.wordSet("determiners.txt");
    /** Plural subjects not ending in -s (plural-subjects.txt): "they say", "police say". */
    private final java.util.Set<String> pluralSubjects = Lexicon.wordSet("plural-subjects.txt");

    /** Layers the cue readers read; a step that uses Cues requires them too. */
    static final java.util.Set<io.quotewire.extraction.pipeline.Step.Layer> REQUIRES = java.util.Set.of(
            io.quotewire.extraction.pipeline.Step.Layer.TEXT,
            io.quotewire.extraction.pipeline.Step.Layer.TOKENS,
            io.quotewire.extraction.pipeline.Step.Layer.QUOTE_SPANS,
            io.quotewire.extraction.pipeline.Step.Layer.NAME_MENTIONS,
            io.quotewire.extraction.pipeline.Step.Layer.ENTITIES,
            io.quotewire.extraction.pipeline.Step.Layer.COREF_MENTIONS);

    /**
     * Layers the cue readers change; a step that uses Cues assigns them too: {@link #promote} (from
     * {@link #subjectOf} and {@link #sentenceSubject}) types an untyped name that is the subject of a speech
     * verb as a PERSON mention and adds its new entity to {@code doc.entities}.
     */
    static final java.util.Set<io.quotewire.extraction.pipeline.Step.Layer> ASSIGNS = java.util.Set.of(
            io.quotewire.extraction.pipeline.Step.Layer.NAME_MENTIONS,
            io.quotewire.extraction.pipeline.Step.Layer.ENTITIES);

    Cues(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * After a phrasal cue's particle ("shot back", "went on"): punctuation, a quotation, the end, or a preposition
     * other than "to" ("shot back at critics"); a word that goes on the phrase ("went on recess") makes it no cue.
     */
    private static boolean particleEndsClause(Document doc, int j) {
        if (j >= doc.tokens.size()) {
            return true;
        }
        Token t = doc.tokens.get(j);
        return !t.isWord() || t.quote >= 0 || t.quoteMark
                || QuoteCueWords.isPreposition(t.lower) && !t.is("to") && !t.is("and") && !t.is("or")
                || QuoteCueWords.isAdverb(t.lower) || t.lower.endsWith("ly") && t.lower.length() > 4;
    }

    /**
     * The speech verb at token i, unless the word is a noun there: after a determiner or a possessive ("the
     * claims", "Trump's comments", "his remarks") it is not a verb.
     */
    Lexicon.Verb verbAt(Document doc, int i) {
        Lexicon.Verb v = verb(doc.tokens.get(i));
        if (v == null && i + 1 < doc.tokens.size() && doc.tokens.get(i).quote < 0) {
            v = lexicon.phrasalCue(doc.tokens.get(i).lower, doc.tokens.get(i + 1).lower); // "shot back"
            if (v != null && !particleEndsClause(doc, i + 2)) {
                v = null; // "went on recess", "went on to say": the particle begins a phrase, no cue
            }
        }
        if (i == 0) {
            return v;
        }
        Token prev = doc.tokens.get(i - 1);
        if (v == null) {
            Lexicon.Verb base = baseVerb(doc.tokens.get(i));
            if (base == null) {
                return null;
            }
            if (afterModal(doc, i)) {
                return base.asFinite(); // "could only quip", "would later write": a modal makes it a finite cue
            }
            // the present tense of a plural subject is the base form: "Police say", "Democrats argue"
            boolean pluralSubject = pluralSubjects.contains(prev.lower)
                    || prev.lower.endsWith("s") && !prev.lower.endsWith("ss") && prev.lower.length() > 3
                    && !QuoteCueWords.isPreposition(prev.lower) && !QuoteCueWords.isAdverb(prev.lower);
            if (!pluralSubject || doc.tokens.get(i).isCapitalized()) {
                return null; // not "secretary of state", "his home state", "to say"
            }
            v = base.asFinite();
        }
        if (doc.tokens.get(i).isCapitalized() && prev.isCapitalized() && prev.sentence == doc.tokens.get(i).sentence) {
            return null; // inside a capitalised name: "the United States", "Fox News Reports"
        }
        if (prev.kind == Token.Kind.POSSESSIVE || determiners.contains(prev.lower)) {
            return null;
        }
        return v != null && v.form() == Lexicon.Verb.Form.FINITE && QuoteCueWords.pluralNounReading(doc, i) ? null : v;
    }

    /** Modals that make the base form after them finite ("could quip"); "to" never does ("to say"). */
    private static final java.util.Set<String> MODALS = java.util.Set.of("could", "would", "will", "can", "may",
            "might", "must", "should", "did", "does", "do");

    /** A modal before token i, over at most two adverbs ("could only"). */
    private static boolean afterModal(Document doc, int i) {
        for (int j = i - 1, c = 0; j >= 0 && c < 3; j--, c++) {
            Token t = doc.tokens.get(j);
            if (MODALS.contains(t.lower)) {
                return t.sentence == doc.tokens.get(i).sentence;
            }
            if (!QuoteCueWords.isAdverb(t.lower) || t.lower.equals("to")) {
                return false;
            }
        }
        return false;
    }

    /** The token as the base form of a (strong) speech verb ("say", "add"), or null. */
    Lexicon.Verb baseVerb(Token t) {
        if (t.kind != Token.Kind.WORD || t.quote >= 0) {
            return null;
        }
        Lexicon.Verb v = lexicon.verb(t.lower);
        return v != null && v.form() == Lexicon.Verb.Form.BASE && !v.quoteOnly() ? v : null;
    }

    Lexicon.Verb verb(Token t) {
        if (t.kind != Token.Kind.WORD || t.quote >= 0) {
            return null;
        }
        Lexicon.Verb v = lexicon.cueVerb(t.lower);
        return v == null || v.form() == Lexicon.Verb.Form.BASE ? null : v;
    }

    /** A mention that can speak: a name, a resolved pronoun or description. */
    static boolean canSpeak(Mention m) {
        if (m == null) {
            return false;
        }
        if (m.kind == Mention.Kind.NAME) {
            return m.entity != null || m.type == EntityType.PERSON;
        }
        return true;
    }

    /** The speaker named right at token x ("Steve Rosenberg", "the Kremlin", "he"), or null. */
    Mention mentionAt(Document doc, int x, int end) {
        if (x >= end) {
            return null;
        }
        Mention m = doc.mentionStartingAt(x);
        if (m == null && doc.tokens.get(x).is("the") && x + 1 < end) {
            m = doc.mentionStartingAt(x + 1);
        }
        if (m == null && (doc.tokens.get(x).is("he") || doc.tokens.get(x).is("she"))) {
            m = doc.mentionEndingAt(x);
        }
        if (m == null && (doc.tokens.get(x).is("a") || doc.tokens.get(x).is("an"))) {
            m = organizationSpokesperson(doc, x + 1, end);
        }
        return canSpeak(m) ? m : null;
    }

    /**
     * "a White House spokesperson" / "a spokesperson for the Pentagon": the organization speaks. Returns a
     * mention ending where the description ends (so a verb can follow), typed as the organization.
     */
    private Mention organizationSpokesperson(Document doc, int x, int end) {
        List<Token> tk = doc.tokens;
        Mention org = doc.mentionStartingAt(x);
        if (org != null && org.type == EntityType.ORGANIZATION && org.entity != null && org.endToken < end
                && isSpokesWord(tk.get(org.endToken).lower)) {
            return withEnd(doc, org, x, org.endToken + 1);
        }
        if (x < end && isSpokesWord(tk.get(x).lower) && x + 2 < end
                && (tk.get(x + 1).is("for") || tk.get(x + 1).is("at") || tk.get(x + 1).is("with")
                || tk.get(x + 1).is("from") || tk.get(x + 1).is("by"))) {
            int y = tk.get(x + 2).is("the") ? x + 3 : x + 2;
            org = doc.mentionStartingAt(y);
            if (org != null && org.type == EntityType.ORGANIZATION && org.entity != null) {
                return withEnd(doc, org, x, org.endToken);
            }
            // "according to a statement from Sen. Jane Roe": a written statement speaks for its author
            if (org != null && STATEMENT_WORDS.contains(tk.get(x).lower) && org.type == EntityType.PERSON
                    && org.entity != null) {
                Mention m = withEnd(doc, org, x, org.endToken);
                m.type = EntityType.PERSON;
                return m;
            }
        }
        return null;
    }

    /** Written statements that speak for their author (statement-words.txt). */
    static final java.util.Set<String> STATEMENT_WORDS = Lexicon.wordSet("statement-words.txt");
    /** People who speak for an organization (spokesperson-words.txt). */
    private static final java.util.Set<String> SPOKES_WORDS = Lexicon.wordSet("spokesperson-words.txt");

    private static boolean isSpokesWord(String lower) {
        return SPOKES_WORDS.contains(lower) || STATEMENT_WORDS.contains(lower);
    }

    private static Mention withEnd(Document doc, Mention org, int from, int to) {
        Mention m = new Mention(Mention.Kind.DESCRIPTION, from, to, doc.tokens.get(from).start,
                doc.tokens.get(to - 1).end, doc.text.substring(doc.tokens.get(from).start, doc.tokens.get(to - 1).end));
        m.type = EntityType.ORGANIZATION;
        m.entity = org.entity;
        return m;
    }

    /** Speaker mention after a cue position: "X said", "X, a senior fellow at Y, said", "said X". {mentionIndex... } */
    Found speakerThenVerb(Document doc, int x, int end) {
        List<Token> tk = doc.tokens;
        Mention m = mentionAt(doc, x, end);
        // "Trump campaign spokeswoman Karoline Leavitt said": lower-case words before a titled name
        for (int y = x; m == null && y < end && y - x < 3 && tk.get(y).kind == Token.Kind.WORD
                && Character.isLowerCase(tk.get(y).text.charAt(0)) && verbAt(doc, y) == null; y++) {
            Mention n = doc.mentionStartingAt(y + 1);
            if (n != null && !n.titles.isEmpty()) {
                m = n;
            }
        }
        if (m != null && m.possessive) {
            // "the Post's senior politics editor Steven Ginsberg responded": the person the possessive qualifies
            Mention owned = null;
            for (int y = m.endToken; y < end && y - m.endToken < 6 && owned == null; y++) {
                Token t = tk.get(y);
                Mention n = doc.mentionStartingAt(y);
                if (n != null && n.type == EntityType.PERSON && n.entity != null && !n.possessive) {
                    owned = n;
                } else if (!(t.kind == Token.Kind.POSSESSIVE || t.kind == Token.Kind.WORD
                        && Character.isLowerCase(t.text.charAt(0)) && verbAt(doc, y) == null)) {
                    break;
                }
            }
            m = owned;
        }
        if (m != null && !m.possessive) {
            int y = m.endToken;
            // "Sen. Josh Hawley (R-Mo.) told reporters"
            if (y < end && tk.get(y).is("(")) {
                int z = y + 1;
                while (z < end && z - y < APPOSITION_MAX && !tk.get(z).is(")")) {
                    z++;
                }
                if (z < end) {
                    y = z + 1;
                }
            }
            // "Gov. Gavin Newsom of California said"
            if (y + 1 < end && (tk.get(y).is("of") || tk.get(y).is("from")) && doc.mentionStartingAt(y + 1) != null) {
                y = doc.mentionStartingAt(y + 1).endToken;
            }
            // ", a senior fellow at Y," / ", R-Ohio, chairman of the House Judiciary Committee,": up to three
            // comma-closed appositions
            Mention appositive = null;
            for (int seg = 0; seg < 3 && y < end && tk.get(y).is(","); seg++) {
                Mention n = doc.mentionStartingAt(y + 1);
                if (seg == 0 && n != null && n.kind == Mention.Kind.NAME && n.type == EntityType.PERSON
                        && n.entity != null) {
                    appositive = n; // "the spokeswoman, Anna Kelly, said"
                }
                int z = y + 1;
                while (z < end && z - y < APPOSITION_MAX && !tk.get(z).is(",") && !tk.get(z).quoteMark) {
                    z++;
                }
                if (z >= end || !tk.get(z).is(",")) {
                    break;
                }
                if (z + 1 < end && verbAt(doc, z + 1) != null) {
                    y = z + 1; // the apposition closes before the verb
                    break;
                }
                y = z; // this comma also opens the next apposition
            }
            for (int c = 0; c < 4 && y < end; c++, y++) {
                Lexicon.Verb v = verbAt(doc, y);
                if (v != null && v.form() == Lexicon.Verb.Form.FINITE) {
                    boolean unnamed = m.kind != Mention.Kind.NAME && (m.entity == null
                            || m.entity.type == EntityType.ORGANIZATION);
                    return new Found(unnamed && appositive != null ? appositive : m, y);
                }
                if (!QuoteCueWords.isAdverb(tk.get(y).lower)) {
                    break;
                }
            }
        }
        return null;
    }

    /**
     * Right after a quotation broken off for its attribution, a past-tense word the lexicon does not know, next to
     * a person's name, is the cue: {@code "…!" beamed Donald Hartley}, {@code "…," Hartley chuckled}. The position
     * is what makes it a cue (a verb of manner: beamed, gushed, smirked), so the name must be a known person.
     */
    Found mannerCue(Document doc, int x, int end) {
        List<Token> tk = doc.tokens;
        if (x >= end) {
            return null;
        }
        if (isUnknownPast(tk.get(x))) {
            Mention m = mentionAt(doc, x + 1, end);
            if (isPersonName(m)) {
                return new Found(m, x);
            }
            return null;
        }
        Mention m = mentionAt(doc, x, end);
        if (isPersonName(m) && m.endToken < end && isUnknownPast(tk.get(m.endToken))) {
            return new Found(m, m.endToken);
        }
        return null;
    }

    private static boolean isPersonName(Mention m) {
        return m != null && m.kind == Mention.Kind.NAME && m.entity != null && m.entity.type == EntityType.PERSON
                && !m.possessive;
    }

    private boolean isUnknownPast(Token t) {
        return t.kind == Token.Kind.WORD && t.quote < 0 && t.lower.length() > 4 && t.lower.endsWith("ed")
                && Character.isLowerCase(t.text.charAt(0)) && lexicon.verb(t.lower) == null;
    }

    /** "said X" / "according to X" at x. */
    Found verbThenSpeaker(Document doc, int x, int end) {
        List<Token> tk = doc.tokens;
        if (x >= end) {
            return null;
        }
        Lexicon.Verb v = verbAt(doc, x);
        if (v != null && v.form() == Lexicon.Verb.Form.FINITE) {
            Mention m = mentionAt(doc, x + 1, end);
            if (m != null && !startsClause(doc, m, end)) {
                return new Found(m, x);
            }
        }
        if (tk.get(x).is("according") && x + 1 < end && tk.get(x + 1).is("to")) {
            Mention m = mentionAt(doc, x + 2, end);
            if (m != null) {
                return new Found(m, x);
            }
        }
        return null;
    }

    /**
     * {@link #subjectOf}, but not a name inside a prepositional phrase before the verb ("a source speaking to Fox
     * News said", "an aide to Sen. Roe said"): there the speaker is the phrase around it, read by the caller.
     */
    Mention speakingSubjectOf(Document doc, Sentence s, int v) {
        Mention m = subjectOf(doc, s, v);
        return m != null && m.kind == Mention.Kind.NAME && m.endToken <= v && afterPreposition(doc, s, m) ? null : m;
    }

    /**
     * Steps back from token j over at most max adverbs ("Trump also said", "officials have long said"), never to
     * floor or before it; returns the first token that is not one of them (or floor + 1).
     */
    static int beforeAdverbs(List<Token> tk, int j, int floor, int max) {
        for (int c = 0; c < max && j > floor && QuoteCueWords.isAdverb(tk.get(j).lower); c++) {
            j--;
        }
        return j;
    }

    /** Subject of the finite verb at v: "Trump said", "Zelensky, for his part, says", "X and said". */
    Mention subjectOf(Document doc, Sentence s, int v) {
        List<Token> tk = doc.tokens;
        int j = beforeAdverbs(tk, v - 1, s.firstToken - 1, 4);
        if (j < s.firstToken) {
            return null;
        }
        Mention m = doc.mentionEndingAt(j);
        if (canSpeak(m)) {
            return ownerOf(doc, s, m);
        }
        Token t = tk.get(j);
        if (t.is("\u2014") || t.is("\u2013") || t.is(")")) {
            // "Trump — who spoke by phone — said", "Rep. Jane Roe (D-N.Y.) said"
            String open = t.is(")") ? "(" : t.text;
            for (int k = j - 1; k > s.firstToken && j - k < APPOSITION_MAX * 2; k--) {
                if (tk.get(k).is(open)) {
                    m = doc.mentionEndingAt(k - 1);
                    if (m != null && m.kind == Mention.Kind.NAME && m.entity == null && m.type == null) {
                        promote(doc, m); // the subject of a speech verb is a person
                    }
                    return canSpeak(m) ? ownerOf(doc, s, m) : null;
                }
            }
            return null;
        }
        if (t.is(",")) {
            Mention appositive = doc.mentionEndingAt(j - 1);
            if (canSpeak(appositive) && appositive.kind == Mention.Kind.NAME && appositive.type == EntityType.PERSON
                    && appositive.phraseStart > s.firstToken && tk.get(appositive.phraseStart - 1).is(",")) {
                return appositive;
            }
            // "Maria Lopez, 34, a nurse from Phoenix, said": up to three comma-separated segments back
            int k = j;
            for (int seg = 0; seg < 3; seg++) {
                k--;
                while (k >= s.firstToken && j - k < APPOSITION_MAX * 2 && !tk.get(k).is(",") && !tk.get(k).quoteMark) {
                    k--;
                }
                if (k <= s.firstToken || !tk.get(k).is(",")) {
                    break;
                }
                m = doc.mentionEndingAt(k - 1);
                if (canSpeak(m)) {
                    m = ownerOf(doc, s, m);
                    if (m.type == EntityType.PERSON || m.type == EntityType.ORGANIZATION) {
                        return m;
                    }
                }
            }
            return null;
        }
        if (t.is("and") || t.is("but")) {
            Mention own = coordinatedSubject(doc, s, j);
            return own != null ? own : sentenceSubject(doc, s, j);
        }
        if (t.is("who") && j - 1 >= s.firstToken) {
            Token before = tk.get(j - 1);
            int k = before.is(",") || isDash(before) ? j - 2 : j - 1; // "Trump - who previously said … - said"
            m = doc.mentionEndingAt(k);
            if (!canSpeak(m) && before.is(",")) {
                // "said Scott Reed, the chamber's chief strategist, who added": the name before the apposition
                for (int c = k; c > s.firstToken && k - c < APPOSITION_MAX; c--) {
                    Token x = tk.get(c);
                    if (x.quote >= 0 || x.quoteMark) {
                        break;
                    }
                    if (x.is(",")) {
                        Mention a = doc.mentionEndingAt(c - 1);
                        m = a != null && a.kind == Mention.Kind.NAME && a.type == EntityType.PERSON ? a : null;
                        break;
                    }
                }
            }
            return canSpeak(m) ? relativePronoun(doc, j, m) : null;
        }
        // "Beck, who has in the past described": "who" and an auxiliary, then a short adverbial before the verb
        for (int w = j - 1; w > s.firstToken && v - w <= 6; w--) {
            Token x = tk.get(w);
            if (x.quote >= 0 || x.quoteMark || !x.isWord() || Character.isUpperCase(x.text.charAt(0))) {
                break;
            }
            if (x.is("who") && w + 1 < v && AUXILIARIES.contains(tk.get(w + 1).lower)) {
                int k = tk.get(w - 1).is(",") ? w - 2 : w - 1;
                m = k >= s.firstToken ? doc.mentionEndingAt(k) : null;
                return canSpeak(m) ? relativePronoun(doc, w, m) : null;
            }
        }
        return null;
    }

    /**
     * Auxiliary verbs (auxiliaries.txt): they follow "who" before a speech verb ("who has long said") and a sentence's
     * subject phrase ({@link SpeakerPhrases#sentenceOpening}).
     */
    static final java.util.Set<String> AUXILIARIES = Lexicon.wordSet("auxiliaries.txt");

    /**
     * The subject of the clause that "and said" goes on from, when that clause opens after a subordinator or a comma
     * ({@code … when he brought it up and later said}, {@code Asked about it, she laughed and said}): the person or
     * pronoun right after the boundary, followed by its verb. Null when the clause is the sentence's own or no such
     * subject opens it.
     */
    private static Mention coordinatedSubject(Document doc, Sentence s, int and) {
        List<Token> tk = doc.tokens;
        for (int c = and - 1; c > s.firstToken && and - c <= MAX_SUBJECT_DISTANCE / 2; c--) {
            Token t = tk.get(c);
            if (t.quote >= 0 || t.quoteMark) {
                return null;
            }
            if (!t.is(",") && !SUBORDINATORS.contains(t.lower)) {
                continue;
            }
            Mention m = doc.mentionStartingAt(c + 1);
            if (m == null || m.possessive || m.endToken >= and || !canSpeak(m) || m.entity == null
                    || m.type != EntityType.PERSON && m.type != EntityType.ORGANIZATION) {
                return null;
            }
            Token next = tk.get(m.endToken);
            boolean verb = next.isWord() && Character.isLowerCase(next.text.charAt(0)) && !next.is("and")
                    && !next.is("or") && !QuoteCueWords.isPreposition(next.lower);
            return verb ? m : null;
        }
        return null;
    }

    /** A dash that sets off an inserted clause: "-", "–", "—". */
    private static boolean isDash(Token t) {
        return t.is("-") || t.is("\u2013") || t.is("\u2014");
    }

    /** "Obama, who called it …": the cue attaches to "who", which refers to the name before it. */
    private static Mention relativePronoun(Document doc, int who, Mention antecedent) {
        Token t = doc.tokens.get(who);
        Mention m = new Mention(Mention.Kind.PRONOUN, who, who + 1, t.start, t.end, t.text);
        m.type = antecedent.type;
        m.entity = antecedent.entity;
        return antecedent.entity == null ? antecedent : m;
    }

    private static boolean afterPreposition(Document doc, Sentence s, Mention m) {
        int p = m.phraseStart - 1;
        if (p >= s.firstToken && doc.tokens.get(p).is("the")) {
            p--;
        }
        if (p < s.firstToken) {
            return false;
        }
        String w = doc.tokens.get(p).lower;
        return QuoteCueWords.isPreposition(w) && !w.equals("and") && !w.equals("or");
    }

    /** "Hakeem Jeffries of New York": the person, not the place. */
    private static Mention ownerOf(Document doc, Sentence s, Mention m) {
        List<Token> tk = doc.tokens;
        int p = m.phraseStart - 1;
        if (m.type != EntityType.PERSON && p - 1 >= s.firstToken
                && (tk.get(p).is("of") || tk.get(p).is("from") || tk.get(p).is("in") || tk.get(p).is("at"))) {
            Mention owner = doc.mentionEndingAt(p - 1);
            if (canSpeak(owner) && owner.type == EntityType.PERSON) {
                return owner;
            }
        }
        return m;
    }

    /** True when the mention is followed by a verb-like word, so it starts a clause ("said Biden was right"). */
    static boolean startsClause(Document doc, Mention m, int end) {
        if (m.endToken >= end) {
            return false;
        }
        Token t = doc.tokens.get(m.endToken);
        return t.kind == Token.Kind.WORD && CLAUSE_VERBS.contains(t.lower);
    }

    /** Words that open a clause right after a name (clause-openers.txt). */
    private static final java.util.Set<String> CLAUSE_VERBS = Lexicon.wordSet("clause-openers.txt");

    /** The first speaker-capable mention of the sentence before token limit that is not after a preposition. */
    Mention sentenceSubject(Document doc, Sentence s, int limit) {
        return sentenceSubject(doc, s, limit, true);
    }

    /** {@link #sentenceSubject(Document, Sentence, int)}; with {@code promote} false no name becomes a person. */
    Mention sentenceSubject(Document doc, Sentence s, int limit, boolean promote) {
        int main = afterOpeningAdjunct(doc, s, limit);
        if (main >= 0) {
            Mention m = clauseSubject(doc, s, main, limit, promote);
            if (m != null) {
                return m;
            }
        }
        return clauseSubject(doc, s, s.firstToken, limit, promote);
    }

    /**
     * The first token after the comma that closes a phrase opening the sentence before its subject: a
     * prepositional phrase ("In an AP interview Monday, Sanders said"), a participle ("Speaking to MSNBC's
     * Morning Joe, Bush referred to"), or a subordinate clause ("When Wallace died in 1998, Clinton released");
     * -1 when the sentence opens otherwise or no such comma comes before limit.
     */
    private static int afterOpeningAdjunct(Document doc, Sentence s, int limit) {
        List<Token> tk = doc.tokens;
        Token first = tk.get(s.firstToken);
        boolean opens = SUBORDINATORS.contains(first.lower)
                || QuoteCueWords.isPreposition(first.lower) && !first.is("and") && !first.is("or")
                || first.kind == Token.Kind.WORD && first.lower.length() > 5 && first.quote < 0
                    && (first.lower.endsWith("ing") || first.lower.endsWith("ed")) && doc.mentionStartingAt(s.firstToken) == null;
        if (!opens) {
            return -1;
        }
        for (int i = s.firstToken + 2; i < limit && i - s.firstToken < MAX_SUBJECT_DISTANCE; i++) {
            if (tk.get(i).quote >= 0 || tk.get(i).quoteMark) {
                return -1; // a quotation inside the opening: read the sentence as it comes
            }
            if (tk.get(i).is(",")) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * The subject of the coordinated clause a quote stands in, when a name opens it right after the conjunction:
     * {@code the Post will brand you a liar and NBC News will accuse you of a "freak out"} gives NBC News. Null when
     * no ", and" / "and" / "but" / ";" comes before the quote in its sentence or no speaker opens that clause.
     */
    Mention coordinatedClauseSubject(Document doc, Sentence s, int open) {
        List<Token> tk = doc.tokens;
        for (int c = open - 1; c > s.firstToken && open - c <= MAX_SUBJECT_DISTANCE; c--) {
            Token t = tk.get(c);
            if (t.quote >= 0 || t.quoteMark) {
                continue;
            }
            if (t.is(";") || t.is("and") || t.is("but")) {
                if (!clauseBefore(tk, s.firstToken, c)) {
                    return null; // "Vladimir Putin and Donald Trump had a \"…\"": a joint subject, no second clause
                }
                int x = c + 1;
                if (x < open && tk.get(x).is("the")) {
                    x++;
                }
                Mention m = doc.mentionStartingAt(x);
                int after = m == null ? -1 : m.endToken < open && tk.get(m.endToken).is(",") ? nextWordAfterCommaPair(tk, m.endToken, open) : m.endToken;
                if (m != null && after > 0 && after < open && !m.possessive && canSpeak(m) && m.entity != null
                        && (m.type == EntityType.PERSON || m.type == EntityType.ORGANIZATION)
                        && tk.get(after).isWord() && Character.isLowerCase(tk.get(after).text.charAt(0))) {
                    return m; // the name is followed by its verb ("and NBC News will accuse")
                }
                return null;
            }
        }
        return null;
    }

    /** Lower-case words stand in [from, to): a clause of its own before a conjunction, not a list of names. */
    private static boolean clauseBefore(List<Token> tk, int from, int to) {
        int words = 0;
        for (int i = from; i < to && words < 2; i++) {
            Token t = tk.get(i);
            if (t.isWord() && t.quote < 0 && Character.isLowerCase(t.text.charAt(0))) {
                words++;
            }
        }
        return words >= 2;
    }

    /** "he, once again, pledged": the token after the second comma of an inserted phrase, or -1. */
    private static int nextWordAfterCommaPair(List<Token> tk, int comma, int limit) {
        for (int i = comma + 1; i < limit && i - comma <= 6; i++) {
            if (tk.get(i).is(",")) {
                return i + 1;
            }
        }
        return -1;
    }

    /** Subordinators that open a clause before the main one ("When Wallace died in 1998, Clinton said"). */
    private static final java.util.Set<String> SUBORDINATORS = java.util.Set.of("when", "after", "before", "while",
            "although", "though", "if", "since", "because", "once", "until", "as");

    private Mention clauseSubject(Document doc, Sentence s, int from, int limit, boolean promote) {
        List<Token> tk = doc.tokens;
        for (int i = from; i < limit && i - from < MAX_SUBJECT_DISTANCE; i++) {
            if (tk.get(i).quote >= 0) {
                continue;
            }
            Mention m = doc.mentionStartingAt(i);
            if (m == null || m.endToken > limit) {
                continue;
            }
            int before = i - 1;
            if (before > s.firstToken && tk.get(before).is("the")) {
                before--;
            }
            boolean afterPreposition = before >= s.firstToken && QuoteCueWords.isPreposition(tk.get(before).lower)
                    && !tk.get(before).is("and");
            if (promote && !afterPreposition && !m.possessive && m.kind == Mention.Kind.NAME && m.entity == null
                    && m.type == null && i > s.firstToken && !tk.get(i - 1).is("the")) {
                promote(doc, m);
            }
            if (!afterPreposition && !m.possessive && canSpeak(m)
                    && (m.type == EntityType.PERSON || m.type == EntityType.ORGANIZATION)) {
                return m;
            }
            i = m.endToken - 1;
        }
        return null;
    }

    /**
     * A capitalised name that the gazetteers and the linker could not type, used as the subject of a speech
     * cue ("Trump praised the move, calling it …"): it is a person. Creates its entity, with every other
     * unlinked mention of the same words.
     */
    static void promote(Document doc, Mention m) {
        EntityRecord e = new EntityRecord(EntityType.PERSON, m.text);
        for (Mention x : doc.untypedNamed(m.text)) {
            if (x.entity == null && x.type == null) {
                x.type = EntityType.PERSON;
                x.entity = e;
                e.mentions.add(x);
                e.forms.add(x.text);
            }
        }
        doc.entities.add(e);
    }

    record Found(Mention speaker, int verb) {
    }
}
