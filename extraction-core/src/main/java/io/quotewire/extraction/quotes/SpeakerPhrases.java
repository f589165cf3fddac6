package io.quotewire.extraction.quotes;

import io.quotewire.extraction.EntityType;
import io.quotewire.extraction.entities.QuoteCueWords;
import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.Mention;
import io.quotewire.extraction.pipeline.Sentence;
import io.quotewire.extraction.pipeline.Token;

import java.util.List;

/**
 * Reads the speaker of a speech cue from the words the cue's grammar puts there, whether or not the name finder
 * recognised them: in {@code "…," PHRASE said} and {@code "…," said PHRASE} the words between the quote and the
 * verb (or after the verb, to the end of the clause) are the speaker, and in {@code PHRASE said, "…"} the words
 * before the verb back to the clause boundary.
 * <p>The phrase is then resolved: a person named in it that is its head (not a possessive, not after a
 * preposition: "super PAC spokeswoman Jane Roe" is Jane Roe, "Obama's former strategist" is not Obama), else a
 * resolved pronoun or description, else an organization named as its head, else the phrase itself as an unnamed
 * source ("a senior campaign adviser", "federal prosecutors"), which has no entity.
 * <p>Used by {@link QuoteAttributor} after its name-based cues found nothing. Every scan is bounded.
 */
final class SpeakerPhrases {
    /** Longest speaker phrase, in tokens ("former Massachusetts congressman Barney Frank"). */
    static final int MAX_PHRASE = 10;
    /** How far after a quote the verb of a "PHRASE said" cue may stand. */
    static final int MAX_VERB_DISTANCE = 14;
    /** … or after a comma-opened apposition ("Trump, the front-runner and polling leader in …, said"). */
    static final int MAX_APPOSITION_DISTANCE = 40;

    private final Cues cues;
    /** Words that open or join clauses, so never stand inside a speaker phrase (clause-words.txt). */
    private final java.util.Set<String> clauseWords = Lexicon.wordSet("clause-words.txt");

    SpeakerPhrases(Cues cues) {
        this.cues = cues;
    }

    /**
     * A cue right after a quote: {@code , PHRASE said} or {@code , said PHRASE}, starting at token x (after the
     * closing mark and its comma) and ending before {@code end}.
     */
    Cues.Found after(Document doc, int x, int end) {
        List<Token> tk = doc.tokens;
        if (x >= end || tk.get(x).quote >= 0 || tk.get(x).quoteMark) {
            return null;
        }
        if (finiteVerb(doc, x) && !cues.verbAt(doc, x).takesObject()) {
            // said former congressman Jane Roe.  /  said a senior adviser, who …  (never "told CNN": the addressee)
            int to = phraseEnd(doc, x + 1, end);
            Mention m = resolve(doc, x + 1, to);
            return m == null ? null : new Cues.Found(m, x);
        }
        boolean apposition = false;
        for (int v = x + 1; v < end && v - x <= (apposition ? MAX_APPOSITION_DISTANCE : MAX_VERB_DISTANCE); v++) {
            Token t = tk.get(v);
            apposition |= t.is(",");
            if ((t.quote >= 0 || t.quoteMark) && !apposition || t.is(";") || t.is(":")) {
                return null; // (a title inside an apposition, "X, wearing a \"Cruz\" pin, said", is fine)
            }
            if (t.quote >= 0 || t.quoteMark) {
                continue;
            }
            if (!finiteVerb(doc, v)) {
                continue;
            }
            int to = Cues.beforeAdverbs(tk, v - 1, x, 4) + 1;
            Mention named = doc.mentionEndingAt(to - 1);
            if (apposition && named != null && named.kind == Mention.Kind.NAME && named.entity != null
                    && named.entity.type == EntityType.PERSON && !named.possessive && named.phraseStart > x
                    && tk.get(named.phraseStart - 1).is(",")) {
                // "…," the dawn of the movement, Bozell says: a person named right before the verb, after a comma
                return new Cues.Found(named, v);
            }
            // an apposition closes before the verb: the speaker is the words before its first comma
            for (int k = x; k < to; k++) {
                if (tk.get(k).is(",") || tk.get(k).is("(") || tk.get(k).is("\u2014")) {
                    to = k;
                    break;
                }
            }
            if (to <= x || to - x > MAX_PHRASE || !startsPhrase(tk.get(x)) || tk.get(x).lower.endsWith("ing")) {
                return null;
            }
            for (int k = x; k < to; k++) {
                Token w = tk.get(k);
                if (w.isWord() && !w.is("and") && (clauseWords.contains(w.lower) || cues.verb(w) != null)) {
                    return null; // "citing a case in which a Marine was found": a clause, not a speaker
                }
            }
            Mention m = resolve(doc, x, to);
            return m == null ? null : new Cues.Found(m, v);
        }
        return null;
    }

