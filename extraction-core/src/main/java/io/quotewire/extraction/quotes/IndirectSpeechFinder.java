package io.quotewire.extraction.quotes;

import io.quotewire.extraction.EntityType;
import io.quotewire.extraction.QuoteType;
import io.quotewire.extraction.entities.QuoteCueWords;
import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.pipeline.Attribution;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.Mention;
import io.quotewire.extraction.pipeline.QuoteSpan;
import io.quotewire.extraction.pipeline.Sentence;
import io.quotewire.extraction.pipeline.Step;
import io.quotewire.extraction.pipeline.Token;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds reported (indirect) speech: the writer's words for what someone said, without quote marks.
 * <p>READS: sentences, tokens, mentions, quoteSpans (via {@link Token#quote}). ADDS: INDIRECT
 * attributions to {@code quotes}; their text is the reported clause.
 * <ul>
 *   <li>{@code X said (that) CLAUSE}, {@code X says CLAUSE}, {@code X told reporters/Y that CLAUSE},
 *       {@code X said Thursday in Brussels that CLAUSE}, {@code officials say CLAUSE};</li>
 *   <li>{@code …, saying (that) CLAUSE}: the participle takes the subject of the sentence;</li>
 *   <li>{@code According to X, CLAUSE} and {@code CLAUSE, according to X} (X may be named inside the phrase:
 *       "according to a CNN tally");</li>
 *   <li>{@code CLAUSE, X said.} (also {@code …, X said after the meeting.}).</li>
 * </ul>
 * A sentence may also hold quotations: the clause stops before a quotation that follows it as a part of its
 * own ("said she would run, adding, "…""), and a quotation inside the clause makes it a partial quote, not
 * reported speech. Only speakers the text names (a name, a pronoun/description resolved to one, or the campaign,
 * aides or officials of a named person or organization) are kept: the answer's speaker is a resolved name, so
 * reported speech of an unnamed source ("a source said", "officials said") is not reported. The clause must
 * have at least three words and must not end with a transitive verb missing its object ("a format Putin
 * suggested he would like"). Word classes come from {@code lexicon/indirect-speech.txt}.
 */
public final class IndirectSpeechFinder implements Step {
    private static final int MIN_CLAUSE_WORDS = 3;
    private static final WordClasses WORDS = WordClasses.load("indirect-speech.txt");
    /** Words that open a reported clause after a say-type verb without "that". */
    private static final Set<String> CLAUSE_STARTERS = WORDS.get("clause-starters");
    /** Verbs that take a reported clause without "that" ("said the talks failed"). */
    private static final Set<String> BARE_CLAUSE_VERBS = WORDS.get("bare-clause-verbs");
    /** Verbs that may close a sentence of reported speech: "…, X told reporters." */
    private static final Set<String> END_CUE_VERBS = WORDS.get("end-cue-verbs");
    /** Transitive verbs that cannot end a reported clause: one ending with them has its object elsewhere. */
    private static final Set<String> OBJECT_GAP_VERBS = WORDS.get("object-gap-verbs");
    private static final Set<String> SUBJECT_PRONOUNS = WORDS.get("subject-pronouns");
    private static final Set<String> OBJECT_WORDS = WORDS.get("object-words");
    private static final Set<String> AUXILIARIES = WORDS.get("auxiliaries");
    private static final Set<String> RELATIVE_WORDS = WORDS.get("relative-words");
    private static final Set<String> DAYS = WORDS.get("days");
    private static final Set<String> PLURAL_SUBJECT_PRONOUNS = WORDS.get("plural-subject-pronouns");
    private static final Set<String> DETERMINERS = WORDS.get("determiners");
    private static final Set<String> TO_CLAUSE_VERBS = WORDS.get("to-clause-verbs");
    private static final Set<String> AGENT_WORDS = WORDS.get("agent-words");
    private static final Set<String> AGENT_MODIFIERS = WORDS.get("agent-modifiers");
    private static final Set<String> ANONYMITY_WORDS = WORDS.get("anonymity-words");
    private static final Set<String> CUE_FOLLOWERS = WORDS.get("cue-followers");
    private static final Set<String> FREE_RELATIVES = WORDS.get("free-relatives");
    private static final Set<String> CLAUSE_BREAKS = WORDS.get("clause-breaks");
    private static final Set<String> CLAUSE_TAIL_WORDS = WORDS.get("clause-tail-words");
    private static final Set<String> NEGATED_AUXILIARIES = WORDS.get("negated-auxiliaries");
    private static final Set<String> NON_CLAUSE_OPENERS = WORDS.get("non-clause-openers");
    private static final Set<String> NOT_PAST_TENSE = WORDS.get("not-past-tense");
    private static final Set<String> TIME_WORDS = WORDS.get("time-words");
    private static final Set<String> PRESENT_VERBS = WORDS.get("present-verbs");
    private static final Set<String> PAST_VERBS = WORDS.get("past-verbs");

    private static final Set<String> NO_SOURCE_WORDS = WORDS.get("no-source-words");
    private static final Set<String> PASSIVE_AUXILIARIES = WORDS.get("passive-auxiliaries");
    private static final Set<String> COORDINATORS = WORDS.get("coordinators");
    private static final Set<String> NOUN_VERBS = WORDS.get("noun-verbs");
    private static final Set<String> LONE_WORD_ENDS = WORDS.get("lone-word-ends");
    private static final Set<String> NOT_BEFORE_PRESENT = WORDS.get("not-before-present");
    private static final Set<String> PLURAL_SUBJECT_WORDS = WORDS.get("plural-subject-words");
    private static final Set<String> NOT_PLURAL = WORDS.get("not-plural");
    private static final Set<String> CONTRACTIONS = WORDS.get("contractions");
    private static final Set<String> RELATIVE_PRONOUNS = WORDS.get("relative-pronouns");
    private static final Set<String> SUBORDINATORS = WORDS.get("subordinators");
    private static final Set<String> AS_OPENERS = WORDS.get("as-openers");
    private static final Set<String> PARTICIPLE_PREPOSITIONS = WORDS.get("participle-prepositions");
    private static final Set<String> PREPOSITIONAL_OBJECT_VERBS = WORDS.get("prepositional-object-verbs");
    private static final Set<String> RELATIVE_CLAUSE_WORDS = WORDS.get("relative-clause-openers");
    private static final Set<String> CONTRASTS = WORDS.get("contrasts");

    private final Cues cues;
    private final Lexicon lexicon;
    private final SpeakerPhrases phrases;

    public IndirectSpeechFinder(Lexicon lexicon) {
        this.cues = new Cues(lexicon);
        this.lexicon = lexicon;
        this.phrases = new SpeakerPhrases(cues);
    }

    @Override
    public Set<Layer> requires() {
        Set<Layer> r = java.util.EnumSet.of(Layer.PARAGRAPHS, Layer.SENTENCES, Layer.TOKENS, Layer.QUOTE_SPANS,
                Layer.NAME_MENTIONS, Layer.ENTITIES, Layer.COREF_MENTIONS);
        r.addAll(Cues.REQUIRES);
        return r;
    }

    /** INDIRECT attributions; and through {@link Cues#ASSIGNS} new PERSON entities for untyped names that speak. */
    @Override
    public Set<Layer> assigns() {
        Set<Layer> a = java.util.EnumSet.of(Layer.INDIRECT_QUOTES);
        a.addAll(Cues.ASSIGNS);
        return a;
    }

    @Override
    public void process(Document doc) {
        List<Token> tk = doc.tokens;
        for (Sentence s : doc.sentences) {
            if (doc.paragraphs.get(s.paragraph).credit || s.endToken == s.firstToken
                    || tk.get(s.endToken - 1).is(":")) {
                continue; // "X wrote:" introduces a quote, not reported speech
            }
            Attribution a = accordingTo(doc, s);
            if (a == null && doc.titleCase(doc.paragraphs.get(s.paragraph))) {
                Attribution h = headlineReport(doc, s);
                if (h != null) {
                    doc.quotes.add(h);
                    continue;
                }
            }
            if (a == null) {
                a = verbClause(doc, s, s.firstToken);
                if (a != null && objectReport(doc, a)) {
                    // "X called for a ban on …, sources said": the closing cue's report is the whole clause
                    Attribution closing = clauseThenCue(doc, s);
                    a = closing != null && keep(closing) ? closing : a;
                }
                // "…, and three-quarters said …": a sentence may hold further reports after the first one
                for (Attribution b = a; b != null && keep(b); ) {
                    int next = tokenAfter(doc, s, b.end);
                    doc.quotes.add(b);
                    b = next < s.endToken && reports(doc.quotes, s) < MAX_REPORTS ? verbClause(doc, s, next) : null;
                }
                if (a != null) {
                    continue;
                }
            }
            if (a == null) {
                a = clauseThenCue(doc, s);
            }
            if (a != null && keep(a)) {
                doc.quotes.add(a);
            }
        }
        doc.quotes.sort(Comparator.comparingInt(q -> q.start));
    }

    /**
     * The reported clause stops before a quotation that follows it as a separate part of the sentence ("said he
     * would run, adding, "…""): the quotation is a quote of its own. A quotation inside the clause ("said the
     * plan was "a disaster" for families") makes the words a partial quote, not reported speech: returns from.
     */
    private int beforeQuote(Document doc, int from, int to) {
        List<Token> tk = doc.tokens;
        int q = from;
        while (q < to && tk.get(q).quote < 0 && !tk.get(q).quoteMark) {
            q++;
        }
        if (q == to) {
            return to;
        }
        if (q > from && !CLAUSE_BREAKS.contains(tk.get(q - 1).lower)) {
            // "suggested that …, while Cruz said the "stakes" …": the quotation lies in the next report of the
            // sentence, which ends this one (not a participle's: "said he would …, saying it is "…"" stays a
            // quotation's context)
            int next = beforeNextCue(doc, from, q, false);
            if (next < q) {
                return next;
            }
            next = beforeNextVerb(doc, from, q);
            if (next < q) {
                return next;
            }
        }
        if (q == from || !CLAUSE_BREAKS.contains(tk.get(q - 1).lower)) {
            return from;
        }
        int end = q - 1;
        // drop the cue that introduces the quotation: "and added,", "saying,", "he said,"
        for (int c = 0; c < 5 && end > from; c++) {
            Token t = tk.get(end - 1);
            if (!t.isWord() || lexicon.verb(t.lower) != null || CLAUSE_TAIL_WORDS.contains(t.lower)) {
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    /** A report is kept when it has a speaker: a resolved one, or an unnamed source (never a bare pronoun). */
    private static boolean keep(Attribution a) {
        return a.speaker != null || a.speakerMention.kind != Mention.Kind.PRONOUN;
    }

    private static final int MAX_REPORTS = 3;

    /** How many reports of sentence s were added last (they are added in order). */
    private static int reports(List<Attribution> quotes, Sentence s) {
        int n = 0;
        for (int i = quotes.size() - 1; i >= 0 && quotes.get(i).sentenceStart == s.start; i--) {
            n++;
        }
        return n;
    }

    /** The first token of sentence s that starts at or after char offset end. */
    private static int tokenAfter(Document doc, Sentence s, int end) {
        int i = s.firstToken;
        while (i < s.endToken && doc.tokens.get(i).start < end) {
            i++;
        }
        return i;
    }

    private Attribution verbClause(Document doc, Sentence s, int fromToken) {
        List<Token> tk = doc.tokens;
        for (int v = fromToken; v < s.endToken; v++) {
            Lexicon.Verb verb = cues.verb(tk.get(v));
            if (verb == null || verb.form() == Lexicon.Verb.Form.BASE) {
                verb = pluralPresent(doc, s, v);
            }
            int question = verb == null ? -1 : questionStart(doc, s, v, verb);
            int object = verb == null ? -1 : prepositionalObject(doc, s, v, verb);
            if (question < 0) {
                question = object; // "called for a ban on …" reads like a question
            }
            if (verb == null || verb.quoteOnly() && !TO_CLAUSE_VERBS.contains(verb.base()) && question < 0
                    || verb.form() == Lexicon.Verb.Form.BASE) {
                continue;
            }
            Mention subject;
            if (verb.form() == Lexicon.Verb.Form.PARTICIPLE) {
                // "…, saying (that) CLAUSE": the participle takes the subject of the sentence
                Mention issuer = v - 1 > s.firstToken && !tk.get(v - 1).is(",") && !verb.quoteOnly()
                        ? source(doc, phrases.statementIssuer(doc, s, v)) : null;
                if (issuer != null) {
                    subject = issuer; // "The group issued a statement saying it had left the parade"
                } else if (v - 1 <= s.firstToken || !tk.get(v - 1).is(",")
                        && !PARTICIPLE_PREPOSITIONS.contains(tk.get(v - 1).lower) || verb.quoteOnly()) {
                    continue; // "…, saying …", "after saying …", "by saying …"
                } else {
                    subject = cues.sentenceSubject(doc, s, v);
                }
                if (subject == null) {
                    // "Several Democrats cautioned against …, saying …": an unnamed source opening the sentence
                    subject = source(doc, phrases.subjectBeforePastVerb(doc, s, v));
                }
            } else {
                subject = cues.subjectOf(doc, s, v);
                if (subject != null && subject.type == EntityType.PERSON && cues.verb(tk.get(v)) == null) {
                    subject = null; // "aides to Clinton say": the plural phrase speaks, not the name at its end
                }
                if (subject == null) {
                    subject = agentOf(doc, s, v);
                }
                if (subject == null) {
                    subject = relativeSubject(doc, s, v);
                }
                if ((subject == null || subject.entity == null && !relative(doc, subject)) && !passive(doc, s, v)
                        && !namePart(doc, s, v)) {
                    subject = NOUN_VERBS.contains(tk.get(v).lower) ? null : source(doc, unnamedBefore(doc, s, v));
                    if (subject == null || subject.entity == null) {
                        // "Jane Roe, 63, a nurse from Ohio, said …"
                        Mention m = source(doc, phrases.beforeAppositions(doc, s, v));
                        subject = m != null && (m.entity != null || subject == null) ? m : subject;
                    }
                }
            }
            if (subject == null || subject.entity == null && subject.kind == Mention.Kind.PRONOUN) {
                continue;
            }
            if (subject.entity == null && verb.form() != Lexicon.Verb.Form.PARTICIPLE && tk.get(v - 1).is(",")
                    && subject.endToken < v - 1 && invertedClosingCue(doc, s, v)) {
                continue; // "…, and the talks stalled, said one source in the room": the closing cue's own speaker
            }
            if (subject.phraseStart > s.firstToken && FREE_RELATIVES.contains(tk.get(subject.phraseStart - 1).lower)) {
                continue; // "what Trump says his plan would do": a noun phrase, not a report
            }
            if (object >= 0 && subject.firstToken - 1 > s.firstToken
                    && COORDINATORS.contains(tk.get(subject.firstToken - 1).lower)
                    && !tk.get(subject.firstToken - 2).is(",")) {
                continue; // "Roe and Ortega called for a truce": a joint subject, no one speaker
            }
            int asComma = asCueComma(doc, s, subject, v);
            int c = question >= 0 ? question : asComma > 0 ? asComma + 1 : clauseStart(doc, s, v, verb);
            if (c < 0 || c >= s.endToken) {
                continue;
            }
            if (question < 0 && asComma < 0 && subject.entity == null && (tk.get(c).is("to") ? c + 1 < s.endToken && tk.get(c + 1).is("be")
                    : !BARE_CLAUSE_VERBS.contains(verb.base()) && !tk.get(c - 1).is("that"))) {
                // an unnamed subject with "wrote its constitution", "promised to be a crucial moment": without
                // "that" such a verb takes an object, and "promised to be" foretells
                continue;
            }
            int end = s.endToken;
            if (tk.get(c).is("to") || relative(doc, subject) || question >= 0 && !QUESTION_WORDS.contains(tk.get(c).lower)) {
                for (end = c + 1; end < s.endToken && !tk.get(end).is(",") && !tk.get(end).is(";"); end++) {
                    // "Even if X vowed to act, Y …": the infinitive ends at the comma
                }
            } else if (subordinate(doc, s, subject)) {
                end = mainClauseComma(doc, s, c);
            }
            Attribution a = build(doc, s, c, end, v, subject, 0.6);
            if (a != null) {
                return asComma < 0 && c == v + 2 && tk.get(v + 1).is(",")
                        ? withOpening(doc, s, a, interjectionComma(doc, s, v)) : a;
            }
        }
        return null;
    }

    /**
     * A title-case headline "Clinton Says Russians Hacked DNC", "Bellwether County Says Trump Should Win": a named
     * person or organization right before "Says", the rest of the headline (to a comma or semicolon) is the report.
     */
    private Attribution headlineReport(Document doc, Sentence s) {
        List<Token> tk = doc.tokens;
        for (int v = s.firstToken + 1; v + MIN_CLAUSE_WORDS < s.endToken; v++) {
            Token t = tk.get(v);
            if (!t.lower.equals("says") || t.quote >= 0 || !t.isCapitalized()) {
                continue;
            }
            Mention m = doc.mentionEndingAt(v - 1);
            if (m == null || m.entity == null || m.phraseStart != s.firstToken) {
                // "Trump's Son Says …", "Bellwether County Says …": a short phrase opening the headline
                m = v - s.firstToken <= 4 && phrases.plainPhrase(doc, s.firstToken, v)
                        ? source(doc, phrases.resolve(doc, s.firstToken, v)) : null;
            }
            if (m == null || m.kind == Mention.Kind.PRONOUN) {
                return null; // the speaker must open the headline
            }
            int end = v + 1;
            while (end < s.endToken && !tk.get(end).is(",") && !tk.get(end).is(";") && !tk.get(end).is(":")) {
                end++;
            }
            return build(doc, s, v + 1, end, v, m, 0.5);
        }
        return null;
    }

    /** Verbs that report a question ("asked whether …"), and the words that open the reported question. */
    private static final Set<String> QUESTION_VERBS = Set.of("ask", "question", "inquire", "wonder");
    private static final Set<String> QUESTION_WORDS = Set.of("whether", "if", "how", "why", "what", "when", "where",
            "who");

    /**
     * A reported question after the verb at v: {@code asked whether …}, {@code asked the students if …}, {@code asked
     * Trump why …} (an object of up to three words may stand between). The index of the question word, which opens
     * the report, or -1.
     */
    private static int questionStart(Document doc, Sentence s, int v, Lexicon.Verb verb) {
        List<Token> tk = doc.tokens;
        if (!QUESTION_VERBS.contains(verb.base()) || verb.form() == Lexicon.Verb.Form.BASE
                || tk.get(v).lower.equals("questions")) {
            return -1; // "raised questions about whether …": the noun
        }
        for (int x = v + 1; x < s.endToken && x - v <= 4; x++) {
            Token t = tk.get(x);
            if (QUESTION_WORDS.contains(t.lower)) {
                return x + MIN_CLAUSE_WORDS < s.endToken ? x : -1;
            }
            if (!t.isWord() || t.quote >= 0 || t.is("to") || t.lower.equals("questions")) {
                return -1;
            }
        }
        return -1;
    }

    /** The report a is the object of a prepositional-object verb ("called for a ban"), see {@link #prepositionalObject}. */
    private boolean objectReport(Document doc, Attribution a) {
        int v = a.cueToken;
        if (v < 0 || v + 2 >= doc.tokens.size() || doc.tokens.get(v + 2).start != a.start) {
            return false;
        }
        Lexicon.Verb verb = cues.verb(doc.tokens.get(v));
        return verb != null && PREPOSITIONAL_OBJECT_VERBS.contains(verb.base() + ":" + doc.tokens.get(v + 1).lower);
    }

    /**
     * "called for a ban on …", "warned of the risk of …", "pointed to the poll": a finite speech verb whose preposition
     * introduces what was demanded, warned of or cited (prepositional-object-verbs). The index of the first word of the
     * object, which is the report, or -1.
     */
    private static int prepositionalObject(Document doc, Sentence s, int v, Lexicon.Verb verb) {
        List<Token> tk = doc.tokens;
        if (verb.form() != Lexicon.Verb.Form.FINITE || v + 1 + MIN_CLAUSE_WORDS >= s.endToken
                || !PREPOSITIONAL_OBJECT_VERBS.contains(verb.base() + ":" + tk.get(v + 1).lower)) {
            return -1;
        }
        Token t = tk.get(v + 2);
        return t.isWord() || t.kind == Token.Kind.NUMBER ? v + 2 : -1;
    }

    /**
     * "Pentagon officials say", "they say", "the Teamsters say": the base form of a bare-clause verb right after its subject
     * is a present tense (after "to", "will" or "did" it is not, and no mention ends there).
     */
    private Lexicon.Verb pluralPresent(Document doc, Sentence s, int v) {
        Token t = doc.tokens.get(v);
        if (t.kind != Token.Kind.WORD || t.quote >= 0 || v == s.firstToken) {
            return null;
        }
        Lexicon.Verb base = lexicon.verb(t.lower);
        if (base == null || base.form() != Lexicon.Verb.Form.BASE || !BARE_CLAUSE_VERBS.contains(base.base())) {
            return null;
        }
        if (RELATIVE_PRONOUNS.contains(doc.tokens.get(v - 1).lower) && v - 2 > s.firstToken) {
            // "Republicans who say", "40 percent who say": the antecedent is the subject
            Token a = doc.tokens.get(v - 2);
            return a.kind == Token.Kind.NUMBER || pluralNoun(a) ? base.asFinite() : null;
        }
        int b = v - 1;
        for (int c = 0; c < 2 && b - 1 > s.firstToken && QuoteCueWords.isAdverb(doc.tokens.get(b).lower)
                && !NOT_BEFORE_PRESENT.contains(doc.tokens.get(b).lower); c++) {
            b--; // "voters still say", "Democrats also say"
        }
        Token before = doc.tokens.get(b);
        Mention m = doc.mentionEndingAt(b);
        // a plural name ("Democrats say"); a singular one before a base form is an object ("made Trump claim")
        boolean subject = PLURAL_SUBJECT_PRONOUNS.contains(before.lower) || before.is("%") // "26% say"
                || m != null && m.type != EntityType.PERSON
                && before.lower.endsWith("s") && !m.possessive
                || AGENT_WORDS.contains(before.lower) && before.lower.endsWith("s") // "Pentagon officials say"
                || pluralSubjectEnd(doc, s, b, m); // "analysts say", "67 percent of voters say", "Aides to X say"
        return subject ? base.asFinite() : null;
    }

    /**
     * The word before a base-form verb ends a plural subject: a plural noun ("analysts", "those surveyed" is in the
     * list), a number or share ("47 percent", "six in 10", "a third"), or a person named after a preposition
     * inside a plural phrase ("aides to X"). Not after "to", a modal or auxiliary, or a causative ("made X say").
     */
    private boolean pluralSubjectEnd(Document doc, Sentence s, int b, Mention m) {
        List<Token> tk = doc.tokens;
        Token before = tk.get(b);
        if (b > s.firstToken && NOT_BEFORE_PRESENT.contains(tk.get(b - 1).lower) && m == null
                || NOT_BEFORE_PRESENT.contains(before.lower) || before.kind == Token.Kind.POSSESSIVE) {
            return false;
        }
        if (m != null && m.type == EntityType.PERSON) {
            // "aides to Clinton say": the name is the object of a preposition inside the subject
            int p = m.phraseStart - 1;
            return p > s.firstToken && QuoteCueWords.isPreposition(tk.get(p).lower)
                    && tk.get(p - 1).isWord() && tk.get(p - 1).lower.endsWith("s");
        }
        return before.kind == Token.Kind.NUMBER || pluralNoun(before);
    }

    /** A plural noun ("analysts", "Republicans") or a word ending a plural subject without -s ("percent"). */
    private static boolean pluralNoun(Token t) {
        String w = t.lower;
        return PLURAL_SUBJECT_WORDS.contains(w) || t.kind == Token.Kind.WORD && w.length() > 3 && w.endsWith("s")
                && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && !NOT_PLURAL.contains(w);
    }

    /**
     * "The Clinton campaign said", "Trump's lawyers said", "Pentagon officials said", "a senior Treasury official
     * said": the campaign, aides or officials of a named person or organization speak for it. Returns a mention
     * from the name to the agent word, resolved to the name's entity, or null.
     */
    private Mention agentOf(Document doc, Sentence s, int v) {
        List<Token> tk = doc.tokens;
        int j = Cues.beforeAdverbs(tk, v - 1, s.firstToken, 3);
        if (j <= s.firstToken || !AGENT_WORDS.contains(tk.get(j).lower)) {
            return null;
        }
        int k = j - 1;
        for (int c = 0; c < 2 && k > s.firstToken && AGENT_MODIFIERS.contains(tk.get(k).lower); c++) {
            k--; // "a senior Treasury official", "Trump's top aides"
        }
        if (k >= s.firstToken && tk.get(k).kind == Token.Kind.POSSESSIVE) {
            k--;
        }
        Mention name = doc.mentionEndingAt(k);
        if (name == null || name.kind != Mention.Kind.NAME || name.entity == null
                || name.type != EntityType.PERSON && name.type != EntityType.ORGANIZATION) {
            return null;
        }
        Mention m = new Mention(Mention.Kind.DESCRIPTION, name.firstToken, j + 1, name.start, tk.get(j).end,
                doc.text.substring(name.start, tk.get(j).end));
        m.type = name.type;
        m.entity = name.entity;
        return m;
    }

    /**
     * "Republicans who say the law failed", "40 percent who said they …": a relative clause reports what its
     * unnamed antecedent says; the cue attaches to "who", so the mention runs from the antecedent phrase to it.
     * Null when "who" does not stand right before the verb (adverbs between) or the antecedent names no source.
     */
    private Mention relativeSubject(Document doc, Sentence s, int v) {
        List<Token> tk = doc.tokens;
        int w = Cues.beforeAdverbs(tk, v - 1, s.firstToken, 2);
        if (w <= s.firstToken || !RELATIVE_PRONOUNS.contains(tk.get(w).lower)) {
            return null;
        }
        int end = tk.get(w - 1).is(",") ? w - 1 : w;
        int from = end;
        while (from - 1 >= s.firstToken && end - from < ANTECEDENT_MAX && antecedentWord(tk.get(from - 1))) {
            from--;
            if (DETERMINERS.contains(tk.get(from).lower)) {
                break; // "the voters who": the determiner opens the noun phrase
            }
        }
        Mention antecedent = from < end ? source(doc, phrases.resolve(doc, from, end)) : null;
        if (antecedent == null || antecedent.kind == Mention.Kind.PRONOUN || antecedent.endToken != end) {
            return null;
        }
        Token t = tk.get(w);
        if (antecedent.entity != null) {
            Mention m = new Mention(Mention.Kind.PRONOUN, w, w + 1, t.start, t.end, t.text);
            m.type = antecedent.type;
            m.entity = antecedent.entity;
            return m;
        }
        Mention m = new Mention(Mention.Kind.DESCRIPTION, antecedent.firstToken, w + 1, antecedent.start, t.end,
                doc.text.substring(antecedent.start, t.end));
        m.type = antecedent.type;
        return m;
    }

    private static final int ANTECEDENT_MAX = 6;

    /**
     * "As Roe noted, the bridge is closed", "As officials said Monday, …": a sentence opening with "as", its subject
     * and the speech verb and a comma reports the words after the comma (time words may stand before the comma).
     * Returns the index of that comma, or -1.
     */
    private static int asCueComma(Document doc, Sentence s, Mention subject, int v) {
        List<Token> tk = doc.tokens;
        int p = Math.min(subject.phraseStart, subject.firstToken) - 1;
        if (p != s.firstToken || !AS_OPENERS.contains(tk.get(p).lower)) {
            return -1;
        }
        int x = v + 1;
        while (x < s.endToken && x - v <= 3 && (TIME_WORDS.contains(tk.get(x).lower) || DAYS.contains(tk.get(x).lower))) {
            x++; // "As officials said Monday, …"
        }
        return x + 1 < s.endToken && tk.get(x).is(",") && tk.get(x + 1).isWord() ? x : -1;
    }

    /**
     * The comma after which the main clause of the sentence begins, a subject pronoun or a name opening it ("While he
     * said he broke into the account of Jane Roe, a former aide, he never …"); the sentence end when there is none.
     */
    private static int mainClauseComma(Document doc, Sentence s, int c) {
        List<Token> tk = doc.tokens;
        for (int i = c + 1; i + 1 < s.endToken; i++) {
            if (tk.get(i).is(";")) {
                return i;
            }
            if (tk.get(i).is(",") && (SUBJECT_PRONOUNS.contains(tk.get(i + 1).lower)
                    || SUBJECT_PRONOUNS.contains(contractionStem(tk.get(i + 1).lower))
                    || doc.mentionStartingAt(i + 1) != null && tk.get(i + 1).isCapitalized())) {
                return i;
            }
        }
        return s.endToken;
    }

    /**
     * "While he said he would hold a hearing, the bill is stalled", "Although aides say the plan is ready, …": a report
     * inside a subordinate clause ends at the comma that closes that clause.
     */
    private static boolean subordinate(Document doc, Sentence s, Mention subject) {
        int p = Math.min(subject.phraseStart, subject.firstToken) - 1;
        return p >= s.firstToken && p < subject.firstToken && SUBORDINATORS.contains(doc.tokens.get(p).lower);
    }

    /** A word of a noun phrase before "who": no preposition, verb, conjunction or relative word. */
    private boolean antecedentWord(Token t) {
        return (t.isWord() || t.kind == Token.Kind.NUMBER || t.kind == Token.Kind.POSSESSIVE || t.is("-"))
                && t.quote < 0 && !t.quoteMark && !QuoteCueWords.isPreposition(t.lower) && cues.verb(t) == null
                && !pastTense(t) && !RELATIVE_WORDS.contains(t.lower) && !COORDINATORS.contains(t.lower)
                && !AUXILIARIES.contains(t.lower) && !PASSIVE_AUXILIARIES.contains(t.lower);
    }

    /**
     * The speaker is the relative pronoun of "X, who said …" or "voters who say …": the report is the relative
     * clause, which ends at the next comma ("Jane Roe, who said the mayor lied, recounted …").
     */
    private static boolean relative(Document doc, Mention subject) {
        return RELATIVE_PRONOUNS.contains(doc.tokens.get(subject.endToken - 1).lower);
    }

    /**
     * "vowed to block the bill", "urged Congress to act", "called on voters to turn out": a reported promise,
     * appeal or demand; the clause starts at "to" and ends at the next comma. Returns -1 when the verb
     * is not used so, -2 when it is not such a verb.
     */
    private int infinitiveStart(Document doc, Sentence s, int v, Lexicon.Verb verb) {
        List<Token> tk = doc.tokens;
        if (!TO_CLAUSE_VERBS.contains(verb.base())) {
            return -2;
        }
        int x = v + 1;
        if (x < s.endToken && tk.get(x).is("to")) {
            return x;
        }
        if (verb.takesObject() || verb.base().equals("call") && x < s.endToken && tk.get(x).is("on")) {
            for (int y = verb.takesObject() ? x : x + 1; y < s.endToken && y - x <= INFINITIVE_OBJECT_MAX; y++) {
                Token t = tk.get(y);
                if (t.is("to")) {
                    return y > x ? y : -1;
                }
                if (!t.isWord() || cues.verb(t) != null || RELATIVE_WORDS.contains(t.lower)) {
                    break;
                }
            }
        }
        return verb.quoteOnly() ? -1 : -2;
    }

    private static final int INFINITIVE_OBJECT_MAX = 6;

    /** Start of the reported clause after the verb at v, or -1. */
    private int clauseStart(Document doc, Sentence s, int v, Lexicon.Verb verb) {
        List<Token> tk = doc.tokens;
        int inf = infinitiveStart(doc, s, v, verb);
        if (inf != -2) {
            return inf;
        }
        // "that" within a few words: "said Thursday in Brussels that", "told a gathering of allies that"
        boolean objectFirst = v + 1 < s.endToken && DETERMINERS.contains(tk.get(v + 1).lower) && !verb.takesObject();
        for (int x = v + 1; x < s.endToken && x - v <= 9; x++) {
            Token t = tk.get(x);
            if (t.is("that")) {
                if (x > v + 1 && (objectFirst || x + 1 < s.endToken && (AUXILIARIES.contains(tk.get(x + 1).lower)
                        || NEGATED_AUXILIARIES.contains(tk.get(x + 1).lower)))) {
                    break; // "pledged her support to causes that …", "after the meeting that was held": relative
                }
                return x + 1;
            }
            if (SUBJECT_PRONOUNS.contains(t.lower) || SUBJECT_PRONOUNS.contains(contractionStem(t.lower))
                    || AUXILIARIES.contains(t.lower) || NEGATED_AUXILIARIES.contains(t.lower)) {
                break; // "said he could not support a bill that …", "said Obama is overselling the gains that …":
                // this "that" is inside the clause
            }
            if (!t.isWord() && !t.is(".") && t.kind != Token.Kind.POSSESSIVE) {
                break; // (not "told the Post's editorial board that")
            }
            if (cues.verb(t) != null) {
                break;
            }
        }
        int x = v + 1;
        boolean bare = BARE_CLAUSE_VERBS.contains(verb.base());
        if (bare && x + 1 < s.endToken && tk.get(x).is(",") && v - 1 > s.firstToken && interjected(doc, s, v)) {
            // "In the end, Mr. Roe said, union voters …": the cue stands inside the sentence, the rest is the report
            return tk.get(x + 1).isWord() ? x + 1 : -1;
        }
        if (verb.takesObject()) {
            Mention object = doc.mentionStartingAt(x);
            Mention outlet = x + 1 < s.endToken && tk.get(x).is("the") ? doc.mentionStartingAt(x + 1) : null;
            if (object == null && outlet != null && outlet.type == EntityType.ORGANIZATION) {
                object = outlet; // "told the AP her group never worked …"
            }
            if (x < s.endToken && OBJECT_WORDS.contains(tk.get(x).lower) && !tk.get(x).is("the") && !tk.get(x).is("a")) {
                x++;
            } else if (object != null && object.kind == Mention.Kind.NAME && !object.possessive) {
                x = object.endToken; // "Netanyahu told Trump Israel would keep its troops"
                if (x < s.endToken && doc.mentionStartingAt(x) == null && !CLAUSE_STARTERS.contains(tk.get(x).lower)) {
                    return -1;
                }
            } else if (!bare) {
                return -1;
            }
        }
        while (x < s.endToken && (TIME_WORDS.contains(tk.get(x).lower)
                || tk.get(x).is("on") && x + 1 < s.endToken && DAYS.contains(tk.get(x + 1).lower))) {
            x++;
        }
        if (x >= s.endToken) {
            return -1;
        }
        Token t = tk.get(x);
        int afterPhrase = bare ? pronounAfterPhrase(doc, s, x) : -1;
        if (afterPhrase > 0) {
            return afterPhrase; // "said in an interview he would run": the circumstance, then the clause
        }
        if (!bare && !verb.takesObject()) {
            // "announced a plan", "noted the date": without "that" the words after such a verb are mostly its
            // object; a subject pronoun or a noun phrase with its verb still opens a clause ("confirmed he was")
            return SUBJECT_PRONOUNS.contains(t.lower) && !t.is("it") && !t.is("you") || nounPhraseThenVerb(doc, s, x)
                    ? x : -1;
        }
        if (x + 1 < s.endToken && LONE_WORD_ENDS.contains(tk.get(x + 1).lower)
                && (!tk.get(x + 1).is(".") || x + 2 >= s.endToken)) { // (the period of "Mr." does not count)
            return -1; // "he says it, from …": a lone word is an object
        }
        if (DETERMINERS.contains(t.lower) && !verb.base().equals("say")) {
            // "maintained an energetic pace", "mentioned the man who …": a determiner opens an object unless its
            // noun phrase has a verb ("added the vote would be close")
            return nounPhraseThenVerb(doc, s, x) ? x : -1;
        }
        if (CLAUSE_STARTERS.contains(t.lower) || CLAUSE_STARTERS.contains(contractionStem(t.lower))
                || t.kind == Token.Kind.NUMBER
                || doc.mentionStartingAt(x) != null && !t.is("to") || nounPhraseThenVerb(doc, s, x, NOUN_PHRASE_MAX)
                || verb.base().equals("say") && nounPhraseThenVerb(doc, s, x, SAID_NOUN_PHRASE_MAX, true)) {
            return x;
        }
        return -1;
    }

    /**
     * "said in an interview she would run", "said on Tuesday night they were ready": a short prepositional phrase of
     * circumstance after the verb, then a subject pronoun opening the clause. The index of the pronoun, or -1.
     */
    private static int pronounAfterPhrase(Document doc, Sentence s, int x) {
        List<Token> tk = doc.tokens;
        if (!CIRCUMSTANCE_PREPOSITIONS.contains(tk.get(x).lower)) {
            return -1; // not "said of the meeting he had", "complained about the deal they made"
        }
        for (int y = x + 2; y < s.endToken && y - x <= PHRASE_BEFORE_CLAUSE_MAX; y++) {
            Token t = tk.get(y);
            if (!t.isWord() && t.kind != Token.Kind.POSSESSIVE && t.kind != Token.Kind.NUMBER || t.quote >= 0) {
                return -1;
            }
            if (SUBJECT_PRONOUNS.contains(t.lower) && !t.is("it") && !t.is("you") && !t.is("there")
                    || SUBJECT_PRONOUNS.contains(contractionStem(t.lower)) && !t.lower.startsWith("it")) {
                return y + MIN_CLAUSE_WORDS <= s.endToken ? y : -1;
            }
            if (RELATIVE_WORDS.contains(t.lower) || SUBORDINATORS.contains(t.lower) || QUESTION_WORDS.contains(t.lower)
                    || COORDINATORS.contains(t.lower)) {
                return -1; // "said at the school as she sat down"
            }
        }
        return -1;
    }

    /** Prepositions of time, place and medium that open a circumstance after "said" ("said in an interview"). */
    private static final Set<String> CIRCUMSTANCE_PREPOSITIONS = Set.of("in", "on", "at", "during", "after", "before",
            "from", "via", "outside", "inside");

    private static final int PHRASE_BEFORE_CLAUSE_MAX = 6;

    /**
     * "said soybean exports to China had fallen", "said more aid was coming", "said voters wanted change": a
     * short run of plain words (a noun phrase, possibly with a prepositional phrase inside) followed by an
     * auxiliary or a past-tense verb is a clause.
     */
    private boolean nounPhraseThenVerb(Document doc, Sentence s, int x) {
        return nounPhraseThenVerb(doc, s, x, NOUN_PHRASE_MAX);
    }

    /** As above with a noun phrase of at most max words. */
    private boolean nounPhraseThenVerb(Document doc, Sentence s, int x, int max) {
        return nounPhraseThenVerb(doc, s, x, max, false);
    }

    /**
     * As above; with relatives set, the noun phrase may carry a relative clause, whose own verb is skipped ("said
     * parents who adopt would not qualify", "said the bill that passed the House would fail").
     */
    private boolean nounPhraseThenVerb(Document doc, Sentence s, int x, int max, boolean relatives) {
        List<Token> tk = doc.tokens;
        if (QuoteCueWords.isPreposition(tk.get(x).lower) || !tk.get(x).isWord()
                || NON_CLAUSE_OPENERS.contains(tk.get(x).lower) && !(x + 1 < s.endToken && tk.get(x + 1).is("of"))) {
            return false; // "said in a statement …", "told about …", "said goodbye" (but "said much of the aid …")
        }
        if (DETERMINERS.contains(tk.get(x).lower) && x + 1 < s.endToken && pastTense(tk.get(x + 1))) {
            x++; // "the elected officials had": an adjective, not the verb
        }
        for (int y = x + 1; y < s.endToken && y - x <= max; y++) {
            Token t = tk.get(y);
            if (t.kind == Token.Kind.POSSESSIVE) {
                continue; // "said the party's nominee would …"
            }
            if (relatives && y > x && RELATIVE_CLAUSE_WORDS.contains(t.lower) && y + 1 < s.endToken
                    && tk.get(y + 1).isWord() && cues.verb(tk.get(y + 1)) == null) {
                relatives = false;
                y++; // "parents who adopt": the relative pronoun and the relative clause's verb
                continue;
            }
            if (!t.isWord() || RELATIVE_WORDS.contains(t.lower)
                    || cues.verb(t) != null && !DETERMINERS.contains(tk.get(y - 1).lower) && !namePart(doc, s, y)
                    && tk.get(y - 1).kind != Token.Kind.POSSESSIVE) {
                return false; // (a verb form after a determiner is a noun: "none of the emails were")
            }
            if (AUXILIARIES.contains(t.lower) || NEGATED_AUXILIARIES.contains(t.lower)
                    || y > x + 0 && (pastTense(t) || PAST_VERBS.contains(t.lower)) && !tk.get(y - 1).is("the")
                    && !tk.get(y - 1).is("a")
                    || presentTense(tk.get(y - 1), t)) {
                // "denied the charges and sued": a second verb of the subject, no clause; but "which the Kremlin said
                // lasted an hour and included …": the clause of a relative's gap opens with its verb
                return !COORDINATORS.contains(tk.get(y - 1).lower) || pastTense(tk.get(x));
            }
        }
        return false;
    }

    /**
     * "voters want", "the plan costs": a common verb in the present tense after the word before it, the -s form after
     * a singular word, the base form after a plural; never after a determiner or a possessive ("the costs", "his
     * plans", "the party's needs": nouns).
     */
    private static boolean presentTense(Token before, Token t) {
        if (t.kind != Token.Kind.WORD || !PRESENT_VERBS.contains(t.lower) || !Character.isLowerCase(t.text.charAt(0))
                || before.kind != Token.Kind.WORD || DETERMINERS.contains(before.lower)) {
            return false;
        }
        boolean sForm = t.lower.endsWith("s") && PRESENT_VERBS.contains(t.lower.substring(0, t.lower.length() - 1))
                || t.lower.endsWith("es") && PRESENT_VERBS.contains(t.lower.substring(0, t.lower.length() - 2))
                || t.lower.endsWith("ies");
        return sForm != pluralNoun(before) || !sForm && PLURAL_SUBJECT_PRONOUNS.contains(before.lower);
    }

    /** A lower-case word ending in -ed that is not a known non-verb ("need", "red", "bed"). */
    private static boolean pastTense(Token t) {
        return t.kind == Token.Kind.WORD && t.lower.length() > 4 && t.lower.endsWith("ed")
                && Character.isLowerCase(t.text.charAt(0)) && !NOT_PAST_TENSE.contains(t.lower);
    }

    private static final int NOUN_PHRASE_MAX = 6;

    /**
     * After "said" an object is rare ("said a prayer"), so a longer noun phrase before its verb still opens a clause
     * ("said the conviction of a retired general for mishandling secrets is casting a shadow").
     */
    private static final int SAID_NOUN_PHRASE_MAX = 14;

    private Attribution accordingTo(Document doc, Sentence s) {
        List<Token> tk = doc.tokens;
        int i = s.firstToken;
        if (i + 2 < s.endToken && tk.get(i).is("according") && tk.get(i + 1).is("to")) {
            Mention m = accordingSource(doc, i, s.endToken);
            if (m == null) {
                m = unnamedSource(doc, i + 2, s.endToken);
            }
            int comma = m == null ? s.endToken : m.endToken;
            while (comma < s.endToken && comma - i <= ACCORDING_MAX && !tk.get(comma).is(",")) {
                comma++;
            }
            if (m != null && comma < s.endToken && tk.get(comma).is(",")) {
                return build(doc, s, comma + 1, s.endToken, i, m, 0.6);
            }
        }
        return null;
    }

    private static final int ACCORDING_MAX = 16;

    /** "a State Department official who spoke on condition of anonymity": the source is not named. */
    private static boolean anonymous(Document doc, int from, int end) {
        for (int y = from; y < end && y - from <= ACCORDING_MAX; y++) {
            if (ANONYMITY_WORDS.contains(doc.tokens.get(y).lower)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The source after "according to" at i: the speaker named right there ("according to the Pentagon", "according
     * to a statement from X"), else the first person or organization named in the phrase ("according to a CNN
     * tally", "according to figures released by the Labor Department"). Null when none is named ("according to
     * exit polls").
     */
    private Mention accordingSource(Document doc, int i, int end) {
        List<Token> tk = doc.tokens;
        Mention m = cues.mentionAt(doc, i + 2, end);
        if (m != null && m.entity != null) {
            return anonymous(doc, m.endToken, end) ? null : m;
        }
        for (int y = i + 2; y < end && y - i <= ACCORDING_MAX; y++) {
            Token t = tk.get(y);
            if (t.is(",") || t.is(";") || t.quote >= 0 || t.quoteMark) {
                return null;
            }
            Mention n = doc.mentionStartingAt(y);
            if (n != null && n.entity != null && Cues.canSpeak(n)
                    && (n.type == EntityType.PERSON || n.type == EntityType.ORGANIZATION)) {
                return n;
            }
        }
        return null;
    }

    /**
     * "according to officials", "according to a person familiar with the talks", "according to exit polls": the
     * phrase after "according to" at x as an unnamed source, or null.
     */
    private Mention unnamedSource(Document doc, int x, int end) {
        if (x >= end) {
            return null;
        }
        int to = phrases.sourceEnd(doc, x, end);
        return to <= x ? null : source(doc, phrases.resolve(doc, x, to));
    }

    /**
     * The verb at v is the speaker phrase's own cue: right after it (adverbs between), right before it ("said a
     * senior aide"), or after one comma-closed apposition ("officials, speaking Tuesday, said"), never across a dash
     * ("… the leaders — a format Putin suggested").
     */
    private static boolean cueOf(Document doc, Mention m, int v) {
        List<Token> tk = doc.tokens;
        if (v < m.firstToken) {
            return true;
        }
        int y = m.endToken;
        while (y < v && QuoteCueWords.isAdverb(tk.get(y).lower)) {
            y++;
        }
        return y == v || tk.get(m.endToken).is(",") && tk.get(v - 1).is(",");
    }

    /** "CLAUSE, X said." */
    private Attribution clauseThenCue(Document doc, Sentence s) {
        List<Token> tk = doc.tokens;
        int end = s.endToken;
        while (end > s.firstToken && !tk.get(end - 1).isWord()) {
            end--;
        }
        for (int comma = end - 2; comma > s.firstToken && end - comma <= CLOSING_CUE_MAX; comma--) {
            if (tk.get(comma).isWord() && tk.get(comma).quote < 0 && comma - s.firstToken >= MIN_CLAUSE_WORDS
                    && tk.get(comma + 1).is("according") && comma + 2 < end && tk.get(comma + 2).is("to")) {
                // "Clinton leads by 271 delegates according to an AP count": no comma before "according to"
                Mention m = accordingSource(doc, comma + 1, end);
                if (m == null) {
                    m = unnamedSource(doc, comma + 3, end);
                }
                if (m != null && beforeQuote(doc, s.firstToken, comma + 1) == comma + 1) {
                    return build(doc, s, s.firstToken, comma + 1, comma + 1, m, 0.55);
                }
                continue;
            }
            if (!tk.get(comma).is(",") || tk.get(comma - 1).kind == Token.Kind.NUMBER
                    && tk.get(comma + 1).kind == Token.Kind.NUMBER) {
                continue; // (not the comma of "300,000")
            }
            Cues.Found f = cues.speakerThenVerb(doc, comma + 1, end);
            if (f == null && tk.get(comma + 1).is("according") && comma + 2 < end && tk.get(comma + 2).is("to")) {
                Mention m = accordingSource(doc, comma + 1, end);
                if (m == null) {
                    m = unnamedSource(doc, comma + 3, end);
                }
                if (m != null && beforeQuote(doc, s.firstToken, comma) == comma) {
                    return build(doc, s, s.firstToken, comma, comma + 1, m, 0.55); // "…, according to a CNN tally."
                }
                continue;
            }
            if (f == null) {
                f = cues.verbThenSpeaker(doc, comma + 1, end);
            }
            if (f != null && f.verb() == comma + 1 && f.speaker().kind == Mention.Kind.PRONOUN) {
                f = null; // "X, a voter from Ohio, said she wanted …": news never writes "said she" as a closing cue
            }
            if (f == null || f.speaker().entity == null) {
                // "…, officials said.", "…, said a senior aide."
                Cues.Found p = phrases.after(doc, comma + 1, end);
                Mention m = p == null ? null : source(doc, p.speaker());
                if (m != null && (m.entity != null || phrases.plainPhrase(doc, m.firstToken, m.endToken))
                        && cueOf(doc, m, p.verb()) && !namePart(doc, s, p.verb())
                        && (m.entity != null || !NOUN_VERBS.contains(tk.get(p.verb()).lower))) {
                    f = new Cues.Found(m, p.verb());
                }
            }
            boolean plural = false;
            if (f == null) {
                f = pluralClosingCue(doc, s, comma + 1, end);
                plural = f != null;
            }
            // "…, political scientists say.": the base form read after the comma is the present tense of a plural
            // phrase (not after a modal: "…, Trump will insist on it")
            Lexicon.Verb verb = f == null ? null : plural || cues.verb(tk.get(f.verb())) == null
                    ? pluralPresent(doc, s, f.verb()) : cues.verb(tk.get(f.verb()));
            boolean reporting = verb != null && !verb.quoteOnly()
                    && (BARE_CLAUSE_VERBS.contains(verb.base()) || END_CUE_VERBS.contains(verb.base()))
                    || f != null && tk.get(f.verb()).is("according"); // "…, according to X."
            if (f != null && reporting && source(doc, f.speaker()) != null && cueEndsSentence(doc, f, end)
                    && beforeQuote(doc, s.firstToken, comma) == comma && !quoteFollows(doc, f, s.endToken)) {
                return build(doc, s, s.firstToken, comma, f.verb(), f.speaker(), 0.55);
            }
        }
        return null;
    }

    /** How far before the sentence end the comma of a closing cue may stand ("…, X said, a policy that …"). */
    private static final int CLOSING_CUE_MAX = 40;

    /**
     * "…, experts say.", "…, legal experts say.": a plural present closing the sentence; the phrase from x to the
     * base-form verb right before the end is the speaker.
     */
    private Cues.Found pluralClosingCue(Document doc, Sentence s, int x, int end) {
        List<Token> tk = doc.tokens;
        int v = end - 1;
        if (v - x < 1 || v - x > SpeakerPhrases.MAX_PHRASE || pluralPresent(doc, s, v) == null
                || !phrases.plainPhrase(doc, x, v) || namePart(doc, s, v)) {
            return null;
        }
        Mention m = source(doc, phrases.resolve(doc, x, v));
        return m == null ? null : new Cues.Found(m, v);
    }

    /** ", said one source in the room.": the verb at v is followed by its speaker phrase to the sentence end. */
    private boolean invertedClosingCue(Document doc, Sentence s, int v) {
        int end = s.endToken;
        while (end > v + 1 && !doc.tokens.get(end - 1).isWord()) {
            end--;
        }
        Cues.Found f = phrases.after(doc, v, end);
        return f != null && f.verb() == v && v + 1 < end && !SUBJECT_PRONOUNS.contains(doc.tokens.get(v + 1).lower)
                && !nounPhraseThenVerb(doc, s, v + 1, SAID_NOUN_PHRASE_MAX); // (not "…, Roe said the talks failed")
    }

    /**
     * "Asked about it, she replied, "No."": a quotation after the cue is what the cue introduces; but in "The talks
     * will resume, Roe said, adding, "…"" the quotation is the participle's, and the clause before is the report.
     */
    private boolean quoteFollows(Document doc, Cues.Found f, int end) {
        List<Token> tk = doc.tokens;
        for (int i = Math.max(f.verb() + 1, f.speaker().endToken); i < end; i++) {
            if (tk.get(i).quote >= 0 || tk.get(i).quoteMark) {
                return true;
            }
            Lexicon.Verb v = tk.get(i - 1).is(",") || tk.get(i - 1).is("and") ? cues.verb(tk.get(i)) : null;
            if (v != null && i - 1 > f.verb() && (v.form() == Lexicon.Verb.Form.PARTICIPLE || tk.get(i - 1).is("and"))) {
                return false; // ", adding, "…"", "and added: "…"": the quotation has a cue of its own
            }
        }
        return false;
    }

    /** After the cue only a few words or an apposition (", a law professor at …") may follow. */
    private static boolean cueEndsSentence(Document doc, Cues.Found f, int end) {
        int after = Math.max(f.verb() + 1, f.speaker().endToken);
        return end - after <= 5 || doc.tokens.get(after).is(",") || CUE_FOLLOWERS.contains(doc.tokens.get(after).lower);
    }

    /**
     * The speaker phrase before the verb at v ("officials said", "a senior aide said"), also a lone capitalised
     * plural opening the sentence ("Prosecutors said"). A phrase after "and" (no comma before it) is half of a
     * joint subject: the whole of it speaks when nobody in it is named ("Federal and state officials said"); with a
     * name in it ("Trump and European leaders urged") no one speaker can be given. ("…, and officials said" opens
     * a clause of its own.)
     */
    private Mention unnamedBefore(Document doc, Sentence s, int v) {
        List<Token> tk = doc.tokens;
        Mention m = phrases.before(doc, s, v);
        int w = Cues.beforeAdverbs(tk, v - 1, s.firstToken, 2);
        if (m == null && w - 1 >= s.firstToken && tk.get(w - 1).is("those") && pastTense(tk.get(w))
                && PLURAL_SUBJECT_WORDS.contains(tk.get(w).lower)) {
            // "those surveyed say": a past participle after "those" names the people asked
            return new Mention(Mention.Kind.DESCRIPTION, w - 1, w + 1, tk.get(w - 1).start, tk.get(w).end,
                    doc.text.substring(tk.get(w - 1).start, tk.get(w).end));
        }
        if (m == null && v - 1 == s.firstToken) {
            Token t = tk.get(v - 1);
            if (t.kind == Token.Kind.WORD && t.lower.length() > 3 && t.lower.endsWith("s") && !t.lower.endsWith("ss")
                    && !NO_SOURCE_WORDS.contains(t.lower) && !SUBJECT_PRONOUNS.contains(t.lower)) {
                return new Mention(Mention.Kind.DESCRIPTION, v - 1, v, t.start, t.end, t.text);
            }
        }
        if (m == null || m.entity != null || m.firstToken - 1 <= s.firstToken
                || !COORDINATORS.contains(tk.get(m.firstToken - 1).lower) || tk.get(m.firstToken - 2).is(",")) {
            return m;
        }
        Mention first = phrases.before(doc, s, m.firstToken - 1);
        if (first == null || first.entity != null || first.endToken != m.firstToken - 1) {
            return null;
        }
        Mention joint = phrases.resolve(doc, first.firstToken, m.endToken);
        return joint == null || joint.entity != null ? null : joint;
    }

    /**
     * The clause ends before a second report of the sentence: a comma, perhaps "and"/"but"/"while", a short speaker
     * phrase and its speech verb ("…, and three-quarters said …", "…, another says …"), or a comma and a speech
     * participle ("…, saying …", "…, adding that …": the subject's next report).
     */
    private int beforeNextCue(Document doc, int from, int to) {
        return beforeNextCue(doc, from, to, true);
    }

    /** As above; the participle only when participles is set. */
    private int beforeNextCue(Document doc, int from, int to, boolean participles) {
        List<Token> tk = doc.tokens;
        for (int i = from + MIN_CLAUSE_WORDS; i + 2 < to; i++) {
            if (!tk.get(i).is(",") || tk.get(i).quote >= 0) {
                continue;
            }
            Lexicon.Verb participle = cues.verb(tk.get(i + 1));
            if (participles && participle != null && participle.form() == Lexicon.Verb.Form.PARTICIPLE && !participle.quoteOnly()) {
                return i; // "…, saying …": the participle's report of its own
            }
            int p = i + 1;
            if (COORDINATORS.contains(tk.get(p).lower) || tk.get(p).is("but") || CONTRASTS.contains(tk.get(p).lower)) {
                p++;
            }
            for (int v = p + 1; v < to && v - p <= SECOND_CUE_PHRASE; v++) {
                Lexicon.Verb verb = cues.verbAt(doc, v);
                if (verb != null && verb.form() == Lexicon.Verb.Form.FINITE && !verb.quoteOnly()
                        && BARE_CLAUSE_VERBS.contains(verb.base())) {
                    if (phrases.plainPhrase(doc, p, v)) {
                        return i;
                    }
                    break;
                }
            }
        }
        return to;
    }

    private static final int SECOND_CUE_PHRASE = 6;

    /**
     * "suggested her cycle was to blame, called her "third-rate" and …": a comma followed by a past-tense verb of the
     * subject's before the quotation ends the report (the last such comma before q), or q.
     */
    private int beforeNextVerb(Document doc, int from, int q) {
        List<Token> tk = doc.tokens;
        for (int i = q - 2; i >= from + MIN_CLAUSE_WORDS; i--) {
            Token t = tk.get(i);
            if (t.is(",") && t.quote < 0) {
                Token n = tk.get(i + 1);
                Lexicon.Verb verb = cues.verb(n);
                boolean finite = verb != null ? verb.form() == Lexicon.Verb.Form.FINITE : pastTense(n);
                return finite && Character.isLowerCase(n.text.charAt(0)) ? i : q;
            }
        }
        return q;
    }

    /**
     * "He said he had not seen the video, and when asked whether …", "…, but as the vote neared …", "…, but she did
     * not say when": a comma and a coordinator followed by a subordinate clause, or "but" and a subject pronoun, start
     * the writer's next part of the sentence, not more of the report.
     */
    private static int beforeWritersClause(Document doc, int from, int to) {
        List<Token> tk = doc.tokens;
        for (int i = from + MIN_CLAUSE_WORDS; i + 2 < to; i++) {
            Token t = tk.get(i);
            if (t.quote >= 0 || !t.is(",")) {
                continue;
            }
            Token next = tk.get(i + 1);
            Token after = tk.get(i + 2);
            if ((COORDINATORS.contains(next.lower) || next.is("but")) && (SUBORDINATORS.contains(after.lower)
                    || next.is("but") && SUBJECT_PRONOUNS.contains(after.lower))) {
                return i;
            }
            if (next.is("but") && after.isWord() && Character.isLowerCase(after.text.charAt(0))
                    && after.lower.endsWith("ed") && after.lower.length() > 4) {
                return i; // "he had voted for Rubio, but cautioned against …": the speaker's next act, its own report
            }
        }
        return to;
    }

    /** "he'd" -> "he", "they’ll" -> "they": the word before a contracted auxiliary; else the word itself. */
    private static String contractionStem(String lower) {
        int a = Math.max(lower.indexOf('\''), lower.indexOf('\u2019'));
        return a > 0 && CONTRACTIONS.contains(lower.substring(a + 1)) ? lower.substring(0, a) : lower;
    }

    /**
     * "In the end, X said, CLAUSE": the cue comes after an opening phrase closed by a comma, so the clause follows
     * the comma after the verb (a bounded look back for that comma before the subject).
     */
    private static boolean interjected(Document doc, Sentence s, int v) {
        return interjectionComma(doc, s, v) > 0;
    }

    /** The comma before the subject of an interjected cue at v ("In the end, X said, …"), or -1. */
    private static int interjectionComma(Document doc, Sentence s, int v) {
        List<Token> tk = doc.tokens;
        for (int k = v - 1; k > s.firstToken && v - k <= SpeakerPhrases.MAX_PHRASE; k--) {
            Token t = tk.get(k);
            if (t.is(",")) {
                return k;
            }
            if (t.quote >= 0 || t.quoteMark || !t.isWord() && t.kind != Token.Kind.POSSESSIVE && !t.is(".")) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * "Bob, they said, ordered them to wait", "A wall would stop the smugglers, she said, but also the drugs": the
     * words before an interjected cue belong to the report too, so the report has two parts, the opening up to the
     * comma before the speaker and the clause after the cue. The opening must hold no quotation.
     */
    private static Attribution withOpening(Document doc, Sentence s, Attribution a, int comma) {
        List<Token> tk = doc.tokens;
        if (comma <= s.firstToken) {
            return a;
        }
        for (int i = s.firstToken; i < comma; i++) {
            if (tk.get(i).quote >= 0 || tk.get(i).quoteMark) {
                return a;
            }
        }
        int from = tk.get(s.firstToken).start;
        int to = tk.get(comma - 1).end;
        Attribution b = new Attribution(from, a.end, QuoteType.INDIRECT, null);
        b.spans.add(new QuoteSpan(from, to, from, to, s.paragraph));
        b.spans.add(new QuoteSpan(a.start, a.end, a.start, a.end, s.paragraph));
        b.takeSpeakerOf(a);
        b.sentenceStart = a.sentenceStart;
        b.sentenceEnd = a.sentenceEnd;
        return b;
    }

    /** "the United States", "the Gulf States": a capitalised verb form inside the sentence belongs to a name. */
    private static boolean namePart(Document doc, Sentence s, int v) {
        return v > s.firstToken && Character.isUpperCase(doc.tokens.get(v).text.charAt(0));
    }

    /** "it was reported that", "he was told": a passive verb has no speaker before it. */
    private static boolean passive(Document doc, Sentence s, int v) {
        int j = v - 1;
        for (int c = 0; c < 2 && j > s.firstToken && QuoteCueWords.isAdverb(doc.tokens.get(j).lower); c++) {
            j--;
        }
        return j >= s.firstToken && PASSIVE_AUXILIARIES.contains(doc.tokens.get(j).lower);
    }

    /**
     * The speaker phrase as a source, or null: a resolved mention, or a description of a source the text does not
     * name ("officials", "a senior aide", "two people familiar with the talks"); words that describe no source at
     * all ("someone", "some", "many", "people") are no source, and an unresolved pronoun is no speaker.
     */
    private Mention source(Document doc, Mention m) {
        if (m == null || m.entity != null) {
            return m;
        }
        if (m.kind == Mention.Kind.PRONOUN) {
            return null;
        }
        Token first = doc.tokens.get(m.firstToken);
        Token last = doc.tokens.get(m.endToken - 1);
        if (QuoteCueWords.isPreposition(last.lower) || DETERMINERS.contains(last.lower)
                || m.endToken - m.firstToken == 1 && NON_CLAUSE_OPENERS.contains(first.lower)) {
            return null; // "delegates from [states …]", "said little": no noun phrase that names a source
        }
        if (first.lower.endsWith("ing") && first.lower.length() > 4 && Character.isLowerCase(first.text.charAt(0))
                && m.endToken - m.firstToken > 1 && DETERMINERS.contains(doc.tokens.get(m.firstToken + 1).lower)) {
            return null; // "endorsing his baseless claims that …": a participle clause, not a noun phrase
        }
        List<String> words = new java.util.ArrayList<>();
        for (String w : m.text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}']+")) { // ("42%" speaks)
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        if (words.isEmpty() || NO_SOURCE_WORDS.containsAll(words)) {
            return null;
        }
        return m;
    }

    private Attribution build(Document doc, Sentence s, int from, int to, int verb, Mention speaker, double conf) {
        List<Token> tk = doc.tokens;
        to = beforeQuote(doc, from, to);
        if (from > verb) {
            to = beforeNextCue(doc, from, to);
            to = beforeWritersClause(doc, from, to);
        }
        while (to > from && !tk.get(to - 1).isWord()) {
            to--;
        }
        int words = 0;
        for (int i = from; i < to; i++) {
            if (tk.get(i).isWord()) {
                words++;
            }
        }
        if (words < MIN_CLAUSE_WORDS || OBJECT_GAP_VERBS.contains(tk.get(to - 1).lower) && !relativeGap(doc, from, to)) {
            return null; // too short, or "a format Putin suggested he would like": a relative clause with a gap
        }
        for (int i = from + 1; i + 1 < to && i - from < 4; i++) {
            if (OBJECT_GAP_VERBS.contains(tk.get(i).lower) && tk.get(i + 1).is("as")) {
                return null; // "a speech that aides described as combative": the object is the noun before "that"
            }
        }
        Attribution a = new Attribution(tk.get(from).start, tk.get(to - 1).end, QuoteType.INDIRECT, null);
        a.cueToken = verb;
        a.cueStart = tk.get(verb).start;
        a.cueEnd = tk.get(verb).end;
        a.speakerMention = speaker;
        a.speaker = speaker.entity;
        a.sentenceStart = s.start;
        a.sentenceEnd = s.end;
        a.confidence = conf;
        return a;
    }

    /**
     * "…never generated the cooperation that presidents expect": the verb ending the clause at to - 1 has its object
     * gap in a relative clause of the report itself (a relative word a few words before it, inside the report).
     */
    private static boolean relativeGap(Document doc, int from, int to) {
        for (int i = to - 2; i > from && to - i <= RELATIVE_GAP_MAX; i--) {
            if (RELATIVE_CLAUSE_WORDS.contains(doc.tokens.get(i).lower)) {
                return true;
            }
        }
        return false;
    }

    private static final int RELATIVE_GAP_MAX = 5;

    /**
     * Named word classes read from a lexicon resource: {@code [section]} lines, then blank-separated words;
     * {@code #} starts a comment line.
     */
    static final class WordClasses {
        private final java.util.Map<String, Set<String>> sections = new java.util.HashMap<>();

        static WordClasses load(String name) {
            String path = "/io/quotewire/extraction/lexicon/" + name;
            WordClasses w = new WordClasses();
            try (java.io.InputStream in = IndirectSpeechFinder.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + path);
                }
                java.io.BufferedReader r = new java.io.BufferedReader(
                        new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                Set<String> current = null;
                String line;
                while ((line = r.readLine()) != null) {
                    line = line.strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    if (line.startsWith("[") && line.endsWith("]")) {
                        current = w.sections.computeIfAbsent(line.substring(1, line.length() - 1),
                                k -> new java.util.HashSet<>());
                    } else if (current != null) {
                        for (String word : line.split("\\s+")) {
                            current.add(Lexicon.key(word));
                        }
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return w;
        }

        /** The words of a section (unmodifiable); fails on a section the file does not have. */
        Set<String> get(String section) {
            Set<String> s = sections.get(section);
            if (s == null) {
                throw new IllegalStateException("no section [" + section + "] in the indirect-speech word list");
            }
            return java.util.Collections.unmodifiableSet(s);
        }
    }
}
