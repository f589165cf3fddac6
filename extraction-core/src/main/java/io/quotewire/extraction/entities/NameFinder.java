package io.quotewire.extraction.entities;

import io.quotewire.extraction.EntityType;
import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.Mention;
import io.quotewire.extraction.pipeline.Sentence;
import io.quotewire.extraction.pipeline.Step;
import io.quotewire.extraction.pipeline.Token;

import java.util.List;
import java.util.Set;

/**
 * Finds names: a chunker over capitalised token sequences, checked against the gazetteers.
 * <p>READS: tokens, sentences, paragraphs (credit lines are skipped), lowercaseWords.
 * ADDS: name mentions (PERSON, ORGANIZATION, LOCATION, or untyped capitalised sequences that the
 * EntityLinker may later recognise as a known person's surname), with titles, nationality and gender.
 * <p>A person phrase is {@code [place/org/demonym modifier] [titles] Name}: "Russian President Vladimir
 * Putin", "Ukraine's President Volodymyr Zelenskyy", "CIA Director John Ratcliffe", "spokesperson Dmitry
 * Peskov". A bare capitalised sequence is a place or organization when a gazetteer knows it or it ends
 * with an organization word (Association, Council...), a person when it starts with a known first name.
 * Sentence-initial words that the text also uses in lower case, days, months and demonyms are not names.
 */
public final class NameFinder implements Step {
    private static final Set<String> PARTICLES = Lexicon.wordSet("name-particles.txt");
    private static final Set<String> TITLE_ADJECTIVES = Lexicon.wordSet("title-adjectives.txt");
    private static final Set<String> GEO_SUFFIXES = Lexicon.wordSet("place-suffixes.txt");
    static final Set<String> NAME_SUFFIXES = Lexicon.wordSet("name-suffixes.txt");
    private static final Set<String> ORG_CONNECTORS = Lexicon.wordSet("org-connectors.txt");
    /** "Like Brandt, …": prepositions and sentence adverbs that never start a name. */
    private static final Set<String> NEVER_NAME_OPENERS = Lexicon.wordSet("never-name-openers.txt");
    /** "the Nevada Democratic caucuses": party adjectives that end a run modifying a noun, never a surname. */
    private static final Set<String> PARTY_ADJECTIVES = Lexicon.wordSet("party-adjectives.txt");

    private final Lexicon lexicon;

