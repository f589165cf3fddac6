package io.quotewire.extraction.entities;

import io.quotewire.extraction.EntityType;
import io.quotewire.extraction.lexicon.Lexicon;
import io.quotewire.extraction.pipeline.Document;
import io.quotewire.extraction.pipeline.EntityRecord;
import io.quotewire.extraction.pipeline.Mention;
import io.quotewire.extraction.pipeline.Step;
import io.quotewire.extraction.pipeline.Token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups name mentions into entities: one entity per person, organization or place per article.
 * <p>READS: name mentions. ADDS: entities, {@link Mention#entity}; turns untyped mentions that are a
 * known person's surname or first name into PERSON mentions, and drops the rest.
 * <ul>
 *   <li>full names with the same surname (allowing transliteration variants: Zelensky / Zelenskyy /
 *       Zelenskiy, Dmitriev / Dmitryev) and compatible first names are one person;</li>
 *   <li>a lone surname ("Trump", "Mr. Trump", "Trump's") joins the person with that surname, the
 *       nearest one when several share it; a lone first name ("Vladimir") joins the only person with
 *       that first name; a lone name with no full form is a person only with evidence (a title, or a
 *       speech verb after it);</li>
 *   <li>places and organizations join by their gazetteer canonical name (Kiev -> Kyiv, U.S. -> United
 *       States), else by their written form.</li>
 * </ul>
 * Canonical person name: the fullest form seen (most words, initials not counted).
 */
public final class EntityLinker implements Step {
    private static final Map<String, String> DIMINUTIVES = Lexicon.wordMap("first-name-diminutives.txt");

    private static final Set<String> REGNAL = Lexicon.wordSet("regnal-titles.txt");
    /** Determiners opening a role apposition after a name ("X, a senior fellow at …"). */
    private static final Set<String> APPOSITION_DETERMINERS = Lexicon.wordSet("apposition-determiners.txt");
    /** Determiners opening a role apposition before a name ("his national security adviser, X"). */
    private static final Set<String> ROLE_POSSESSORS = Lexicon.wordSet("role-possessors.txt");
    /** Determiners a personal name does not take ("the Oval Office"). */
    private static final Set<String> NAME_DETERMINERS = Lexicon.wordSet("name-determiners.txt");
    /** Pieces and formats of news media ("a Fox interview", "an NBC poll"). */
    private static final Set<String> MEDIA_FORMATS = Lexicon.wordSet("media-formats.txt");

    private final Lexicon lexicon;

    public EntityLinker(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Set<Layer> requires() {
        return Set.of(Layer.TEXT, Layer.SENTENCES, Layer.TOKENS, Layer.NAME_MENTIONS);
    }

    @Override
    public Set<Layer> assigns() {
        return Set.of(Layer.NAME_MENTIONS, Layer.ENTITIES);
    }

    @Override
    public void process(Document doc) {
        List<Mention> names = nameMentionsInTextOrder(doc);
        PersonIndex index = new PersonIndex();
        List<EntityRecord> persons = new ArrayList<>();
        linkFullNames(doc, names, index, persons);
        createPersonsFromLoneNamesWithEvidence(doc, names, index, persons);
        joinLoneNamesToPersons(doc, names, index, persons);
        linkUnknownNamesWhoseLastWordStandsAlone(doc, names, index, persons);
        loneSurnamesToTheMostRecentPerson(doc, names, index);
        outletsBeforeAMediaNoun(doc, names);
        Map<String, EntityRecord> others = linkPlacesAndOrganizations(doc, names);
        doc.entities.addAll(finish(doc, persons, others));
    }

    private static List<Mention> nameMentionsInTextOrder(Document doc) {
        List<Mention> names = new ArrayList<>();
        for (Mention m : doc.mentions) {
            if (m.kind == Mention.Kind.NAME) {
                names.add(m);
            }
        }
        names.sort(Comparator.comparingInt(m -> m.start));
        return names;
    }

    /** Phase 1: full person names; same surname and compatible first names are one person. */
    private void linkFullNames(Document doc, List<Mention> names, PersonIndex index, List<EntityRecord> persons) {
        for (Mention m : names) {
            if (m.type == EntityType.PERSON && nameWords(doc, m).size() >= 2) {
                List<String> w = nameWords(doc, m);
                String first = w.get(0);
                String last = w.get(w.size() - 1);
                String suffix = suffixOf(doc, m);
                // a suffix is part of the name: Donald Trump Jr. is not Donald Trump
                EntityRecord e = index.findAll(first, last).stream()
                        .filter(c -> java.util.Objects.equals(c.suffix, suffix)).findFirst().orElse(null);
                if (e == null) {
                    e = new EntityRecord(EntityType.PERSON, m.text);
                    e.first = first;
                    e.last = last;
                    e.suffix = suffix;
                    index.add(e, last);
                    persons.add(e);
                }
                attach(doc, e, m);
            }
        }
    }

    /**
     * Phase 2: a lone name with evidence (a title, a speech verb) creates a person when no person has that
     * surname yet (the mention itself is attached in phase 3); a lone first name too when it speaks and no person
     * has that first name ("“I would,” Melanie said", "Bob said he took one call").
     */
    private void createPersonsFromLoneNamesWithEvidence(Document doc, List<Mention> names, PersonIndex index,
                                                        List<EntityRecord> persons) {
        for (Mention m : names) {
            if (m.entity == null && (m.type == EntityType.PERSON || m.type == null) && nameWords(doc, m).size() == 1
                    && (m.strong || m.type == EntityType.PERSON)
                    && (lexicon.firstName(m.text) == 0 || !m.titles.isEmpty() || m.strong && m.type == null)
                    && (m.type == EntityType.PERSON || !afterPreposition(doc, m))) {
                String last = nameWords(doc, m).get(0);
                boolean knownFirstName = lexicon.firstName(m.text) != 0 && index.byFirstName(last) != null;
                if (index.find(null, last) == null && !knownFirstName) {
                    EntityRecord e = new EntityRecord(EntityType.PERSON, m.text);
                    e.last = last;
                    index.add(e, last);
                    persons.add(e);
                }
            }
        }
    }

    /**
     * Phase 3: lone surnames ("Mr. Trump", "Trump's"), lone first names and untyped sequences join a person
     * (the nearest one when several share the surname); an untyped full name with evidence becomes one.
     */
    private void joinLoneNamesToPersons(Document doc, List<Mention> names, PersonIndex index,
                                        List<EntityRecord> persons) {
        for (Mention m : names) {
            if (m.entity != null || !(m.type == EntityType.PERSON || m.type == null)) {
                continue;
            }
            List<String> w = nameWords(doc, m);
            if (w.isEmpty()) {
                continue;
            }
            String last = w.get(w.size() - 1);
            List<EntityRecord> candidates = index.findAll(w.size() >= 2 ? w.get(0) : null, last);
            if (m.gender != 'u' && !m.titles.isEmpty()) {
                // "Mrs. Clinton" is not Bill Clinton
                candidates.removeIf(c -> c.gender != 'u' && c.gender != m.gender);
            }
            bySuffix(candidates, suffixOf(doc, m));
            EntityRecord e = index.nearest(candidates, m);
            if (e == null && w.size() == 1) {
                e = index.byFirstName(last);
            }
            if (e == null && w.size() >= 2 && m.strong) {
                e = new EntityRecord(EntityType.PERSON, m.text);
                e.first = w.get(0);
                e.last = last;
                index.add(e, last);
                persons.add(e);
            }
            if (e != null) {
                if (w.size() >= 2 && e.first == null) {
                    // "Harlow said … Zeke Harlow": the person known by the surname now has a first name, so
                    // "Ondine Harlow" (his wife) is not taken for him
                    index.giveFirstName(e, w.get(0));
                }
                m.type = EntityType.PERSON;
                attach(doc, e, m);
            }
        }
    }

    /** Phase 4: "Yevhen Kovalenko … Kovalenko": an unknown two- or three-word name whose last word is used alone. */
    private void linkUnknownNamesWhoseLastWordStandsAlone(Document doc, List<Mention> names, PersonIndex index,
                                                          List<EntityRecord> persons) {
        java.util.Set<String> loneWords = new java.util.HashSet<>();
        for (Mention m : names) {
            if (m.tokenCount() == 1 && (m.type == null || m.type == EntityType.PERSON) && !afterDeterminer(doc, m)) {
                loneWords.add(m.text);
            }
        }
        for (Mention m : names) {
            List<String> w = nameWords(doc, m);
            if (m.entity != null || m.type != null || w.size() < 2 || w.size() > 3 || !properName(doc, m)
                    || afterDeterminer(doc, m)) {
                continue;
            }
            String lastWord = doc.tokens.get(m.endToken - 1).text;
            if (loneWords.contains(lastWord)) {
                EntityRecord e = new EntityRecord(EntityType.PERSON, m.text);
                e.first = w.get(0);
                e.last = w.get(w.size() - 1);
                index.add(e, e.last);
                persons.add(e);
                m.type = EntityType.PERSON;
                attach(doc, e, m);
                for (Mention x : names) {
                    if (x.entity == null && x.tokenCount() == 1 && x.text.equals(lastWord)) {
                        x.type = EntityType.PERSON;
                        attach(doc, e, x);
                    }
                }
            }
        }
    }

    /**
     * Phase 5: relatives share a surname ("John Harlow … his wife, Mary Harlow … Harlow said"): a lone surname
     * goes to the person with that surname mentioned most recently before it (the persons of phase 4 did not
     * exist when phase 3 linked it). One pass in text order; mentions of a surname nobody else shares stay.
     */
    private void loneSurnamesToTheMostRecentPerson(Document doc, List<Mention> names, PersonIndex index) {
        Map<EntityRecord, Integer> lastSeen = new HashMap<>();
        java.util.Set<EntityRecord> left = new java.util.LinkedHashSet<>();
        for (Mention m : names) {
            EntityRecord e = m.entity;
            if (e == null || e.type != EntityType.PERSON) {
                continue;
            }
            List<String> w = nameWords(doc, m);
            if (w.size() == 1 && e.first != null && similarSurname(w.get(0), e.last)) {
                List<EntityRecord> candidates = index.findAll(null, w.get(0));
                if (m.gender != 'u' && !m.titles.isEmpty()) {
                    candidates.removeIf(c -> c.gender != 'u' && c.gender != m.gender); // "Mrs. Harlow"
                }
                bySuffix(candidates, suffixOf(doc, m));
                EntityRecord best = null;
                int bestSeen = -1;
                for (EntityRecord c : candidates) {
                    Integer seen = lastSeen.get(c);
                    if (seen != null && seen > bestSeen && c.first != null) {
                        best = c;
                        bestSeen = seen;
                    }
                }
                if (best != null && best != e) {
                    left.add(e);
                    m.entity = best;
                    best.mentions.add(m);
                    best.forms.add(m.text);
                    best.titles.addAll(m.titles);
                    e = best;
                }
            }
            lastSeen.put(e, m.start);
        }
        for (EntityRecord from : left) {
            // once per person that lost mentions: keep the others, their forms and the roles written with them
            from.mentions.removeIf(x -> x.entity != from);
            from.forms.clear();
            from.titles.clear();
            for (Mention x : from.mentions) {
                from.forms.add(x.text);
                from.titles.addAll(x.titles);
            }
        }
    }

    /**
     * Phase 5b: "In a Fox interview", "an NBC poll": a lone capitalised word that is no person of the article and
     * no known first name, between a determiner and a media noun, names the news outlet (an organization); like a
     * possessive it modifies the noun, so it is not the subject who speaks ("In a Fox interview, X said").
     */
    private void outletsBeforeAMediaNoun(Document doc, List<Mention> names) {
        for (Mention m : names) {
            if (m.entity != null || m.type != null || m.tokenCount() != 1 || !afterDeterminer(doc, m)
                    || m.endToken >= doc.tokens.size() || lexicon.firstName(m.text) != 0) {
                continue;
            }
            Token next = doc.tokens.get(m.endToken);
            if (next.sentence == doc.tokens.get(m.firstToken).sentence && MEDIA_FORMATS.contains(next.lower)) {
                m.type = EntityType.ORGANIZATION;
                m.possessive = true; // it modifies the noun like "Fox's interview": not the sentence's subject
            }
        }
    }

    /** Phase 6: places and organizations join by their gazetteer canonical name, else by their written form. */
    private Map<String, EntityRecord> linkPlacesAndOrganizations(Document doc, List<Mention> names) {
        Map<String, EntityRecord> others = new HashMap<>();
        for (Mention m : names) {
            if (m.entity != null || m.type == null || m.type == EntityType.PERSON) {
                continue;
            }
            String name = m.canonical != null ? m.canonical : stripThe(m.text);
            String key = m.type + ":" + Lexicon.key(name);
            EntityRecord e = others.get(key);
            if (e == null) {
                e = new EntityRecord(m.type, name);
                others.put(key, e);
            }
            attach(doc, e, m);
        }
        return others;
    }

    /** Phase 7: entities with mentions, in order of first mention, with their canonical names. */
    private List<EntityRecord> finish(Document doc, List<EntityRecord> persons, Map<String, EntityRecord> others) {
        List<EntityRecord> all = new ArrayList<>(persons);
        all.addAll(others.values());
        all.removeIf(e -> e.mentions.isEmpty());
        all.sort(Comparator.comparingInt(e -> e.mentions.get(0).start));
        for (EntityRecord e : all) {
            if (e.type == EntityType.PERSON) {
                finishPerson(doc, e);
            } else {
                finishOther(e);
            }
        }
        return all;
    }
    /**
     * Roles in an apposition: "Joseph Webster, a senior fellow at …," (after the name) or "his national
     * security adviser, Mike Waltz," (before it).
     */
    private void appositiveTitle(Document doc, Mention m) {
        List<Token> tk = doc.tokens;
        int x = m.endToken;
        if (x + 2 < tk.size() && tk.get(x).is(",") && tk.get(x).sentence == tk.get(m.firstToken).sentence) {
            int from = x + 1;
            Token det = tk.get(from);
            if (APPOSITION_DETERMINERS.contains(det.lower)) {
                from++;
            }
            if (from + 2 < tk.size() && tk.get(from + 1).kind == Token.Kind.POSSESSIVE) {
                from += 2; // "the group's president": the role is "president"
            }
            int end = titleEndNear(doc, from, 3);
            int sentenceEnd = doc.sentences.get(tk.get(x).sentence).endToken;
            if (end > 0 && end + 1 < sentenceEnd && tk.get(end).is("of")) {
                // "head of global commodity strategy at RBC", "chairman of the House Judiciary Committee"
                int y = end + 1;
                while (y < sentenceEnd && y - end <= 8 && tk.get(y).isWord() && !tk.get(y).is("who")
                        && !tk.get(y).is("at")) {
                    y++;
                }
                end = y > end + 1 ? y : end;
            }
            if (end > 0 && NameFinder.closesApposition(doc, end, sentenceEnd)) {
                m.titles.add(doc.text.substring(tk.get(from).start, tk.get(end - 1).end));
                return;
            }
        }
        int c = m.phraseStart - 1;
        if (c >= 2 && tk.get(c).is(",")) {
            for (int d = c - 1; d >= 0 && c - d <= 5; d--) {
                Token t = tk.get(d);
                if (ROLE_POSSESSORS.contains(t.lower)) {
                    if (titleEndNear(doc, d + 1, 3) == c) {
                        m.titles.add(doc.text.substring(tk.get(d + 1).start, tk.get(c - 1).end));
                    }
                    return;
                }
                if (t.kind == Token.Kind.POSSESSIVE && d >= 1 && tk.get(d - 1).isCapitalized()) {
                    // "Venezuela's foreign minister, Yván Gil,"
                    if (titleEndNear(doc, d + 1, 3) == c) {
                        m.titles.add(doc.text.substring(tk.get(d - 1).start, tk.get(c - 1).end));
                    }
                    return;
                }
                if (!t.isWord()) {
                    return;
                }
            }
        }
    }

    /** End of the longest title phrase starting within {@code reach} words of {@code from}, or -1. */
    private int titleEndNear(Document doc, int from, int reach) {
        List<Token> tk = doc.tokens;
        int bestEnd = -1;
        for (int y = from; y < tk.size() && y - from < reach && tk.get(y).isWord(); y++) {
            StringBuilder sb = new StringBuilder();
            for (int len = 1; len <= lexicon.maxTitleWords() && y + len <= tk.size(); len++) {
                Token t = tk.get(y + len - 1);
                if (!t.isWord()) {
                    break;
                }
                sb.append(len > 1 ? " " : "").append(t.lower);
                if (lexicon.isTitle(sb.toString())) {
                    bestEnd = y + len;
                }
            }
            if (bestEnd > 0) {
                // "chief economist": a title word followed by another
                while (bestEnd < tk.size() && tk.get(bestEnd).isWord() && lexicon.isTitle(tk.get(bestEnd).lower)) {
                    bestEnd++;
                }
                return bestEnd;
            }
        }
        return -1;
    }

    private void attach(Document doc, EntityRecord e, Mention m) {
        if (e.type == EntityType.PERSON && m.endToken - m.firstToken >= 1) {
            appositiveTitle(doc, m);
        }
        m.entity = e;
        e.mentions.add(m);
        e.forms.add(m.text);
        e.titles.addAll(m.titles);
        if (m.nationality != null && e.nationality == null) {
            e.nationality = m.nationality;
        }
        if (e.gender == 'u' && m.gender != 'u') {
            e.gender = m.gender;
        }
    }

    /**
     * Places and organizations are named by their gazetteer canonical form when the text uses it, else by
     * the form the text uses most (longest on ties): "CIA" stays "CIA", "Kiev" + "Kyiv" becomes "Kyiv".
     */
    private static void finishOther(EntityRecord e) {
        Map<String, Integer> counts = new HashMap<>();
        for (Mention m : e.mentions) {
            counts.merge(stripThe(m.text), 1, Integer::sum);
        }
        if (counts.containsKey(e.name)) {
            return;
        }
        String best = null;
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            if (best == null || c.getValue() > counts.get(best)
                    || c.getValue().equals(counts.get(best)) && c.getKey().length() > best.length()) {
                best = c.getKey();
            }
        }
        if (best != null) {
            e.name = best;
        }
    }

    private void finishPerson(Document doc, EntityRecord e) {
        String best = null;
        int bestWords = 0;
        for (Mention m : e.mentions) {
            int words = 0;
            for (String w : nameWords(doc, m)) {
                if (w.length() > 1) {
                    words++;
                }
            }
            if (words > bestWords) {
                best = m.text;
                bestWords = words;
            }
        }
        if (best != null) {
            e.name = best;
        }
        if (bestWords == 1) {
            // "Pope Francis", "King Charles": known by one name and a title
            for (String t : e.titles) {
                String word = t.substring(t.lastIndexOf(' ') + 1);
                if (REGNAL.contains(Lexicon.key(word))) {
                    e.name = word + " " + e.name;
                    break;
                }
            }
        }
        List<String> w = List.of(e.name.split("\\s+"));
        char g = lexicon.firstName(w.get(0));
        if (w.size() >= 2 && g != 0 && g != 'u') {
            e.gender = g;
        }
    }

    /** "the Oval Workplace": names of people do not take an article. */
    private static boolean afterDeterminer(Document doc, Mention m) {
        int p = m.phraseStart - 1;
        if (p < 0) {
            return false;
        }
        Token t = doc.tokens.get(p);
        return NAME_DETERMINERS.contains(t.lower);
    }

    /** Every word capitalised with lower-case letters after the first (not an acronym, not a number). */
    private static boolean properName(Document doc, Mention m) {
        for (int i = m.firstToken; i < m.endToken; i++) {
            String t = doc.tokens.get(i).text;
            if (t.length() < 2 || !Character.isUpperCase(t.charAt(0)) || !Character.isLowerCase(t.charAt(t.length() - 1))) {
                return false;
            }
        }
        return true;
    }

    /** "Chamber of Commerce warned": a lone word after "of" is part of a longer name, not a person. */
    private static boolean afterPreposition(Document doc, Mention m) {
        int p = m.phraseStart - 1;
        if (p > 0 && doc.tokens.get(p).is("the")) {
            p--;
        }
        return p >= 0 && QuoteCueWords.isPreposition(doc.tokens.get(p).lower);
    }

    /** Name words of a mention, lower case, without initials' dots. */
    private static List<String> nameWords(Document doc, Mention m) {
        List<String> out = new ArrayList<>();
        for (int i = m.firstToken; i < m.endToken; i++) {
            Token t = doc.tokens.get(i);
            if (t.isWord()) {
                out.add(t.lower);
            }
        }
        if (out.size() >= 2 && NameFinder.NAME_SUFFIXES.contains(out.get(out.size() - 1))) {
            out.remove(out.size() - 1); // Robert F. Kennedy Jr. -> kennedy
        }
        return out;
    }

    /** The generational suffix ending the name of m ("jr" of "Trump Jr."), or null. */
    private static String suffixOf(Document doc, Mention m) {
        for (int i = m.endToken - 1; i > m.firstToken; i--) {
            Token t = doc.tokens.get(i);
            if (t.isWord()) {
                return NameFinder.NAME_SUFFIXES.contains(t.lower) ? t.lower : null;
            }
        }
        return null;
    }

    /**
     * Keeps the candidates whose suffix is the mention's: "Trump Jr." is the son; a bare "Trump" is a person
     * without a suffix when there is one (the son is called by his suffix, the father by his surname).
     */
    private static void bySuffix(List<EntityRecord> candidates, String suffix) {
        if (candidates.stream().anyMatch(c -> java.util.Objects.equals(c.suffix, suffix))) {
            candidates.removeIf(c -> !java.util.Objects.equals(c.suffix, suffix));
        }
    }

    private static boolean compatibleFirst(String a, String b) {
        if (a == null || b == null) {
            return true;
        }
        if (a.equals(b)) {
            return true;
        }
        String ca = DIMINUTIVES.getOrDefault(a, a);
        String cb = DIMINUTIVES.getOrDefault(b, b);
        return ca.equals(cb) || (a.length() == 1 || b.length() == 1) && a.charAt(0) == b.charAt(0);
    }

    /** Key under which transliteration variants of a surname meet: first three letters. */
    static String surnameKey(String last) {
        String s = last.toLowerCase(Locale.ROOT);
        return s.length() <= 3 ? s : s.substring(0, 3);
    }

    /** Same surname, allowing one edit for longer names (Zelensky/Zelenskyy, Dmitriev/Dmitryev). */
    static boolean similarSurname(String a, String b) {
        if (a == null || b == null) {
            return true;
        }
        if (a.equals(b)) {
            return true;
        }
        String na = translit(a);
        String nb = translit(b);
        if (na.equals(nb)) {
            return true;
        }
        return Math.min(a.length(), b.length()) >= 6 && withinOneEdit(na, nb);
    }

    private static String translit(String s) {
        String x = s.replace("iy", "y").replace("yy", "y").replace("ij", "y").replace("ii", "i");
        if (x.endsWith("i") && x.length() > 4) {
            x = x.substring(0, x.length() - 1) + "y";
        }
        return x;
    }

    private static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }

    private static String stripThe(String s) {
        return s.startsWith("The ") || s.startsWith("the ") ? s.substring(4) : s;
    }

    /** Persons by surname (exact transliteration key, and first three letters for one-edit variants). */
    private static final class PersonIndex {
        private static final int FUZZY_SCAN_LIMIT = 64;
        private final Map<String, List<EntityRecord>> exact = new HashMap<>();
        private final Map<String, List<EntityRecord>> prefix = new HashMap<>();
        private final Map<String, List<EntityRecord>> firstNames = new HashMap<>();
        private final Map<EntityRecord, int[]> starts = new HashMap<>();

        void add(EntityRecord e, String last) {
            exact.computeIfAbsent(translit(last), x -> new ArrayList<>()).add(e);
            prefix.computeIfAbsent(surnameKey(last), x -> new ArrayList<>()).add(e);
            if (e.first != null) {
                firstNames.computeIfAbsent(DIMINUTIVES.getOrDefault(e.first, e.first), x -> new ArrayList<>()).add(e);
            }
        }

        /** A person first known by the surname alone gets the first name of a full mention. */
        void giveFirstName(EntityRecord e, String first) {
            e.first = first;
            firstNames.computeIfAbsent(DIMINUTIVES.getOrDefault(first, first), x -> new ArrayList<>()).add(e);
        }

        EntityRecord find(String first, String last) {
            List<EntityRecord> c = findAll(first, last);
            return c.isEmpty() ? null : c.get(0);
        }

        List<EntityRecord> findAll(String first, String last) {
            List<EntityRecord> out = new ArrayList<>();
            for (EntityRecord e : exact.getOrDefault(translit(last), List.of())) {
                if (compatibleFirst(first, e.first)) {
                    out.add(e);
                }
            }
            List<EntityRecord> near = prefix.getOrDefault(surnameKey(last), List.of());
            if (near.size() <= FUZZY_SCAN_LIMIT) {
                for (EntityRecord e : near) {
                    if (!out.contains(e) && compatibleFirst(first, e.first) && similarSurname(last, e.last)) {
                        out.add(e);
                    }
                }
            }
            return out;
        }

        EntityRecord byFirstName(String first) {
            List<EntityRecord> c = firstNames.getOrDefault(DIMINUTIVES.getOrDefault(first, first), List.of());
            return c.size() == 1 ? c.get(0) : null;
        }

        /** The candidate mentioned last before m (or, failing that, first after it). */
        EntityRecord nearest(List<EntityRecord> candidates, Mention m) {
            if (candidates.size() <= 1) {
                return candidates.isEmpty() ? null : candidates.get(0);
            }
            EntityRecord best = null;
            long bestDistance = Long.MAX_VALUE;
            for (EntityRecord e : candidates) {
                int[] st = starts.computeIfAbsent(e, x -> x.mentions.stream().mapToInt(y -> y.start).sorted().toArray());
                int i = java.util.Arrays.binarySearch(st, m.start);
                int idx = i >= 0 ? i : -i - 2;
                long d = idx >= 0 ? m.start - st[idx]
                        : idx + 1 < st.length ? 2L * (st[idx + 1] - m.start) : Long.MAX_VALUE;
                if (d < bestDistance) {
                    bestDistance = d;
                    best = e;
                }
            }
            return best;
        }
    }
}