    /**
     * A cue in the sentence after a quote that ended its own sentence ({@code "…." She said.} / {@code "…." Trump
     * wrote on Twitter.}): the reporting clause must be all the sentence, its verb followed by nothing but adverbs or
     * a prepositional phrase; {@code "…." She noted a planned rally} is a new statement, not the quote's cue.
     */
    Cues.Found nextSentence(Document doc, Sentence next) {
        List<Token> tk = doc.tokens;
        Cues.Found f = after(doc, next.firstToken, next.endToken);
        if (f == null || f.verb() < 0) {
            return f;
        }
        int end = next.endToken;
        while (end > f.verb() + 1 && !tk.get(end - 1).isWord()) {
            end--;
        }
        int tail = f.verb() + 1;
        if (tail < end && (tk.get(tail).is(",") || tk.get(tail).is(":"))) {
            return f; // "…." He added, "…": the cue of this quote and the next
        }
        Lexicon.Verb verb = cues.verbAt(doc, f.verb());
        if (verb != null && verb.takesObject()) {
            // "…?'" Renteria told reporters during the call.: past the addressee
            Mention addressee = doc.mentionStartingAt(tail);
            tail = addressee != null ? addressee.endToken : tail < end && tk.get(tail).isWord()
                    && Character.isLowerCase(tk.get(tail).text.charAt(0)) ? tail + 1 : tail;
        }
        return tail >= end || f.speaker() != null && f.speaker().firstToken > f.verb()
                || tailIsAdverbs(tk, tail, end) ? f : null;
    }