    public NameFinder(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.TEXT, Layer.PARAGRAPHS, Layer.SENTENCES, Layer.TOKENS, Layer.QUOTE_SPANS);
    }

    @Override
    public Set<Layer> assigns() {
        return Set.of(Layer.NAME_MENTIONS);
    }

    @Override
    public void process(Document doc) {
        for (Sentence s : doc.sentences) {
            if (doc.paragraphs.get(s.paragraph).credit) {
                continue;
            }
            int i = s.firstToken;
            while (i < s.endToken) {
                int next = phrase(doc, s, i);
                i = Math.max(next, i + 1);
            }
        }
        doc.indexMentions();
    }

    /** Tries to read a name phrase at token i; returns the index after it (or i when none). */
    private int phrase(Document doc, Sentence s, int i) {
        if (!mayStartPhrase(doc.tokens.get(i))) {
            return i;
        }
        if (isNeverNameOpener(doc, s, i)) {
            return i; // "Like Brandt, …": the name starts after the preposition
        }
        Phrase p = new Phrase(i);
        readModifier(doc, s, p);
        readTitles(doc, s, p);
        int k = p.j;
        boolean atStart = isSentenceStart(doc, s, i);
        int e = nameChunkEnd(doc, s, k);
        if (e == k) {
            return p.titled() ? p.j : i;
        }
        if (!p.titled() && p.modifier == null && atStart) {
            k = skipCommonWordsAtStart(doc, k, e);
            if (k == e) {
                return e;
            }
        }
        if (!p.titled() && p.modifier == null && doc.titleCase(doc.paragraphs.get(s.paragraph))) {
            // a headline capitalises every word: words the article writes in lower case neither start a name
            // ("Poll Says", "Will Win", "Who Endorsed | Ted Cruz", "Against | Trump") nor go on one ("Bernie
            // Sanders | Could Backfire", "Hillary | Will Be …"), except a surname after a first name ("Susan Rice")
            while (k < e && isLowerCaseWord(doc, k)) {
                k++;
            }
            for (int x = k + 1; x < e; x++) {
                if (isLowerCaseWord(doc, x) && (lexicon.firstName(doc.tokens.get(x).text) != 0
                        || lexicon.firstName(doc.tokens.get(x - 1).text) == 0)) {
                    e = x;
                    break;
                }
            }
            if (k == e) {
                return e;
            }
        }
        e = endOfFirstOfTwoNames(doc, k, e);
        if (!p.titled() && p.modifier == null && endsWithPartyAdjective(doc, k, e)) {
            e--; // "the Nevada Democratic caucuses": the place Nevada, the adjective is no name
            if (e == k) {
                return e + 1;
            }
        }
        if (!p.titled() && p.modifier == null) {
            int inner = innerTitle(doc, s, k, e);
            if (inner > 0) {
                return splitAtInnerTitle(doc, s, k, inner);
            }
        }
        Mention m = classify(doc, s, k, e, p.titled());
        if (m == null) {
            return e;
        }
        m.phraseStart = (p.titled() || p.modifier != null) && m.firstToken == k ? i : m.firstToken;
        if (p.titled() && m.type == EntityType.PERSON && lexicon.isOrgSuffix(doc.tokens.get(e - 1).lower)) {
            addTitleWordOrganization(doc, s, p.titleStart, e);
            return e;
        }
        if (p.titled() && m.type == EntityType.PERSON) {
            giveTitles(m, p);
        } else if (p.titled()) {
            m = organizationWithTitleWord(doc, s, p.titleStart, e, m);
        }
        if (e < s.endToken && doc.tokens.get(e).kind == Token.Kind.POSSESSIVE) {
            m.possessive = true;
        }
        if (m.type == null || m.type == EntityType.PERSON) {
            m.strong |= hasPersonEvidence(doc, s, m, e);
        }
        doc.mentions.add(m);
        return e;
    }

    /** What {@link #phrase} has read so far: the modifier and the titles before the name. */
    private static final class Phrase {
        /** Next token to read. */
        int j;
        String nationality;
        String modifier;
        final StringBuilder titles = new StringBuilder();
        char titleGender = 'u';
        int titleStart;

        Phrase(int i) {
            this.j = i;
        }

        boolean titled() {
            return titles.length() > 0;
        }
    }

    /** A capitalised word, a title, a title adjective or "al-Sharaa": anything else is not worth a look. */
    private boolean mayStartPhrase(Token first) {
        if (!first.isWord() || first.quoteMark) {
            return false;
        }
        return Character.isUpperCase(first.text.charAt(0)) || lexicon.startsTitle(first.lower)
                || TITLE_ADJECTIVES.contains(first.lower) || isParticleName(first);
    }

    /**
     * Phase 0: a capitalised preposition or sentence adverb ("Like", "Unlike", "Ironically") never starts a name,
     * unless a title or a gazetteer name starts with it.
     */
    private boolean isNeverNameOpener(Document doc, Sentence s, int i) {
        Token t = doc.tokens.get(i);
        return NEVER_NAME_OPENERS.contains(t.lower) && titleLength(doc, i, s.endToken) == 0
                && gazetteerMatch(doc, i, s.endToken) == null;
    }

    /**
     * Phase 4c: the run [k, e) ends with a party adjective that modifies what follows ("Nevada Democratic caucuses",
     * "the Democratic contest"), and the whole run is no gazetteer name.
     */
    private boolean endsWithPartyAdjective(Document doc, int k, int e) {
        if (e <= k || !PARTY_ADJECTIVES.contains(doc.tokens.get(e - 1).lower)) {
            return false;
        }
        String key = Lexicon.key(text(doc, k, e));
        return lexicon.place(key) == null && lexicon.organization(key) == null;
    }

    /**
     * Phase 1, the modifier before a title: a demonym ("Russian President"), or a place or organization
     * ("Ukraine's President", "CIA Director"), which is also added as a mention of its own.
     */
    private void readModifier(Document doc, Sentence s, Phrase p) {
        List<Token> tk = doc.tokens;
        int i = p.j;
        Token first = tk.get(i);
        if (!(first.isCapitalized() || first.text.chars().allMatch(Character::isUpperCase))) {
            return;
        }
        String dem = lexicon.demonym(first.lower);
        if (titleLength(doc, i, s.endToken) > 0) {
            return; // "Treasury Secretary Scott Bessent": the title itself starts here
        }
        if (dem != null && titleLength(doc, skipAdjectives(doc, i + 1, s.endToken), s.endToken) > 0) {
            p.nationality = dem;
            p.modifier = first.text;
            p.j = i + 1;
            return;
        }
        int[] g = gazetteerMatch(doc, i, s.endToken);
        if (g == null) {
            return;
        }
        int after = g[0];
        if (after < s.endToken && tk.get(after).kind == Token.Kind.POSSESSIVE) {
            after++;
        }
        if (titleLength(doc, skipAdjectives(doc, after, s.endToken), s.endToken) > 0) {
            Mention m = gazetteerMention(doc, i, g[0], g[1] == 1);
            if (m != null) {
                doc.mentions.add(m);
                if (m.type == EntityType.LOCATION && lexicon.place(Lexicon.key(m.text)).country()) {
                    p.nationality = m.canonical;
                }
                p.modifier = text(doc, i, after);
            }
            p.j = after;
        }
    }

    /** Phase 2, the titles: "Former Deputy Secretary of State", "Sen.", with the gender a title tells. */
    private void readTitles(Document doc, Sentence s, Phrase p) {
        List<Token> tk = doc.tokens;
        p.titleStart = p.j;
        int j = p.j;
        while (j < s.endToken) {
            int a = skipAdjectives(doc, j, s.endToken);
            int len = titleLength(doc, a, s.endToken);
            if (len == 0) {
                break;
            }
            int titleEnd = a + len < s.endToken && tk.get(a + len).is(".") ? a + len + 1 : a + len;
            String title = text(doc, j, titleEnd);
            char g = lexicon.titleGender(Lexicon.key(text(doc, a, a + len)));
            if (g != 'u') {
                p.titleGender = g;
            }
            p.titles.append(p.titles.length() > 0 ? " " : "").append(title);
            j = a + len;
            if (j < s.endToken && tk.get(j).is(".")) {
                j++; // Sen. / Gov.
            }
        }
        p.j = j;
    }

    /** Phase 3, the name chunk at k: the run of name tokens, or a longer gazetteer name there. */
    private int nameChunkEnd(Document doc, Sentence s, int k) {
        int e = chunkEnd(doc, s, k);
        int[] gz = k < s.endToken && doc.tokens.get(k).isWord() ? gazetteerMatch(doc, k, s.endToken) : null;
        if (gz != null && gz[0] > e) {
            e = Math.max(gz[0], chunkEnd(doc, s, gz[0]));
        }
        return e;
    }

    /** Phase 4 (untitled run opening a sentence): common words there ("Meanwhile", "Television") are not names. */
    private int skipCommonWordsAtStart(Document doc, int k, int e) {
        while (k < e && isCommonAtStart(doc, doc.tokens.get(k))) {
            k++;
        }
        if (k + 2 < e + 1 && k + 1 < e && isPluralNounBeforeFirstName(doc, k)) {
            k++; // "Brothers Ethan and Joel Coen", "Residents Jane Roe and …": a plural noun is no first name
        }
        return k;
    }

    /**
     * Phase 4b, two names run together without a comma ("Karen Dolan Steven Marsh"): a run that opens with a
     * known first name ends before a later known first name (third word or after) that follows a word which
     * is not one and is itself followed by a surname. The next name is read from there.
     */
    private int endOfFirstOfTwoNames(Document doc, int k, int e) {
        List<Token> tk = doc.tokens;
        if (e - k < 4 || lexicon.firstName(tk.get(k).text) == 0) {
            return e;
        }
        for (int x = k + 2; x <= e - 2; x++) {
            Token t = tk.get(x);
            Token before = tk.get(x - 1);
            if (t.kind == Token.Kind.WORD && before.kind == Token.Kind.WORD && before.text.length() > 1
                    && lexicon.firstName(t.text) != 0 && lexicon.firstName(before.text) == 0
                    && tk.get(x + 1).isCapitalized() && lexicon.place(Lexicon.key(text(doc, k, e))) == null
                    && lexicon.organization(Lexicon.key(text(doc, k, e))) == null) {
                return x;
            }
        }
        return e;
    }

    /**
     * Phase 5, a title inside an untitled run: "Kerr County Judge Rob Kelly", "Harris County Sheriff Ed
     * Gonzalez": the words before the title name the place or body the person serves; the title and the
     * name form the person phrase. Returns the index after it.
     */
    private int splitAtInnerTitle(Document doc, Sentence s, int k, int inner) {
        Mention place = classify(doc, s, k, inner, false);
        if (place != null && place.type != null && place.type != EntityType.PERSON) {
            doc.mentions.add(place);
        }
        int before = doc.mentions.size();
        int next = phrase(doc, s, inner);
        for (int x = before; x < doc.mentions.size(); x++) {
            Mention person = doc.mentions.get(x);
            if (person.phraseStart == inner && person.type == EntityType.PERSON) {
                person.phraseStart = k; // "Kerr County Judge Rob Kelly said": the phrase starts at Kerr
            }
        }
        return Math.max(next, inner + 1);
    }

    /** "Justice Department", "Defense Ministry": the title word is part of an organization name. */
    private void addTitleWordOrganization(Document doc, Sentence s, int titleStart, int e) {
        List<Token> tk = doc.tokens;
        Mention whole = classify(doc, s, titleStart, e, false);
        if (whole == null || whole.type == null) {
            whole = new Mention(Mention.Kind.NAME, titleStart, e, tk.get(titleStart).start, tk.get(e - 1).end,
                    text(doc, titleStart, e));
        }
        whole.type = EntityType.ORGANIZATION;
        whole.phraseStart = titleStart;
        doc.mentions.add(whole);
    }

    /** A titled name that is not a person: the title word may belong to the organization name. */
    private Mention organizationWithTitleWord(Document doc, Sentence s, int titleStart, int e, Mention m) {
        Mention whole = classify(doc, s, titleStart, e, false);
        if (whole != null && whole.type != EntityType.PERSON) {
            whole.phraseStart = titleStart;
            return whole;
        }
        return m;
    }

    /** Phase 6, a titled person: the modifier and titles, the gender and nationality they tell. */
    private static void giveTitles(Mention m, Phrase p) {
        String titleText = p.titles.toString();
        if (p.modifier != null) {
            titleText = p.modifier + " " + titleText;
        }
        m.titles.add(titleText);
        m.strong = true;
        if (m.gender == 'u') {
            m.gender = p.titleGender;
        }
        m.nationality = p.nationality;
    }

    /** Phase 7, evidence that a name is a person: a speech verb, "according to", "…," said X, a role apposition. */
    private boolean hasPersonEvidence(Document doc, Sentence s, Mention m, int e) {
        return followedBySpeechVerb(doc, e, s.endToken) || precededByAccordingTo(doc, m.phraseStart)
                || afterQuoteAndVerb(doc, m.phraseStart, s.firstToken) || followedByRole(doc, e, s.endToken)
                || m.tokenCount() >= 2 && (followedByAge(doc, e, s.endToken) // weaker: full names only
                        || followedByPersonPredicate(doc, e, s.endToken));
    }

    /** What is said of people right after a name (person-predicates.txt). */
    private static final Set<String> PERSON_PREDICATES = Lexicon.wordSet("person-predicates.txt");
    private static final Set<String> PREDICATE_AUXILIARIES = Set.of("was", "is", "has", "had", "been", "being");

    /** "Jane Roe, 43, said": an age in commas after a name. */
    private static boolean followedByAge(Document doc, int e, int end) {
        List<Token> tk = doc.tokens;
        if (e + 2 >= end || !tk.get(e).is(",") || tk.get(e + 1).kind != Token.Kind.NUMBER
                || !(tk.get(e + 2).is(",") || tk.get(e + 2).is("."))) {
            return false;
        }
        String n = tk.get(e + 1).text;
        return n.length() <= 3 && n.chars().allMatch(Character::isDigit) && Integer.parseInt(n) <= 120;
    }

    /** "Ole Gunnar Solskjaer was sacked", "Jane Roe died": a person predicate after the name. */
    private static boolean followedByPersonPredicate(Document doc, int e, int end) {
        List<Token> tk = doc.tokens;
        int x = e;
        for (int c = 0; c < 3 && x < end && PREDICATE_AUXILIARIES.contains(tk.get(x).lower); c++) {
            x++;
        }
        if (x >= end || tk.get(x).kind != Token.Kind.WORD) {
            return false;
        }
        return PERSON_PREDICATES.contains(x > e ? "be " + tk.get(x).lower : tk.get(x).lower);
    }

    /**
     * Start of a title inside the capitalised run [k, e) that still has a name after it (at least one word of
     * the run before it, so "General Motors" or "Judge Amy Jackson" are not split), or -1.
     */
    private int innerTitle(Document doc, Sentence s, int k, int e) {
        int first = -1;
        for (int x = k + 1; x < e - 1; x++) {
            int len = titleLength(doc, x, s.endToken);
            if (len > 0 && x + len < e && !lexicon.isOrgSuffix(doc.tokens.get(x + len - 1).lower)
                    && !NAME_SUFFIXES.contains(doc.tokens.get(x + len).lower)) {
                Mention before = classify(doc, s, k, x, false);
                if (before != null && before.type != null && before.type != EntityType.PERSON) {
                    return x; // "Kerr County | Judge": the words before name a place or body
                }
                if (first < 0) {
                    first = x;
                }
            }
        }
        return first;
    }

    private boolean isSentenceStart(Document doc, Sentence s, int i) {
        for (int x = i - 1; x >= s.firstToken; x--) {
            Token t = doc.tokens.get(x);
            if (t.isWord()) {
                return false;
            }
            if (t.text.equals(":") && x == s.firstToken + 1) {
                return true;
            }
        }
        return true;
    }

    /** The word at x is capitalised here but one the article also writes in lower case ("Will", "Poll"). */
    private static boolean isLowerCaseWord(Document doc, int x) {
        Token t = doc.tokens.get(x);
        return t.kind == Token.Kind.WORD && t.text.length() > 1 && t.isCapitalized()
                && doc.lowercaseWords.contains(t.lower);
    }

    /**
     * The word at k looks like a plural common noun (ends in s, no known first name, not a gazetteer name) and a
     * known first name follows it with a capitalised word after that.
     */
    private boolean isPluralNounBeforeFirstName(Document doc, int k) {
        List<Token> tk = doc.tokens;
        if (k + 2 >= tk.size()) {
            return false;
        }
        Token t = tk.get(k);
        return t.kind == Token.Kind.WORD && t.lower.length() > 3 && t.lower.endsWith("s") && !t.lower.endsWith("ss")
                && !t.lower.endsWith("us") && lexicon.firstName(t.text) == 0 && lexicon.firstName(tk.get(k + 1).text) != 0
                && tk.get(k + 2).isCapitalized() && lexicon.place(t.lower) == null && lexicon.organization(t.lower) == null;
    }

    private boolean isCommonAtStart(Document doc, Token t) {
        return lexicon.isNonName(t.lower) || doc.lowercaseWords.contains(t.lower) || lexicon.verb(t.lower) != null
                || lexicon.isTitle(t.lower) && lexicon.firstName(t.text) == 0;
    }

    private int skipAdjectives(Document doc, int j, int end) {
        while (j < end && TITLE_ADJECTIVES.contains(doc.tokens.get(j).lower)
                && titleLength(doc, j, end) == 0) {
            j++;
        }
        return j;
    }

    /** Length in tokens of the longest title phrase at j, or 0. Lower-case titles need a name after them. */
    private int titleLength(Document doc, int j, int end) {
        if (j >= end || !lexicon.startsTitle(doc.tokens.get(j).lower)) {
            return 0;
        }
        int best = longestTitle(doc, j, end);
        if (best == 0) {
            return 0;
        }
        if (capitalisedOccupationInName(doc, j, best)) {
            return 0;
        }
        // a title must be followed by a capitalised word (the name), possibly after "." or another title
        int after = j + best;
        if (after < end && doc.tokens.get(after).is(".")) {
            after++;
        }
        if (after >= end) {
            return 0;
        }
        Token n = doc.tokens.get(after);
        if (n.isCapitalized() && (!lexicon.isNonName(n.lower) || lexicon.isTitle(n.lower))) {
            return best;
        }
        if (isParticleName(n)) {
            return best;
        }
        return 0;
    }

    /** Length in tokens of the longest title or role phrase of the lexicon at j (before end), or 0. */
    private int longestTitle(Document doc, int j, int end) {
        int max = Math.min(lexicon.maxTitleWords(), end - j);
        StringBuilder sb = new StringBuilder();
        int best = 0;
        for (int len = 1; len <= max; len++) {
            Token t = doc.tokens.get(j + len - 1);
            if (!t.isWord()) {
                break;
            }
            if (len > 1) {
                sb.append(' ');
            }
            sb.append(t.lower);
            if (lexicon.isTitle(sb.toString())) {
                best = len;
            }
        }
        return best;
    }

    /**
     * An occupation capitalised inside a sentence is a word of a name ("the Every Student Succeeds Act", "an
     * Executive Order"), not a role before one, unless a known first name follows it ("Actress Jane Roe").
     */
    private boolean capitalisedOccupationInName(Document doc, int j, int len) {
        List<Token> tk = doc.tokens;
        StringBuilder sb = new StringBuilder();
        for (int x = j; x < j + len; x++) {
            sb.append(x > j ? " " : "").append(tk.get(x).lower);
        }
        if (!lexicon.isOccupation(sb.toString()) || !tk.get(j).isCapitalized()) {
            return false;
        }
        boolean midSentence = j > 0 && tk.get(j - 1).sentence == tk.get(j).sentence && tk.get(j - 1).isWord();
        int after = j + len;
        return midSentence && (after >= tk.size() || lexicon.firstName(tk.get(after).text) == 0);
    }

    private boolean isParticleName(Token t) {
        int h = t.text.indexOf('-');
        return h > 0 && h + 1 < t.text.length() && PARTICLES.contains(t.lower.substring(0, h))
                && Character.isUpperCase(t.text.charAt(h + 1));
    }

    private boolean isNameToken(Document doc, Token t) {
        if (t.kind != Token.Kind.WORD || t.quoteMark) {
            return false;
        }
        if (isParticleName(t)) {
            return true;
        }
        return Character.isUpperCase(t.text.charAt(0)) && !lexicon.isNonName(t.lower);
    }

    /** End (exclusive) of the run of name tokens starting at k. */
    private int chunkEnd(Document doc, Sentence s, int k) {
        List<Token> tk = doc.tokens;
        int e = k;
        while (e < s.endToken) {
            Token t = tk.get(e);
            if (isNameToken(doc, t)) {
                e++;
                // an initial: "J."
                if (t.text.length() == 1 && e + 1 < s.endToken && tk.get(e).is(".") && isNameToken(doc, tk.get(e + 1))) {
                    e++;
                }
                // "Kennedy Jr."
                if (e > k + 1 && NAME_SUFFIXES.contains(t.lower) && e < s.endToken && tk.get(e).is(".")
                        && tk.get(e).end < s.end) {
                    e++;
                }
                continue;
            }
            if (e > k && t.kind == Token.Kind.WORD && PARTICLES.contains(t.lower) && e + 1 < s.endToken
                    && isNameToken(doc, tk.get(e + 1))) {
                e++;
                continue;
            }
            // "Office of the President of Ukraine", "Institute for the Study of War"
            if (e > k && ORG_CONNECTORS.contains(t.lower) && lexicon.isOrgSuffix(tk.get(e - 1).lower)) {
                int x = e;
                while (x < s.endToken && ORG_CONNECTORS.contains(tk.get(x).lower)) {
                    x++;
                }
                if (x < s.endToken && x - e <= 2 && isNameToken(doc, tk.get(x))) {
                    e = x;
                    continue;
                }
            }
            break;
        }
        return e;
    }

    /** Longest gazetteer (place or organization) match starting at i: {end, isPlace}. */
    private int[] gazetteerMatch(Document doc, int i, int end) {
        if (!Character.isUpperCase(doc.tokens.get(i).text.charAt(0))) {
            return null;
        }
        int max = Math.min(Math.max(lexicon.maxPlaceWords(), lexicon.maxOrgWords()), end - i);
        StringBuilder sb = new StringBuilder();
        int[] best = null;
        for (int len = 1; len <= max; len++) {
            Token t = doc.tokens.get(i + len - 1);
            if (!t.isWord() || t.quoteMark) {
                break;
            }
            if (len > 1) {
                sb.append(' ');
            }
            sb.append(t.lower);
            String key = Lexicon.key(sb.toString());
            if (!Character.isUpperCase(doc.tokens.get(i).text.charAt(0))) {
                break;
            }
            if (lexicon.place(key) != null) {
                best = new int[] {i + len, 1};
            } else if (lexicon.organization(key) != null) {
                best = new int[] {i + len, 0};
            }
        }
        return best;
    }

    private Mention gazetteerMention(Document doc, int a, int b, boolean place) {
        String text = text(doc, a, b);
        String key = Lexicon.key(text);
        Mention m = new Mention(Mention.Kind.NAME, a, b, doc.tokens.get(a).start, doc.tokens.get(b - 1).end, text);
        if (place && lexicon.place(key) != null) {
            m.type = EntityType.LOCATION;
            m.canonical = lexicon.place(key).canonical();
        } else if (lexicon.organization(key) != null) {
            m.type = EntityType.ORGANIZATION;
            m.canonical = lexicon.organization(key);
        } else {
            return null;
        }
        return m;
    }

    /** Types the capitalised sequence [k, e). Returns null for demonyms and other non-names. */
    private Mention classify(Document doc, Sentence s, int k, int e, boolean titled) {
        List<Token> tk = doc.tokens;
        String text = text(doc, k, e);
        String key = Lexicon.key(text);
        int n = 0;
        for (int x = k; x < e; x++) {
            if (tk.get(x).isWord()) {
                n++;
            }
        }
        Mention m = new Mention(Mention.Kind.NAME, k, e, tk.get(k).start, tk.get(e - 1).end, text);
        if (lexicon.organization(key) != null && !(titled && n == 1 && lexicon.place(key) == null
                && lexicon.firstName(text) != 0)) {
            m.type = EntityType.ORGANIZATION;
            m.canonical = lexicon.organization(key);
            return m;
        }
        if (lexicon.place(key) != null) {
            m.type = EntityType.LOCATION;
            m.canonical = lexicon.place(key).canonical();
            return m;
        }
        if (lexicon.demonym(key) != null) {
            return null;
        }
        String last = tk.get(e - 1).lower;
        if (n >= 2 && lexicon.isOrgSuffix(last)) {
            m.type = EntityType.ORGANIZATION;
            return m;
        }
        if (n >= 2 && GEO_SUFFIXES.contains(last) && !personalName(doc, k, e)) {
            m.type = EntityType.LOCATION; // "Orange County", "Virginia Beach", "Silicon Valley"
            return m;
        }
        for (int x = k + 1; x < e - 1; x++) {
            // "Department of Government Efficiency", "University of Michigan"
            if (ORG_CONNECTORS.contains(tk.get(x).lower) && lexicon.isOrgSuffix(tk.get(x - 1).lower)) {
                m.type = EntityType.ORGANIZATION;
                return m;
            }
        }
        if (n >= 2 && n <= 8 && !titled) {
            // "Biden White House": a name followed by a known place or organization
            for (int p = k + 1; p < e; p++) {
                int[] g = gazetteerMatch(doc, p, e);
                if (g != null && g[0] == e) {
                    int[] headGazetteer = gazetteerMatch(doc, k, p);
                    if (headGazetteer != null && headGazetteer[0] == p && g[1] == 0) {
                        m.type = EntityType.ORGANIZATION; // "House GOP", "Texas Senate"
                        return m;
                    }
                    Mention head = classify(doc, s, k, p, false);
                    if (head != null) {
                        doc.mentions.add(head);
                    }
                    return gazetteerMention(doc, p, e, g[1] == 1);
                }
            }
        }
        char g = lexicon.firstName(tk.get(k).text);
        if (titled) {
            m.type = EntityType.PERSON;
            m.gender = g == 0 ? 'u' : g;
            return m;
        }
        if (n >= 2 && n <= 4 && g != 0) {
            // every further word must not be a known place (avoid "Jordan Valley"-like splits later)
            m.type = EntityType.PERSON;
            m.gender = g;
            return m;
        }
        if (n > 5) {
            return null;
        }
        if (n == 1 && text.length() > 1 && text.chars().noneMatch(Character::isLowerCase)) {
            return null; // an unknown acronym: not a person
        }
        if (e + 1 < s.endToken && tk.get(e).is(",") && n <= 3) {
            // "Bedminster, New Jersey", "Duesseldorf, Germany": a town followed by its state or country
            int[] after = gazetteerMatch(doc, e + 1, s.endToken);
            if (after != null && after[1] == 1 && (after[0] == s.endToken || !tk.get(after[0]).isCapitalized())) {
                Lexicon.Place p = lexicon.place(Lexicon.key(text(doc, e + 1, after[0])));
                if (p != null && (p.country() || STATE_LIKE.contains(p.canonical()) || isUsState(p.canonical()))) {
                    m.type = EntityType.LOCATION;
                    return m;
                }
            }
        }
        m.type = null; // untyped: may be a known person's surname, decided by the EntityLinker
        if (n == 1 && g != 0) {
            m.gender = g;
        }
        return m;
    }

    /**
     * "William Beach", "Tom Lake": a known first name that is not itself a place, then one more word — a
     * person whose surname happens to be a geographic word ("Virginia Beach" stays a place).
     */
    private boolean personalName(Document doc, int k, int e) {
        Token first = doc.tokens.get(k);
        return e - k == 2 && lexicon.firstName(first.text) != 0 && lexicon.place(Lexicon.key(first.text)) == null;
    }

    /** Compared with canonical place names, so the case is kept. */
    private static final Set<String> STATE_LIKE = Lexicon.caseKeptSet("state-like-regions.txt");

    /** US states are listed in places.txt after the regions; a state name is one of the fifty. */
    private static boolean isUsState(String canonical) {
        return US_STATES.contains(canonical);
    }

    private static final Set<String> US_STATES = Lexicon.caseKeptSet("us-states.txt");

    private boolean followedBySpeechVerb(Document doc, int e, int end) {
        List<Token> tk = doc.tokens;
        int x = e;
        if (x < end && tk.get(x).kind == Token.Kind.POSSESSIVE) {
            return false;
        }
        // skip an apposition ", a senior fellow at X,"
        if (x < end && tk.get(x).is(",")) {
            int y = x + 1;
            while (y < end && y - x < 16 && !tk.get(y).is(",") && !tk.get(y).quoteMark) {
                y++;
            }
            if (y < end && tk.get(y).is(",")) {
                x = y + 1;
            }
        }
        for (int c = 0; c < 3 && x < end; c++, x++) {
            Lexicon.Verb v = lexicon.verb(tk.get(x).lower);
            if (v != null && v.form() == Lexicon.Verb.Form.FINITE) {
                return !QuoteCueWords.pluralNounReading(doc, x); // not "many Asian states"
            }
            if (!QuoteCueWords.isAdverb(tk.get(x).lower)) {
                return false;
            }
        }
        return false;
    }

    /** "Zippy Duvall, the group's president," / "Jane Roe, who …": an apposition only a person takes. */
    private boolean followedByRole(Document doc, int e, int end) {
        List<Token> tk = doc.tokens;
        if (e + 2 >= end || !tk.get(e).is(",")) {
            return false;
        }
        Token det = tk.get(e + 1);
        if (det.is("who")) {
            return true;
        }
        if (!ROLE_DETERMINERS.contains(det.lower)) {
            return false;
        }
        for (int x = e + 2; x < end && x - e <= 6; x++) {
            Token t = tk.get(x);
            if (t.is(",") || t.quoteMark) {
                return false;
            }
            if (t.isWord() && lexicon.isTitle(t.lower)) {
                // the longest role there: "the executive director of …" closes after "director"
                return closesApposition(doc, x + longestTitle(doc, x, end), end);
            }
        }
        return false;
    }

    /**
     * After a role word an apposition ends ("Jane Roe, the group's president, said"), goes on with a
     * preposition or relative ("a fellow at X", "the director who …"); a verb ("Vance, the former president
     * warned") or a following name ("the White House, his adviser, Mike Waltz") says it is not one.
     */
    static boolean closesApposition(Document doc, int x, int end) {
        if (x >= end) {
            return true;
        }
        Token t = doc.tokens.get(x);
        if (t.is(",")) {
            return x + 1 >= end || !doc.tokens.get(x + 1).isCapitalized();
        }
        return !t.isWord() || QuoteCueWords.isPreposition(t.lower) || t.is("who");
    }

    private static final Set<String> ROLE_DETERMINERS = Lexicon.wordSet("articles.txt");

    /** "…," said X */
    private boolean afterQuoteAndVerb(Document doc, int start, int sentenceStart) {
        if (start - 2 < sentenceStart) {
            return false;
        }
        Lexicon.Verb v = lexicon.verb(doc.tokens.get(start - 1).lower);
        Token before = doc.tokens.get(start - 2);
        return v != null && v.form() == Lexicon.Verb.Form.FINITE && (before.quoteMark || before.is(","));
    }

    private boolean precededByAccordingTo(Document doc, int start) {
        return start >= 2 && doc.tokens.get(start - 1).is("to") && doc.tokens.get(start - 2).is("according");
    }

    static String text(Document doc, int a, int b) {
        return doc.text.substring(doc.tokens.get(a).start, doc.tokens.get(b - 1).end);
    }
}
