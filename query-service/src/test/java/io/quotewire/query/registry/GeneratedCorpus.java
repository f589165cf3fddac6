package io.quotewire.query.registry;

import io.quotewire.query.api.model.Entity;
import io.quotewire.query.api.model.EntityType;
import io.quotewire.query.api.model.Extraction;
import io.quotewire.query.api.model.IndexedDocument;
import io.quotewire.query.api.model.Quote;
import io.quotewire.query.api.model.QuoteType;
import io.quotewire.query.api.model.Span;
import io.quotewire.query.api.model.Speaker;
import io.quotewire.query.api.model.SpeakerResolution;
import io.quotewire.query.names.RegistryModel;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A generated news corpus whose people are known: families sharing a surname (different first
 * names), fathers and sons told apart by "Jr.", namesakes sharing a surname and a first initial,
 * house styles (middle initials, short forms of first names: Joe / Joseph), transliteration
 * variants of long surnames (Zelensky / Zelenskyy / Zelenskiy), titles before a name, and articles
 * that name a person only by surname ("Mr. Kowal", "Kowal") or by initial and surname ("M. Kowal"). Each article is what the extraction
 * would answer: one entity per person it names, written the way that article writes it, with a
 * mention and a quote. {@link #gold} holds the real person of every article entity.
 */
final class GeneratedCorpus {

    /** A real person of the corpus and the ways newspapers write the name. */
    record Person(int id, String first, String shortFirst, String middleInitial, String surname,
                  List<String> surnameVariants, String suffix) {
        String full() {
            return first + " " + surname + (suffix.isEmpty() ? "" : " " + suffix);
        }
    }

    final List<Person> people = new ArrayList<>();
    final List<Extracted.Article> articles = new ArrayList<>();
    final Map<RegistryModel.Member, Integer> gold = new HashMap<>();

    private static final String[] FIRST = {"Alan", "Beatrice", "Carmen", "Dmitry", "Elena", "Farid", "Greta", "Hector",
        "Ingrid", "Jonas", "Keiko", "Lars", "Marta", "Nadia", "Oscar", "Priya", "Quentin", "Rosa", "Soren", "Tamsin",
        "Ulrich", "Vera", "Walter", "Ximena", "Yusuf", "Zora", "Amara", "Bruno", "Celine", "Desmond"};
    /** First names with the short forms the newspapers use (pairs of extraction-core's lexicon). */
    private static final String[][] SHORT = {{"Joseph", "Joe"}, {"Patrick", "Pat"}, {"Douglas", "Doug"},
        {"William", "Bill"}, {"Robert", "Bob"}, {"Michael", "Mike"}, {"Thomas", "Tom"}, {"Elizabeth", "Liz"},
        {"Charles", "Chuck"}, {"Kenneth", "Ken"}};
    private static final String[] SURNAMES = {"Okafor", "Lindqvist", "Marchetti", "Abernathy", "Castellanos",
        "Haverford", "Nakamura", "Petrovic", "Quartermain", "Rasmussen", "Szabo", "Thorne", "Valdivia", "Wexley",
        "Yilmaz", "Zimmerle", "Brannigan", "Delacroix", "Ellsworth", "Fairbanks", "Gallagher", "Holloway",
        "Iverson", "Jankowski", "Kilbride", "Lockhart", "Montague", "Northcott", "Oyelaran", "Prescott"};
    /** Long surnames with their transliterations. */
    private static final String[][] TRANSLITERATED = {{"Zelensky", "Zelenskyy", "Zelenskiy"},
        {"Dobrovolsky", "Dobrovolskyy", "Dobrovolskiy"}, {"Kovalevsky", "Kovalevskyi", "Kovalevski"},
        {"Yaroslavsky", "Yaroslavskyy"}};
    private static final String[] TITLES = {"President", "Sen.", "Gov.", "Minister", "Mayor", "Dr.", "Judge"};
    private static final String[] TOPICS = {"the budget would pass", "talks would resume", "the port would reopen",
        "the vote was delayed", "prices would fall", "the deal was close", "the inquiry was over"};

    GeneratedCorpus(long seed, int articleCount) {
        Random r = new Random(seed);
        int id = 0;
        int surname = 0;
        // single people, some with short forms and middle initials
        for (int i = 0; i < 14; i++) {
            boolean withShort = i < SHORT.length;
            String first = withShort ? SHORT[i][0] : FIRST[i];
            people.add(new Person(id++, first, withShort ? SHORT[i][1] : null, initial(r),
                    SURNAMES[surname++], List.of(), ""));
        }
        // families: two or three people sharing a surname, different first names
        for (int f = 0; f < 5; f++) {
            String s = SURNAMES[surname++];
            int size = 2 + r.nextInt(2);
            for (int k = 0; k < size; k++) {
                people.add(new Person(id++, FIRST[(f * 3 + k + 10) % FIRST.length], null, initial(r), s, List.of(), ""));
            }
        }
        // fathers and sons: the same name, the son with Jr.
        for (int f = 0; f < 3; f++) {
            String s = SURNAMES[surname++];
            String first = FIRST[20 + f];
            people.add(new Person(id++, first, null, initial(r), s, List.of(), ""));
            people.add(new Person(id++, first, null, initial(r), s, List.of(), "Jr."));
        }
        // namesakes: a surname and a first initial in common
        for (int f = 0; f < 2; f++) {
            String s = SURNAMES[surname++];
            people.add(new Person(id++, f == 0 ? "Marta" : "Oscar", null, initial(r), s, List.of(), ""));
            people.add(new Person(id++, f == 0 ? "Maria" : "Osman", null, initial(r), s, List.of(), ""));
        }
        // long surnames written in several transliterations
        for (String[] t : TRANSLITERATED) {
            people.add(new Person(id++, FIRST[r.nextInt(FIRST.length)], null, initial(r), t[0], List.of(t), ""));
        }
        for (int a = 0; a < articleCount; a++) {
            articles.add(article(r, a));
        }
    }

    private static String initial(Random r) {
        return r.nextInt(3) == 0 ? null : String.valueOf((char) ('A' + r.nextInt(26))) + ".";
    }

    /** Popular people are named more often (Zipf-like by id order, shuffled by the seed). */
    private Person pick(Random r) {
        double u = r.nextDouble();
        int i = (int) Math.floor(people.size() * Math.pow(u, 2.2));
        return people.get(Math.min(i, people.size() - 1));
    }

    private Extracted.Article article(Random r, int number) {
        Set<Person> named = new LinkedHashSet<>();
        int n = 1 + r.nextInt(4);
        while (named.size() < n) {
            named.add(pick(r));
        }
        StringBuilder text = new StringBuilder();
        List<Entity> entities = new ArrayList<>();
        List<Quote> quotes = new ArrayList<>();
        String label = String.format("gen-%04d", number);
        int e = 0;
        for (Person p : named) {
            String form = form(r, p);
            String entityId = "e" + (++e);
            int start = text.length();
            text.append(form).append(" said ");
            int quoteStart = text.length();
            String topic = TOPICS[r.nextInt(TOPICS.length)];
            text.append(topic).append(". ");
            entities.add(new Entity().id(entityId).name(form).type(EntityType.PERSON)
                    .aliases(new ArrayList<>()).titles(new ArrayList<>())
                    .mentions(new ArrayList<>(List.of(new Span().text(form).start(start).end(start + form.length())))));
            quotes.add(new Quote().text(topic).type(QuoteType.INDIRECT).start(quoteStart).end(quoteStart + topic.length())
                    .speaker(new Speaker().name(form).entityId(entityId).type(EntityType.PERSON)
                            .resolution(SpeakerResolution.NAME)
                            .mention(new Span().text(form).start(start).end(start + form.length())))
                    .cue(new Span().text("said").start(start + form.length() + 1).end(start + form.length() + 5)));
            gold.put(new RegistryModel.Member(label, entityId), p.id());
        }
        IndexedDocument doc = new IndexedDocument().title("Generated " + number).source("Generated Wire")
                .text(text.toString())
                .publishedAt(OffsetDateTime.parse("2025-01-01T00:00:00Z").plusHours(number))
                .extraction(new Extraction().extractorVersion("generated").entities(entities).quotes(quotes));
        return new Extracted.Article(label, UUID.nameUUIDFromBytes(label.getBytes(StandardCharsets.UTF_8)), doc);
    }

    /** How this article writes the person's name. */
    private static String form(Random r, Person p) {
        String surname = p.surnameVariants().isEmpty() ? p.surname()
                : p.surnameVariants().get(r.nextInt(p.surnameVariants().size()));
        String suffix = p.suffix().isEmpty() ? "" : " " + p.suffix();
        int style = r.nextInt(100);
        if (style < 12) {
            // the surname alone, or with an honorific or title (the article never gives the full name)
            String lead = switch (r.nextInt(3)) {
                case 0 -> "";
                case 1 -> "Mr. ";
                default -> TITLES[r.nextInt(TITLES.length)] + " ";
            };
            return lead + surname + suffix;
        }
        if (style < 16) {
            return p.first().charAt(0) + ". " + surname + suffix; // a first initial: "M. Kilbride"
        }
        String first = p.shortFirst() != null && style < 45 ? p.shortFirst() : p.first();
        String middle = p.middleInitial() != null && style % 3 == 0 ? " " + p.middleInitial() : "";
        String title = style % 7 == 0 ? TITLES[r.nextInt(TITLES.length)] + " " : "";
        return title + first + middle + " " + surname + suffix;
    }

    /** The entities of {@code assignment} that hold more than one real person, with the forms that joined them. */
    Map<String, Set<String>> impure(Map<RegistryModel.Member, String> assignment) {
        Map<String, Set<Integer>> persons = new java.util.TreeMap<>();
        Map<String, Set<String>> forms = new java.util.TreeMap<>();
        Map<String, Extracted.Article> byLabel = new HashMap<>();
        articles.forEach(a -> byLabel.put(a.label(), a));
        gold.forEach((m, person) -> {
            String entity = assignment.get(m);
            persons.computeIfAbsent(entity, k -> new java.util.TreeSet<>()).add(person);
            String form = byLabel.get(m.document()).doc().getExtraction().getEntities().stream()
                    .filter(e -> e.getId().equals(m.entity())).findFirst().orElseThrow().getName();
            forms.computeIfAbsent(entity, k -> new java.util.TreeSet<>()).add(people.get(person).full() + " as " + form);
        });
        forms.keySet().removeIf(entity -> persons.get(entity).size() < 2);
        return forms;
    }

    /** B-cubed precision, recall and F1 over the article entities of {@code assignment} against {@link #gold}. */
    double[] bcubed(Map<RegistryModel.Member, String> assignment) {
        Map<String, List<RegistryModel.Member>> system = new HashMap<>();
        Map<Integer, List<RegistryModel.Member>> real = new HashMap<>();
        gold.forEach((m, person) -> {
            system.computeIfAbsent(assignment.get(m), k -> new ArrayList<>()).add(m);
            real.computeIfAbsent(person, k -> new ArrayList<>()).add(m);
        });
        double p = 0;
        double rc = 0;
        for (Map.Entry<RegistryModel.Member, Integer> g : gold.entrySet()) {
            List<RegistryModel.Member> sys = system.get(assignment.get(g.getKey()));
            List<RegistryModel.Member> gol = real.get(g.getValue());
            long both = sys.stream().filter(m -> gold.get(m).equals(g.getValue())).count();
            p += (double) both / sys.size();
            rc += (double) both / gol.size();
        }
        p /= gold.size();
        rc /= gold.size();
        return new double[] {p, rc, 2 * p * rc / (p + rc)};
    }
}