    /**
     * A reporting clause that closes the sentence after the quote and more of the writer's words:
     * {@code … "grass-roots firepower" they need, a party spokesman said.} The clause follows the sentence's last
     * comma after x and runs to its end.
     */
    Cues.Found closingClause(Document doc, int x, Sentence s) {
        List<Token> tk = doc.tokens;
        int end = s.endToken;
        while (end > x && !tk.get(end - 1).isWord()) {
            end--;
        }
        int commas = 0;
        for (int c = end - 1; c >= x && end - c <= MAX_APPOSITION_DISTANCE; c--) {
            Token t = tk.get(c);
            if (t.quote >= 0 || t.quoteMark) {
                return null;
            }
            if (t.is(",")) {
                // "…, X said." / "…, X said Tuesday." / "…, said X, a strategist for Y."
                Cues.Found f = after(doc, c + 1, end);
                if (f != null && (f.verb() == c + 1 || tailIsAdverbs(tk, f.verb() + 1, end))) {
                    return f;
                }
                if (++commas == 3) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean tailIsAdverbs(List<Token> tk, int from, int end) {
        if (from < end && (QuoteCueWords.isPreposition(tk.get(from).lower) || tk.get(from).is("when")
                || tk.get(from).is("while") || tk.get(from).is("as"))) {
            return true; // "…, X said after the attacks." / "…, X wrote in a court filing."
        }
        for (int i = from; i < end; i++) {
            if (!QuoteCueWords.isAdverb(tk.get(i).lower)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The subject of the speech verb at v, read back from the verb to the clause boundary
     * ({@code Critics of the plan said "…"}, {@code federal prosecutors wrote that it was "…"}).
     */
    Mention before(Document doc, Sentence s, int v) {
        List<Token> tk = doc.tokens;
        int to = Cues.beforeAdverbs(tk, v - 1, s.firstToken - 1, 4) + 1;
        if (to - 1 >= s.firstToken && tk.get(to - 1).is(",")) {
            // "X, a fellow at Y, said": skip one comma-closed apposition back to the phrase before it
            int k = to - 2;
            while (k >= s.firstToken && to - k <= MAX_PHRASE * 2 && !tk.get(k).is(",") && tk.get(k).quote < 0
                    && !tk.get(k).quoteMark) {
                k--;
            }
            if (k < s.firstToken || !tk.get(k).is(",")) {
                return null;
            }
            to = k;
        }
        int from = to;
        if (nounBeforeVerb(tk, to - 1, s.firstToken)) {
            from--; // "the congressional report said", "a news report said": the head noun of the subject
        }
        while (from - 1 >= s.firstToken && to - from < MAX_PHRASE && inPhrase(tk.get(from - 1))) {
            from--;
        }
        Mention antecedent = from < to ? beforeRelativeClause(doc, s, from) : null;
        if (antecedent != null) {
            return antecedent; // "a White House official who spoke anonymously to discuss strategy said"
        }
        if (from + 1 < to && QUANTIFIERS.contains(tk.get(from).lower) && tk.get(from + 1).kind == Token.Kind.NUMBER) {
            return resolve(doc, from, to); // "About 53 percent of Republicans said"
        }
        if (from < to && !startsPhrase(tk.get(from)) && from - 1 >= s.firstToken) {
            // "Another source speaking to Fox News said", "Lawyers for the company said": the speaker is the noun
            // phrase before the modifier
            int k = from;
            if (QuoteCueWords.isPreposition(tk.get(k).lower) && k - 1 >= s.firstToken
                    && tk.get(k - 1).lower.endsWith("ing") && cues.verb(tk.get(k - 1)) != null) {
                k--;
            }
            int head = k;
            while (head - 1 >= s.firstToken && to - head < MAX_PHRASE && inPhrase(tk.get(head - 1))) {
                head--;
            }
            if (head < k && startsPhrase(tk.get(head))) {
                return resolve(doc, head, k);
            }
            return null;
        }
        if (from >= to || !startsPhrase(tk.get(from))) {
            return null;
        }
        return resolve(doc, from, to);
    }

    /** How many words a relative clause between a speaker phrase and its verb may hold ("who spoke on condition …"). */
    private static final int RELATIVE_CLAUSE = 10;

    /**
     * The phrase before a short relative clause that ends at {@code from}: {@code a senior official who spoke
     * anonymously said} gives "a senior official". Only lower-case words stand between "who" and from; null when no
     * "who" opens such a clause or no speaker phrase stands before it.
     */
    private Mention beforeRelativeClause(Document doc, Sentence s, int from) {
        List<Token> tk = doc.tokens;
        for (int w = from - 1; w > s.firstToken && from - w <= RELATIVE_CLAUSE; w--) {
            Token t = tk.get(w);
            if (t.quote >= 0 || t.quoteMark || !t.isWord() || !Character.isLowerCase(t.text.charAt(0))) {
                return null;
            }
            if (t.is("who")) {
                int head = w;
                while (head - 1 >= s.firstToken && w - head < MAX_PHRASE && inPhrase(tk.get(head - 1))) {
                    head--;
                }
                return head < w && startsPhrase(tk.get(head)) ? resolve(doc, head, w) : null;
            }
        }
        return null;
    }

    /**
     * The word at h, right before a speech verb, is the base form of a speech verb used as a noun ("report", "post"),
     * the head of the subject after a word of its phrase ("the new report said"): a lower-case word, after a
     * determiner or a modifier, never after a pronoun or a plural ("they report", "officials report").
     */
    private boolean nounBeforeVerb(List<Token> tk, int h, int floor) {
        if (h - 1 < floor) {
            return false;
        }
        Token t = tk.get(h);
        Token prev = tk.get(h - 1);
        return t.isWord() && t.quote < 0 && !t.isCapitalized() && cues.verb(t) == null && cues.baseVerb(t) != null
                && inPhrase(prev) && prev.isWord() && !PRONOUNS.contains(prev.lower)
                && !(prev.lower.endsWith("s") && !prev.lower.endsWith("ss") && !prev.lower.endsWith("us")
                && !prev.lower.equals("news") && prev.kind != Token.Kind.POSSESSIVE);
    }

    /**
     * The issuer of a written statement that the participle at v follows, a few words of time or address between: the
     * phrase opening the sentence before its past-tense verb ("The town released a statement Wednesday saying …",
     * "His campaign sent out a text message to supporters saying: …"), or null.
     */
    Mention statementIssuer(Document doc, Sentence s, int v) {
        List<Token> tk = doc.tokens;
        int k = v - 1;
        while (k > s.firstToken && v - k <= 4 && tk.get(k).isWord() && tk.get(k).quote < 0
                && !Cues.STATEMENT_WORDS.contains(tk.get(k).lower)) {
            k--;
        }
        if (k <= s.firstToken + 1 || !Cues.STATEMENT_WORDS.contains(tk.get(k).lower)
                || !DETERMINERS_BEFORE_STATEMENT.contains(tk.get(k - 1).lower)
                && !DETERMINERS_BEFORE_STATEMENT.contains(tk.get(k - 2).lower)) {
            return null;
        }
        // the issuing verb: a past tense after the opening phrase ("released", "issued", "sent out")
        int from = s.firstToken;
        for (int y = k - 1; y > s.firstToken; y--) {
            if (tk.get(y).is(",")) {
                from = y + 1; // "Shortly after the call ended, Rubio's campaign sent …": the clause after the comma
                break;
            }
        }
        for (int y = from + 1; y < k - 1 && y - from <= MAX_PHRASE; y++) {
            Token t = tk.get(y);
            if (t.quote >= 0 || !t.isWord() && t.kind != Token.Kind.POSSESSIVE) {
                return null;
            }
            if (y > from && Character.isLowerCase(t.text.charAt(0))
                    && (t.lower.endsWith("ed") || ISSUING_PAST.contains(t.lower))) {
                int to = y;
                while (to - 1 > from && tk.get(to - 1).lower.endsWith("ly")) {
                    to--; // "Her campaign quickly blasted out …"
                }
                return resolve(doc, from, to);
            }
        }
        return null;
    }

    /** Irregular past tenses of issuing a statement ("sent out a release", "put out a statement"). */
    private static final java.util.Set<String> ISSUING_PAST = java.util.Set.of("sent", "put", "gave", "wrote");

    /** "a statement", "a press release", "its statement": a statement the subject issued, not "the statement's". */
    private static final java.util.Set<String> DETERMINERS_BEFORE_STATEMENT = java.util.Set.of("a", "an", "its",
            "his", "her", "their");

    /** Words before a number in a share of people that speaks ("About 53 percent", "Nearly half"). */
    private static final java.util.Set<String> QUANTIFIERS = java.util.Set.of("about", "nearly", "roughly", "almost",
            "only", "just", "over", "some", "around", "barely");

    /**
     * The noun phrase opening sentence s when an auxiliary follows it ("The non-profit is seeking …", "Japanese are
     * weighing …"), resolved like any speaker phrase; null otherwise.
     */
    Mention sentenceOpening(Document doc, Sentence s, int limit) {
        List<Token> tk = doc.tokens;
        int y = openingPhraseEnd(doc, s, limit);
        if (y < 0 || !Cues.AUXILIARIES.contains(tk.get(y).lower)) {
            return null;
        }
        String aux = tk.get(y).lower;
        if (y + 1 < limit && (aux.equals("is") || aux.equals("are") || aux.equals("was") || aux.equals("were"))) {
            Token next = tk.get(y + 1);
            if (next.lower.endsWith("ed") || cues.verb(next) != null) {
                return null; // passive: "The plan was called \"reckless\"" names no speaker
            }
        }
        return resolve(doc, s.firstToken, y);
    }

    /**
     * The noun phrase opening sentence s when an auxiliary or a past-tense verb follows it: {@link #sentenceOpening}
     * or {@link #subjectBeforePastVerb} (no auxiliary ends in -ed, so at most one of them reads a phrase).
     */
    Mention openingSubject(Document doc, Sentence s, int limit) {
        Mention m = sentenceOpening(doc, s, limit);
        return m != null ? m : subjectBeforePastVerb(doc, s, limit);
    }

    /**
     * The noun phrase opening sentence s when a past-tense verb follows it ("Several Democrats cautioned against …,
     * saying …"), resolved like any speaker phrase; null otherwise. For a participle's report, whose subject is the
     * sentence's.
     */
    Mention subjectBeforePastVerb(Document doc, Sentence s, int limit) {
        List<Token> tk = doc.tokens;
        int y = openingPhraseEnd(doc, s, limit);
        if (y < 0) {
            return null;
        }
        Token t = tk.get(y);
        boolean past = t.isWord() && Character.isLowerCase(t.text.charAt(0)) && t.lower.endsWith("ed")
                && t.lower.length() > 4;
        return past ? resolve(doc, s.firstToken, y) : null;
    }

    /** End of the speaker-like noun phrase opening sentence s (before limit), or -1 when none opens it. */
    private int openingPhraseEnd(Document doc, Sentence s, int limit) {
        List<Token> tk = doc.tokens;
        int y = s.firstToken;
        while (y < limit && y - s.firstToken < MAX_PHRASE && inPhrase(tk.get(y))) {
            y++;
        }
        return y == s.firstToken || y >= limit || !startsPhrase(tk.get(s.firstToken)) ? -1 : y;
    }

    /**
     * The subject of the verb at v behind up to three comma-closed appositions ({@code Jane Roe, 63, a nurse from
     * Ohio, said}, {@code Rep. X (Mich.), a superdelegate, said}): the phrase before the first of them, which must
     * open the sentence or follow a clause boundary. Null when the verb does not follow a comma.
     */
    Mention beforeAppositions(Document doc, Sentence s, int v) {
        List<Token> tk = doc.tokens;
        if (v - 1 <= s.firstToken || !tk.get(v - 1).is(",")) {
            return null;
        }
        int k = v - 1;
        Mention found = null;
        for (int seg = 0; seg < 3; seg++) {
            int c = k - 1;
            while (c >= s.firstToken && k - c <= MAX_PHRASE * 2 && !tk.get(c).is(",") && tk.get(c).quote < 0
                    && !tk.get(c).quoteMark && !tk.get(c).is(";")) {
                c--;
            }
            if (c < s.firstToken || !tk.get(c).is(",")) {
                break;
            }
            int to = c;
            if (to - 1 >= s.firstToken && tk.get(to - 1).is(")")) {
                // "Rep. X (D-Mich.),": the bracket belongs to the name
                int o = to - 1;
                while (o > s.firstToken && to - o < 8 && !tk.get(o).is("(")) {
                    o--;
                }
                if (tk.get(o).is("(")) {
                    to = o;
                }
            }
            int from = to;
            while (from - 1 >= s.firstToken && to - from < MAX_PHRASE && inPhrase(tk.get(from - 1))) {
                from--;
            }
            if (from < to && startsPhrase(tk.get(from)) && (from == s.firstToken || !tk.get(from - 1).isWord())) {
                Mention m = resolve(doc, from, to);
                if (m != null && (m.entity != null || m.kind != Mention.Kind.PRONOUN)) {
                    found = m;
                    if (m.entity != null) {
                        return m;
                    }
                }
            }
            k = c;
        }
        return found;
    }

    /** The end of a speaker phrase that starts at x after its verb: the clause ends at punctuation or a new clause. */
    private int phraseEnd(Document doc, int x, int end) {
        List<Token> tk = doc.tokens;
        int y = x;
        if (y < end && (QuoteCueWords.isAdverb(tk.get(y).lower) || tk.get(y).lower.endsWith("ly"))) {
            return y; // "said matter-of-factly", "said Tuesday": no speaker after the verb
        }
        while (y < end && y - x < MAX_PHRASE && inPhrase(tk.get(y)) && !QuoteCueWords.isPreposition(tk.get(y).lower)
                && !clauseWords.contains(tk.get(y).lower)) {
            y++;
        }
        return y;
    }

    /**
     * The end of a source phrase that starts at x and may carry prepositional phrases ("according to officials at
     * the Pentagon", "according to a person familiar with the talks"): it stops at punctuation, a clause word
     * ("who", "that") or a verb, at most {@link #MAX_PHRASE} tokens on.
     */
    int sourceEnd(Document doc, int x, int end) {
        List<Token> tk = doc.tokens;
        int y = x;
        while (y < end && y - x < MAX_PHRASE && inPhrase(tk.get(y))) {
            y++;
        }
        return y;
    }

    /** True when every token of [from, to) may stand in a speaker phrase (no clause word, verb or punctuation). */
    boolean plainPhrase(Document doc, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!inPhrase(doc.tokens.get(i)) && !(i == to - 1 && nounBeforeVerb(doc.tokens, i, from))) {
                return false;
            }
        }
        return from < to;
    }

    private boolean finiteVerb(Document doc, int i) {
        Lexicon.Verb v = cues.verbAt(doc, i);
        return v != null && v.form() == Lexicon.Verb.Form.FINITE;
    }

    /** Words that may be part of a noun phrase naming a speaker. */
    private boolean inPhrase(Token t) {
        if (t.quote >= 0 || t.quoteMark) {
            return false;
        }
        if (t.kind == Token.Kind.POSSESSIVE) {
            return true;
        }
        if (t.kind == Token.Kind.NUMBER) {
            return true; // "26% say", "53 percent of Republicans said"
        }
        if (!t.isWord()) {
            return t.is("-") || t.is("&") || t.is("%");
        }
        // a base form ends the phrase ("police say"), but not a capitalised one inside a name ("State Department")
        return !clauseWords.contains(t.lower) && cues.verb(t) == null && (cues.baseVerb(t) == null || t.isCapitalized());
    }

    private boolean startsPhrase(Token t) {
        return t.kind == Token.Kind.NUMBER || t.isWord() && !clauseWords.contains(t.lower) && !QuoteCueWords.isPreposition(t.lower)
                && !QuoteCueWords.isAdverb(t.lower);
    }

    /** Turns the phrase [from, to) into the speaker's mention (see the class comment), or null. */
    Mention resolve(Document doc, int from, int to) {
        if (from >= to) {
            return null;
        }
        List<Token> tk = doc.tokens;
        if (Cues.STATEMENT_WORDS.contains(tk.get(to - 1).lower)) {
            // "Bush's Facebook post", "Trump's statement": the writing speaks for the person who wrote it
            for (int i = from; i < to - 1; i++) {
                Mention m = doc.mentionStartingAt(i);
                if (m != null && m.possessive && m.entity != null && m.type == EntityType.PERSON && m.endToken < to) {
                    return m;
                }
            }
        }
        Mention best = null;
        for (int i = from; i < to; i++) {
            Mention m = doc.mentionStartingAt(i);
            if (m == null || m.endToken > to) {
                continue;
            }
            boolean head = !m.possessive && (i == from || !QuoteCueWords.isPreposition(tk.get(i - 1).lower));
            boolean speaks = m.entity != null && (m.kind != Mention.Kind.NAME || m.type == EntityType.PERSON
                    || m.endToken == to);
            if (head && speaks && (best == null || best.entity.type != EntityType.PERSON
                    || m.entity.type == EntityType.PERSON)) {
                best = m;
            }
            i = Math.max(i, m.endToken - 1);
        }
        if (best != null) {
            return best;
        }
        if (to - from == 1 && PRONOUNS.contains(tk.get(from).lower)) {
            Mention m = doc.mentionEndingAt(from);
            if (m != null && m.entity != null) {
                return m;
            }
            // an unresolved pronoun: the cue stands (so the quotation's pieces still join), the speaker is unknown
            Token t = tk.get(from);
            return new Mention(Mention.Kind.PRONOUN, from, to, t.start, t.end, t.text);
        }
        Token first = tk.get(from);
        String head = tk.get(to - 1).lower;
        if (to - from == 1 && (head.endsWith("ly") || head.endsWith("ed") && !tk.get(to - 1).isCapitalized())) {
            return null; // "confidently stated", "that were hacked suggested": no noun to speak
        }
        if (!first.isWord() && first.kind != Token.Kind.NUMBER || to - from == 1 && first.kind == Token.Kind.NUMBER) {
            return null; // a share ("26 %", "53 percent of voters") speaks; a lone number does not
        }
        Mention m = new Mention(Mention.Kind.DESCRIPTION, from, to, first.start, tk.get(to - 1).end,
                doc.text.substring(first.start, tk.get(to - 1).end));
        return m;
    }

    /** Subject pronouns (personal-pronouns.txt). */
    private static final java.util.Set<String> PRONOUNS = Lexicon.wordSet("personal-pronouns.txt");
}
