package io.quotewire.extraction.entities;

import io.quotewire.extraction.EntityType;
import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.EntityRecord;
import io.quotewire.extraction.pipeline.Mention;
import io.quotewire.extraction.pipeline.Sentence;
import io.quotewire.extraction.pipeline.Step;
import io.quotewire.extraction.pipeline.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Resolves pronouns and role descriptions to persons.
 * <p>READS: tokens, sentences, person mentions with their entities (titles, nationality, gender).
 * ADDS: PRONOUN mentions for he/she and DESCRIPTION mentions for definite role descriptions ("the
 * Ukrainian president", "the Russian leader", "the president"), each with the entity it refers to.
 * <p>Rules, in text order, keeping a short history of persons seen:
 * <ul>
 *   <li>he/she: a gender-compatible person that is the subject (not after a preposition, not a
 *       possessive) earlier in the same sentence; else the subject of the nearest earlier sentence that
 *       has one (up to 4 sentences back); else the most recent compatible person;</li>
 *   <li>"the [demonym] title": the most recent person seen with that title word and nationality; else with
 *       that nationality; else (title only) with that title; else the most recent subject person whose
 *       nationality is not known to be different.</li>
 * </ul>
 * Pronouns inside quotes are not resolved (they speak from the speaker's point of view).
 */
public final class CorefResolver implements Step {
    private static final Set<String> HEADS_OF_STATE = Lexicon.wordSet("heads-of-state.txt");
    /** The titles that "the leader" matches (compared with the end of a person's title). */
    private static final Set<String> LEADER_TITLES = Lexicon.wordSet("leader-titles.txt");
    private static final Set<String> DESCRIPTION_ADJECTIVES = Lexicon.wordSet("description-adjectives.txt");

    /** How many recent person mentions a description is compared with. */
    private static final int HISTORY_WINDOW = 300;

    private record Seen(EntityRecord entity, int sentence, boolean subject, int token, boolean speaker) {
        Seen(EntityRecord entity, int sentence, boolean subject, int token) {
            this(entity, sentence, subject, token, false);
        }
    }

    private final Lexicon lexicon;

    public CorefResolver(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.TEXT, Layer.SENTENCES, Layer.TOKENS, Layer.QUOTE_SPANS, Layer.NAME_MENTIONS, Layer.ENTITIES);
    }

    @Override
    public Set<Layer> assigns() {
        return Set.of(Layer.COREF_MENTIONS);
    }

    @Override
    public void process(Document doc) {
        List<Seen> history = new ArrayList<>();
        java.util.Map<EntityRecord, Character> parties = new java.util.HashMap<>();
        List<Seen> organizations = new ArrayList<>();
        List<Mention> added = new ArrayList<>();
        List<Token> tk = doc.tokens;
        for (Sentence s : doc.sentences) {
            for (int i = s.firstToken; i < s.endToken; i++) {
                Mention name = doc.mentionEndingAt(i);
                if (name != null && name.kind == Mention.Kind.NAME && name.entity != null
                        && name.entity.type == EntityType.PERSON) {
                    char p = party(doc, s, name);
                    if (p != 0) {
                        parties.putIfAbsent(name.entity, p);
                    }
                    history.add(new Seen(name.entity, s.index, isSubject(doc, name), name.phraseStart,
                            beforeSpeechVerb(doc, s, i + 1)));
                    continue;
                }
                if (name != null && name.kind == Mention.Kind.NAME && name.entity != null
                        && name.entity.type == EntityType.ORGANIZATION && tk.get(i).quote < 0) {
                    organizations.add(new Seen(name.entity, s.index, isSubject(doc, name), name.phraseStart));
                    continue;
                }
                Token t = tk.get(i);
                if (t.quote >= 0 || t.kind != Token.Kind.WORD) {
                    continue;
                }
                Mention org = organizationReference(doc, s, i, organizations);
                if (org != null) {
                    added.add(org);
                    i = org.endToken - 1;
                    continue;
                }
                if ((t.is("his") || t.is("her")) && ownsSpeech(doc, s, i)) {
                    // "his call for "…"", "her remark that …": the possessor of words quoted after it
                    EntityRecord e = resolvePronoun(history, s.index, t.is("his") ? 'm' : 'f');
                    Mention m = new Mention(Mention.Kind.PRONOUN, i, i + 1, t.start, t.end, t.text);
                    m.type = EntityType.PERSON;
                    m.entity = e;
                    m.possessive = true;
                    added.add(m);
                } else if (t.is("he") || t.is("she")) {
                    char g = t.is("he") ? 'm' : 'f';
                    EntityRecord e = resolvePronoun(history, s.index, g);
                    Mention m = new Mention(Mention.Kind.PRONOUN, i, i + 1, t.start, t.end, t.text);
                    m.type = EntityType.PERSON;
                    m.entity = e;
                    added.add(m);
                    if (e != null) {
                        history.add(new Seen(e, s.index, true, i));
                    }
                } else if (t.is("the") && partyDescription(doc, s, i) > 0) {
                    // "the Texas Republican said", "the Democrat said"
                    int end = partyDescription(doc, s, i);
                    Mention m = new Mention(Mention.Kind.DESCRIPTION, i, end, t.start, tk.get(end - 1).end,
                            NameFinder.text(doc, i, end));
                    m.type = EntityType.PERSON;
                    m.entity = resolveParty(history, parties, s.index, Character.toUpperCase(tk.get(end - 1).lower.charAt(0)));
                    added.add(m);
                    if (m.entity != null) {
                        history.add(new Seen(m.entity, s.index, true, i, beforeSpeechVerb(doc, s, end)));
                    }
                    i = end - 1;
                } else if (t.is("the")) {
                    int end = description(doc, s, i);
                    if (end > 0) {
                        Mention m = describe(doc, i, end, history, s.index);
                        added.add(m);
                        if (m.entity != null) {
                            history.add(new Seen(m.entity, s.index, !isAfterPreposition(doc, i), i,
                                    beforeSpeechVerb(doc, s, end)));
                        }
                        i = end - 1;
                    }
                }
            }
        }
        doc.mentions.addAll(added);
        doc.indexMentions();
    }

    /**
     * "it said" / "the ministry said" / "the company said": the organization mentioned last (within three
     * sentences) whose name ends with that word, or any organization for generic words (company, group).
     * Only before a speech verb, where it matters and where "it" is reliably an organization.
     */
    private Mention organizationReference(Document doc, Sentence s, int i, List<Seen> organizations) {
        List<Token> tk = doc.tokens;
        Token t = tk.get(i);
        int end;
        String head;
        if (t.is("it")) {
            end = i + 1;
            head = null;
        } else if (t.is("the") && i + 1 < s.endToken && ORG_HEADS.contains(tk.get(i + 1).lower)) {
            end = i + 2;
            head = tk.get(i + 1).lower;
        } else {
            return null;
        }
        if (end >= s.endToken) {
            return null;
        }
        Lexicon.Verb v = lexicon.verb(tk.get(end).lower);
        if (v == null || v.form() != Lexicon.Verb.Form.FINITE) {
            return null;
        }
        boolean generic = head == null || GENERIC_ORG_HEADS.contains(head);
        for (int h = organizations.size() - 1; h >= 0 && h >= organizations.size() - 50; h--) {
            Seen x = organizations.get(h);
            if (s.index - x.sentence > 3) {
                break;
            }
            String name = Lexicon.key(x.entity.name);
            if (generic || name.endsWith(head) || name.endsWith(head + "s")) {
                Mention m = new Mention(Mention.Kind.DESCRIPTION, i, end, t.start, tk.get(end - 1).end,
                        NameFinder.text(doc, i, end));
                m.type = EntityType.ORGANIZATION;
                m.entity = x.entity;
                return m;
            }
        }
        return null;
    }

    /** Nouns for something said that credit a quoted fragment to their possessor (speech-nouns.txt). */
    public static final Set<String> SPEECH_NOUNS = Lexicon.wordSet("speech-nouns.txt");
    /** How many words may stand between a possessive and its speech noun ("his recent, evidence-free claim"). */
    public static final int SPEECH_NOUN_MODIFIERS = 3;

    /**
     * The possessive pronoun at i owns a speech noun ("his call", "her controversial March remark"), with only
     * modifiers between: only where it matters, a quoted fragment after such a noun.
     */
    private static boolean ownsSpeech(Document doc, Sentence s, int i) {
        List<Token> tk = doc.tokens;
        for (int n = i + 1; n < s.endToken && n - i <= SPEECH_NOUN_MODIFIERS + 1; n++) {
            Token t = tk.get(n);
            if (t.quote >= 0 || !t.isWord() && !t.is("-") && !t.is(",")) {
                return false;
            }
            if (SPEECH_NOUNS.contains(t.lower)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> ORG_HEADS = Lexicon.wordSet("org-heads.txt");
    private static final Set<String> GENERIC_ORG_HEADS = Lexicon.wordSet("generic-org-heads.txt");

    /** True when a finite speech verb follows at x (after up to two adverbs): "the president said", "Trump told". */
    private boolean beforeSpeechVerb(Document doc, Sentence s, int x) {
        for (int c = 0; c < 3 && x < s.endToken; c++, x++) {
            Token t = doc.tokens.get(x);
            Lexicon.Verb v = t.quote >= 0 ? null : lexicon.verb(t.lower);
            if (v != null) {
                return v.form() == Lexicon.Verb.Form.FINITE;
            }
            if (!QuoteCueWords.isAdverb(t.lower)) {
                return false;
            }
        }
        return false;
    }

    private boolean isSubject(Document doc, Mention m) {
        return !m.possessive && !isAfterPreposition(doc, m.phraseStart);
    }

    private static boolean isAfterPreposition(Document doc, int start) {
        if (start == 0) {
            return false;
        }
        Token prev = doc.tokens.get(start - 1);
        if (prev.is("the") && start >= 2) {
            prev = doc.tokens.get(start - 2);
        }
        return QuoteCueWords.isPreposition(prev.lower) && !prev.is("and");
    }

    private static boolean compatible(EntityRecord e, char g) {
        return e.type == EntityType.PERSON && (e.gender == 'u' || e.gender == g);
    }

    private static EntityRecord resolvePronoun(List<Seen> history, int sentence, char g) {
        int floor = Math.max(0, history.size() - HISTORY_WINDOW);
        // same sentence: earliest compatible subject before the pronoun
        EntityRecord sameSentence = null;
        int h = history.size() - 1;
        for (; h >= floor && history.get(h).sentence == sentence; h--) {
            Seen x = history.get(h);
            if (x.subject && compatible(x.entity, g)) {
                sameSentence = x.entity;
            }
        }
        if (sameSentence != null) {
            return sameSentence;
        }
        // earlier sentences: the speaker (subject of a speech verb), else the subject (first subject mention),
        // of the nearest sentence having one
        while (h >= floor && sentence - history.get(h).sentence <= 4) {
            int sent = history.get(h).sentence;
            EntityRecord subject = null;
            EntityRecord speaker = null;
            while (h >= floor && history.get(h).sentence == sent) {
                Seen x = history.get(h);
                if (x.subject && compatible(x.entity, g)) {
                    subject = x.entity; // keeps the earliest in the sentence
                    if (x.speaker) {
                        speaker = x.entity;
                    }
                }
                h--;
            }
            if (speaker != null) {
                return speaker;
            }
            if (subject != null) {
                return subject;
            }
        }
        for (int k = history.size() - 1; k >= floor && sentence - history.get(k).sentence <= 8; k--) {
            if (compatible(history.get(k).entity, g)) {
                return history.get(k).entity;
            }
        }
        return null;
    }

    /** End of a definite description "the [adjectives] [demonym] title" starting at i, or -1. */
    private int description(Document doc, Sentence s, int i) {
        List<Token> tk = doc.tokens;
        int j = i + 1;
        while (j < s.endToken && DESCRIPTION_ADJECTIVES.contains(tk.get(j).lower)) {
            j++;
        }
        if (j < s.endToken && lexicon.demonym(tk.get(j).lower) != null) {
            j++;
        } else {
            j = afterOrganization(doc, s, afterPlace(doc, s, j));
        }
        int best = 0;
        StringBuilder sb = new StringBuilder();
        for (int len = 1; len <= lexicon.maxTitleWords() && j + len <= s.endToken; len++) {
            Token t = tk.get(j + len - 1);
            if (!t.isWord()) {
                break;
            }
            sb.append(len > 1 ? " " : "").append(t.lower);
            if (lexicon.isTitle(sb.toString())) {
                best = len;
            }
        }
        if (best == 0) {
            return -1;
        }
        int end = j + best;
        // a name right after it makes it a title, not a description ("the President Donald Trump")
        if (end < s.endToken && tk.get(end).isCapitalized() && doc.mentionStartingAt(end) != null) {
            return -1;
        }
        if (end < s.endToken && (tk.get(end).is("of") || tk.get(end).kind == Token.Kind.POSSESSIVE)) {
            return -1;
        }
        return end;
    }

    private static final Set<String> PARTY_NOUNS = Lexicon.wordSet("party-nouns.txt");
    /** Party words before a person phrase and the party's mark: "republican" -> "R". */
    private static final java.util.Map<String, String> PARTY_MODIFIERS = Lexicon.wordMap("party-modifiers.txt");

    /**
     * The person's party from the usual US newswire marks: "Sen. X, R-Texas," / "Rep. X (D-N.Y.)", "X, a Texas
     * Republican," or "Republican Sen. X" / "Democratic Rep. X". 'R', 'D', 'I' or 0 when not marked.
     */
    private char party(Document doc, Sentence s, Mention m) {
        List<Token> tk = doc.tokens;
        int x = m.endToken;
        if (x < s.endToken && (tk.get(x).is(",") || tk.get(x).is("("))) {
            x++;
        }
        if (x < s.endToken) {
            String w = tk.get(x).text;
            if (w.length() >= 3 && w.charAt(1) == '-' && "RDI".indexOf(w.charAt(0)) >= 0
                    && Character.isUpperCase(w.charAt(2))) {
                return w.charAt(0);
            }
            // ", a Texas Republican", ", a Democrat"
            if (tk.get(x).is("a") || tk.get(x).is("an")) {
                for (int y = x + 1; y < s.endToken && y <= x + 3; y++) {
                    String l = tk.get(y).lower;
                    if (PARTY_NOUNS.contains(l)) {
                        return Character.toUpperCase(l.charAt(0));
                    }
                    if (!tk.get(y).isCapitalized()) {
                        break;
                    }
                }
            }
        }
        // "Republican Sen. X", "Republican presidential candidate X" (the party word before the phrase, up to two
        // words before it, or as the phrase's modifier)
        for (int y = Math.max(s.firstToken, m.phraseStart - 3); y <= m.phraseStart && y < m.firstToken; y++) {
            String l = tk.get(y).lower;
            String mark = PARTY_MODIFIERS.get(l);
            if (mark != null) {
                return mark.charAt(0);
            }
        }
        return 0;
    }

    /** End of "the [adjectives] [Place] Republican|Democrat|Independent" at i (not "the Republican Party"), or -1. */
    private int partyDescription(Document doc, Sentence s, int i) {
        List<Token> tk = doc.tokens;
        int j = i + 1;
        while (j < s.endToken && DESCRIPTION_ADJECTIVES.contains(tk.get(j).lower)) {
            j++;
        }
        j = afterPlace(doc, s, j);
        if (j >= s.endToken || !PARTY_NOUNS.contains(tk.get(j).lower) || !tk.get(j).isCapitalized()) {
            return -1;
        }
        int end = j + 1;
        return end < s.endToken && tk.get(end).isCapitalized() ? -1 : end;
    }

    /**
     * The most recent person marked with that party; else, when the party of nobody recent is known, the
     * subject of the last two sentences (a writer says "the Democrat" right after introducing one).
     */
    private static EntityRecord resolveParty(List<Seen> history, java.util.Map<EntityRecord, Character> parties,
            int sentence, char party) {
        for (int h = history.size() - 1; h >= 0 && history.size() - h <= HISTORY_WINDOW; h--) {
            if (parties.getOrDefault(history.get(h).entity, (char) 0) == party) {
                return history.get(h).entity;
            }
        }
        for (int h = history.size() - 1; h >= 0 && sentence - history.get(h).sentence <= 2; h--) {
            Seen x = history.get(h);
            if (x.subject && !parties.containsKey(x.entity)) {
                return x.entity;
            }
        }
        return null;
    }

    /** "the Arkansas senator", "the New York mayor": the index after a one- or two-word place, else j. */
    private int afterPlace(Document doc, Sentence s, int j) {
        List<Token> tk = doc.tokens;
        if (j >= s.endToken || !tk.get(j).isCapitalized()) {
            return j;
        }
        if (j + 2 < s.endToken && tk.get(j + 1).isCapitalized()
                && lexicon.place(Lexicon.key(tk.get(j).lower + " " + tk.get(j + 1).lower)) != null) {
            return j + 2;
        }
        return lexicon.place(Lexicon.key(tk.get(j).lower)) != null ? j + 1 : j;
    }

    /** "the Fed chair", "the Pentagon chief": the index after an organization name at j, else j. */
    private static int afterOrganization(Document doc, Sentence s, int j) {
        Mention m = doc.mentionStartingAt(j);
        return m != null && m.kind == Mention.Kind.NAME && m.type == EntityType.ORGANIZATION && m.endToken < s.endToken
                ? m.endToken : j;
    }

    private Mention describe(Document doc, int i, int end, List<Seen> history, int sentence) {
        List<Token> tk = doc.tokens;
        String nationality = null;
        String title = null;
        boolean former = false;
        for (int x = i + 1; x < end; x++) {
            former |= tk.get(x).is("former");
            String d = lexicon.demonym(tk.get(x).lower);
            if (d != null) {
                nationality = d;
                StringBuilder sb = new StringBuilder();
                for (int y = x + 1; y < end; y++) {
                    sb.append(y > x + 1 ? " " : "").append(tk.get(y).lower);
                }
                title = sb.toString();
            }
        }
        if (title == null) {
            int x = i + 1;
            while (x < end - 1 && DESCRIPTION_ADJECTIVES.contains(tk.get(x).lower)) {
                x++;
            }
            Sentence s = doc.sentences.get(tk.get(i).sentence);
            x = Math.min(afterOrganization(doc, s, afterPlace(doc, s, x)), end - 1);
            StringBuilder sb = new StringBuilder();
            for (int y = x; y < end; y++) {
                sb.append(y > x ? " " : "").append(tk.get(y).lower);
            }
            title = sb.toString();
        }
        Mention m = new Mention(Mention.Kind.DESCRIPTION, i, end, tk.get(i).start, tk.get(end - 1).end,
                NameFinder.text(doc, i, end));
        m.type = EntityType.PERSON;
        m.entity = former ? resolveFormer(history, title) : null;
        if (m.entity == null) {
            m.entity = resolveDescription(history, sentence, title, nationality);
        }
        return m;
    }

    /** "the former president": the most recent person with that title written as former ("Former President X"). */
    private static EntityRecord resolveFormer(List<Seen> history, String title) {
        for (int h = history.size() - 1; h >= 0 && history.size() - h <= HISTORY_WINDOW; h--) {
            EntityRecord e = history.get(h).entity;
            if (hasTitle(e, title) && e.titles.stream().anyMatch(t -> Lexicon.key(t).contains("former"))) {
                return e;
            }
        }
        return null;
    }

    private static EntityRecord resolveDescription(List<Seen> history, int sentence, String title, String nationality) {
        for (int pass = 0; pass < 4; pass++) {
            for (int h = history.size() - 1; h >= 0 && history.size() - h <= HISTORY_WINDOW; h--) {
                EntityRecord e = history.get(h).entity;
                boolean titleOk = hasTitle(e, title);
                boolean natOk = nationality != null && nationality.equals(e.nationality);
                boolean ok = switch (pass) {
                    case 0 -> titleOk && (nationality == null || natOk);
                    case 1 -> nationality != null && natOk;
                    case 2 -> nationality == null && titleOk;
                    default -> history.get(h).subject && sentence - history.get(h).sentence <= 3
                            && (e.nationality == null || e.nationality.equals(nationality)) && nationality != null;
                };
                if (ok) {
                    return e;
                }
            }
        }
        return null;
    }

    private static final java.util.Map<String, String> ABBREVIATED = Lexicon.wordMap("title-abbreviations.txt");
    /** Description words that stand for another title: "congressman" -> "representative". */
    private static final java.util.Map<String, String> TITLE_SYNONYMS = Lexicon.wordMap("title-synonyms.txt");

    /** "Sen." -> "senator", so "the senator" finds "Sen. Rand Paul". */
    private static String expand(String title) {
        int space = title.lastIndexOf(' ');
        String last = title.substring(space + 1);
        String full = ABBREVIATED.get(last);
        return full == null ? title : title.substring(0, space + 1) + full;
    }

    /** Words that make "X title" a different office from "title". */
    private static final Set<String> OTHER_OFFICE = Lexicon.wordSet("other-office-words.txt");

    /** The word that ends just before index {@code end} of {@code s}. */
    private static String wordBefore(String s, int end) {
        int space = s.lastIndexOf(' ', end - 1);
        return s.substring(space + 1, end);
    }

    private static boolean hasTitle(EntityRecord e, String title) {
        title = TITLE_SYNONYMS.getOrDefault(title, title);
        String head = title.substring(title.lastIndexOf(' ') + 1);
        boolean headOfState = HEADS_OF_STATE.contains(title) || HEADS_OF_STATE.contains(head);
        String office = title.equals(head) ? null : wordBefore(title, title.length() - head.length() - 1);
        for (String t : e.titles) {
            String lt = expand(Lexicon.key(t));
            if (office != null && OTHER_OFFICE.contains(office) && !lt.endsWith(office + " " + head)) {
                continue; // "the vice president" is not "Former President X"
            }
            int of = lt.indexOf(" of ");
            if (of > 0 && !title.contains(" of ")) {
                lt = lt.substring(0, of); // "Secretary of State Marco Rubio" is "the secretary"
            }
            if (lt.endsWith(" " + title) && OTHER_OFFICE.contains(wordBefore(lt, lt.length() - title.length() - 1))) {
                continue; // a vice president is not "the president", a deputy director not "the director"
            }
            if (lt.endsWith(title) || lt.endsWith(" " + head) || lt.equals(head)) {
                return true;
            }
            if (headOfState && title.equals("leader") && endsWithAny(lt, LEADER_TITLES)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithAny(String s, Set<String> endings) {
        for (String end : endings) {
            if (s.endsWith(end)) {
                return true;
            }
        }
        return false;
    }
}
