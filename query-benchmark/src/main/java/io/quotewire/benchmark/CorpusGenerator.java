package io.quotewire.benchmark;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Makes realistic synthetic news articles with their extraction, as ingest-service would push them
 * to query-service ({@code IndexedDocument} JSON): invented people, organisations, places and
 * outlets, dates over two years, direct/partial/indirect quotes with speakers, cue words, sentences
 * and exact character offsets. Every name and sentence is composed from the small invented word
 * lists below (no text is taken from anywhere).
 *
 * <p>Realism that matters to the queries: entity popularity is heavy-tailed (a few people are in
 * many articles), people are named in full then by surname, surnames are shared by several
 * people, some quotes are repeated by several articles (clusters, sometimes trimmed or with an
 * ellipsis), and about one article in ten is a syndicated copy of a recent one (same family).
 * Deterministic for a given seed and article number.
 */
public final class CorpusGenerator {

    private static final String[] FIRST = {"Adela", "Boris", "Calla", "Dmitra", "Elio", "Fenna", "Goran", "Hesper",
            "Ilka", "Jarek", "Kasimir", "Liesl", "Marek", "Nadia", "Oren", "Pilar", "Quint", "Rosalind", "Soren",
            "Tamsin", "Ulric", "Vesna", "Wendell", "Xenia", "Yorick", "Zora", "Anouk", "Bastian", "Cosima", "Dario",
            "Edda", "Florin", "Greta", "Hugo", "Isolde", "Jovan", "Katrin", "Lazlo", "Mirela", "Niko", "Odile",
            "Pavel", "Ragna", "Stellan", "Tilde", "Ugo", "Valka", "Wim", "Yara", "Zeno"};
    private static final String[] SYL1 = {"Var", "Mor", "Kest", "Hal", "Brenn", "Tor", "Lind", "Ash", "Corv", "Dra",
            "Ell", "Fal", "Grim", "Hess", "Ivor", "Jask", "Kar", "Lom", "Mar", "Nor", "Ost", "Pell", "Quar", "Rav",
            "Sel", "Tavi", "Ulm", "Vey", "Wex", "Yel"};
    private static final String[] SYL2 = {"an", "ow", "ick", "ard", "el", "ost", "ing", "ane", "ith", "ov", "ez",
            "und", "ar", "ey", "is", "om", "ett", "ac", "ur", "ine"};
    private static final String[] SYL3 = {"", "", "", "sky", "berg", "ton", "ley", "ford", "ski", "son", "ero",
            "ova", "holm", "stad", "wick"};
    private static final String[] ORG_KIND = {"Council", "Authority", "Union", "Institute", "Party", "Commission",
            "Bank", "Agency", "Alliance", "Federation", "Ministry of Transport", "Port Board", "Water Company",
            "Energy Group", "Press Office"};
    private static final String[] OUTLET = {"Herald", "Courier", "Post", "Ledger", "Gazette", "Wire", "Observer",
            "Chronicle", "Tribune", "Dispatch"};
    private static final String[] TITLES = {"Prime Minister", "Foreign Minister", "Mayor", "Senator", "spokesperson",
            "chief executive", "union leader", "Finance Minister", "opposition leader", "governor", "ambassador",
            "party chair"};
    private static final String[] VERB = {"protect", "rebuild", "fund", "review", "delay", "expand", "close",
            "reform", "defend", "cancel", "approve", "investigate", "support", "reject", "modernise", "share"};
    private static final String[] VERBED = {"criticised", "welcomed", "questioned", "announced", "defended",
            "postponed", "reviewed", "praised", "rejected", "approved"};
    private static final String[] ADJ = {"new", "regional", "fragile", "costly", "delayed", "ambitious", "local",
            "northern", "coastal", "public", "disputed", "temporary", "historic", "cross-border", "final"};
    private static final String[] NOUN = {"ceasefire", "budget", "harbour", "rail line", "tariff", "pension plan",
            "water supply", "bridge", "election", "treaty", "grain deal", "hospital", "fishing quota", "border crossing",
            "energy price", "school reform", "tax cut", "peace talks", "power grid", "housing plan", "trade route",
            "drought", "vaccine programme", "sanctions", "wage agreement"};
    private static final String[] TIME = {"the end of the year", "next spring", "the summer", "the next election",
            "winter", "the autumn session", "the deadline", "March", "the summit"};
    private static final String[] SAY = {"said", "told reporters", "added", "warned", "insisted", "explained"};

    private final long seed;
    private final int people;
    private final int orgs;
    private final int places;
    private final int outlets;
    private final int famousQuotes;

    /** A generator for a corpus of about {@code size} articles (sizes the invented world to it). */
    public CorpusGenerator(long seed, int size) {
        this.seed = seed;
        this.people = 400 + size / 20;
        this.orgs = 100 + size / 100;
        this.places = 100 + size / 200;
        this.outlets = 60;
        this.famousQuotes = 50 + size / 50;
    }

    /** The i-th article (0-based), its id derived from the seed and i. */
    public Map<String, Object> article(long i) {
        return build(i).body;
    }

    public UUID id(long i) {
        return new UUID(seed, i);
    }

    /** A person's full name (for the load generator's speaker queries). */
    public String personName(int p) {
        Random r = new Random(seed * 31 + p * 7919L);
        String last = SYL1[r.nextInt(SYL1.length)] + SYL2[r.nextInt(SYL2.length)] + SYL3[r.nextInt(SYL3.length)];
        return FIRST[r.nextInt(FIRST.length)] + " " + last;
    }

    /** A popular person number (heavy-tailed: low numbers are much more frequent). */
    public int popularPerson(Random r) {
        return skewed(r, people);
    }

    public String outletName(int o) {
        return "The " + placeName(o) + " " + OUTLET[o % OUTLET.length];
    }

    public int outlets() {
        return outlets;
    }

    /** A word that occurs in the articles (for full-text queries). */
    public static String word(Random r) {
        String[] pool = r.nextBoolean() ? NOUN : VERB;
        return pool[r.nextInt(pool.length)];
    }

    private String orgName(int o) {
        Random r = new Random(seed * 17 + o * 104_729L);
        return placeName(o % places) + " " + ORG_KIND[r.nextInt(ORG_KIND.length)];
    }

    private String placeName(int p) {
        Random r = new Random(seed * 13 + p * 1_299_709L);
        String name = SYL1[r.nextInt(SYL1.length)] + SYL2[r.nextInt(SYL2.length)];
        return switch (r.nextInt(4)) {
            case 0 -> "Port " + name;
            case 1 -> name + "ia";
            case 2 -> name + "mouth";
            default -> name + SYL3[3 + r.nextInt(SYL3.length - 3)];
        };
    }

    private String famousQuote(int q) {
        Random r = new Random(seed * 7 + q * 15_485_863L);
        return quoteText(r, true);
    }

    private static int skewed(Random r, int n) {
        double u = r.nextDouble();
        return (int) Math.min(n - 1, Math.floor(n * u * u * u));
    }

    private static String quoteText(Random r, boolean longer) {
        String s = switch (r.nextInt(6)) {
            case 0 -> "We will " + pick(r, VERB) + " the " + pick(r, ADJ) + " " + pick(r, NOUN) + " before " + pick(r, TIME);
            case 1 -> "Nobody should " + pick(r, VERB) + " the " + pick(r, NOUN) + " without a vote";
            case 2 -> "The " + pick(r, NOUN) + " is " + pick(r, ADJ) + " and we intend to " + pick(r, VERB) + " it";
            case 3 -> "This " + pick(r, NOUN) + " will " + pick(r, VERB) + " every family in the region";
            case 4 -> "I asked the " + pick(r, ADJ) + " " + pick(r, NOUN) + " committee to " + pick(r, VERB) + " it";
            default -> "No " + pick(r, ADJ) + " " + pick(r, NOUN) + " plan will " + pick(r, VERB) + " the " + pick(r, NOUN);
        };
        if (longer) {
            s += ", and we will not " + pick(r, VERB) + " the " + pick(r, NOUN) + " for " + pick(r, TIME);
        }
        return s;
    }

    private static String pick(Random r, String[] words) {
        return words[r.nextInt(words.length)];
    }

    /** The article and, for the benchmark, what it is about. */
    private record Built(Map<String, Object> body) {
    }

    private Built build(long i) {
        Random r = new Random(seed ^ (i * 0x9E3779B97F4A7C15L));
        // One article in ten copies an earlier one (same family, different outlet and title).
        if (i > 10 && r.nextInt(10) == 0) {
            long original = i - 1 - r.nextInt((int) Math.min(i - 1, 500));
            Map<String, Object> copy = new LinkedHashMap<>(build(original).body);
            Object family = copy.getOrDefault("familyId", id(original).toString());
            copy.put("familyId", family);
            copy.put("source", outletName(r.nextInt(outlets)));
            copy.put("title", "(Syndicated) " + copy.get("title"));
            copy.put("url", "https://news.example/" + id(i));
            copy.put("receivedAt", Instant.parse((String) copy.get("publishedAt")).plusSeconds(3600 + r.nextInt(86_400)).toString());
            return new Built(copy);
        }
        Instant published = Instant.parse("2024-01-01T00:00:00Z").plusSeconds((long) r.nextInt(730 * 86_400));
        Text text = new Text();
        Map<Integer, Ent> persons = new LinkedHashMap<>();
        List<Ent> entities = new ArrayList<>();
        List<Map<String, Object>> quotes = new ArrayList<>();

        int placeNo = skewed(r, places);
        Ent place = new Ent("e" + (entities.size() + 1), placeName(placeNo), "LOCATION");
        entities.add(place);
        int orgNo = skewed(r, orgs);
        Ent org = new Ent("e" + (entities.size() + 1), orgName(orgNo), "ORGANIZATION");
        entities.add(org);
        int nPeople = 2 + r.nextInt(3);
        List<Ent> cast = new ArrayList<>();
        while (cast.size() < nPeople) {
            int p = skewed(r, people);
            if (!persons.containsKey(p)) {
                Ent e = new Ent("e" + (entities.size() + 1), personName(p), "PERSON");
                e.titles.add(TITLES[new Random(seed + p).nextInt(TITLES.length)]);
                persons.put(p, e);
                entities.add(e);
                cast.add(e);
            }
        }
        Ent lead = cast.get(0);
        String weekday = DayOfWeek.from(published.atZone(ZoneOffset.UTC)).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String title = lead.name + " " + pick(r, VERBED) + " the " + pick(r, NOUN) + " plan";

        // Lead sentence: title, full name, organisation, place.
        text.add(capitalise(lead.titles.get(0)) + " ");
        text.mention(lead, lead.name);
        text.add(" " + pick(r, VERBED) + " the ");
        text.mention(org, org.name);
        text.add(" in ");
        text.mention(place, place.name);
        text.add(" on " + weekday + ". ");
        int sentences = 4 + r.nextInt(6);
        for (int s = 0; s < sentences; s++) {
            Ent speaker = cast.get(skewed(r, cast.size()));
            boolean introduced = speaker.mentions.size() > 0;
            String surname = speaker.name.substring(speaker.name.lastIndexOf(' ') + 1);
            int kind = r.nextInt(10);
            boolean famous = r.nextInt(7) == 0;
            String quoted = famous ? famousQuote(skewed(r, famousQuotes)) : quoteText(r, r.nextBoolean());
            // A third of the other quotes name an organisation, a place or another person (what they are about).
            Ent subject = famous || r.nextInt(3) != 0 ? null
                    : switch (r.nextInt(3)) {
                        case 0 -> org;
                        case 1 -> place;
                        default -> cast.get(r.nextInt(cast.size())) == speaker ? org : cast.get(r.nextInt(cast.size()));
                    };
            if (kind < 4) {
                // Direct: "Quote," Surname said.  (a repeated quote is sometimes trimmed or elided)
                if (quoted.length() > 60 && r.nextInt(3) == 0) {
                    int cut = quoted.indexOf(',') > 0 ? quoted.indexOf(',') : quoted.lastIndexOf(' ', quoted.length() * 2 / 3);
                    quoted = quoted.substring(0, cut) + "...";
                }
                int sentenceStart = text.length();
                text.add("\u201C");
                int qs = text.length();
                text.add(quoted);
                about(text, subject, speaker);
                text.add(",");
                int qe = text.length();
                text.add("\u201D ");
                String shown = introduced ? surname : speaker.name;
                int ms = text.length();
                text.mention(speaker, shown);
                text.add(" ");
                int cs = text.length();
                String cue = pick(r, SAY);
                text.add(cue + ".");
                quotes.add(quote(text.slice(qs, qe), "DIRECT", qs, qe, speaker, span(shown, ms), cs, cue, sentenceStart,
                        text.length()));
                text.add(" ");
            } else if (kind < 7) {
                // Indirect: Name said that clause.
                int sentenceStart = text.length();
                String shown = introduced ? surname : speaker.name;
                text.mention(speaker, shown);
                text.add(" ");
                int cs = text.length();
                text.add("said that ");
                String clause = lower(quoted).replace("We will", "they would").replace("we will", "they would")
                        .replace("I asked", "they had asked").replace("we intend", "they intended");
                int qs = text.length();
                text.add(clause);
                about(text, subject, speaker);
                int qe = text.length();
                text.add(".");
                quotes.add(quote(text.slice(qs, qe), "INDIRECT", qs, qe, speaker, span(shown, sentenceStart), cs, "said",
                        sentenceStart, text.length()));
                text.add(" ");
            } else if (kind < 8) {
                // Partial: Surname called the plan "a few words".
                int sentenceStart = text.length();
                String shown = introduced ? surname : speaker.name;
                text.mention(speaker, shown);
                text.add(" ");
                int cs = text.length();
                text.add("called the " + pick(r, NOUN) + " \u201C");
                int qs = text.length();
                String words = pick(r, ADJ) + " and " + pick(r, ADJ);
                text.add(words);
                int qe = text.length();
                text.add("\u201D.");
                quotes.add(quote(words, "PARTIAL", qs, qe, speaker, span(shown, sentenceStart), cs, "called", sentenceStart,
                        text.length()));
                text.add(" ");
            } else {
                // Background sentence naming the organisation or another place.
                text.add("The ");
                text.mention(org, org.name);
                text.add(" has " + pick(r, VERBED) + " the " + pick(r, ADJ) + " " + pick(r, NOUN) + " since "
                        + pick(r, TIME) + ", officials in ");
                text.mention(place, place.name);
                text.add(" said. ");
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("source", outletName(r.nextInt(outlets)));
        body.put("url", "https://news.example/" + id(i));
        body.put("publishedAt", published.toString());
        String full = text.toString().strip();
        body.put("text", full);
        for (Map<String, Object> q : quotes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> sentence = (Map<String, Object>) q.get("sentence");
            sentence.put("text", full.substring((Integer) sentence.get("start"), (Integer) sentence.get("end")));
        }
        List<Map<String, Object>> entityJson = new ArrayList<>();
        for (Ent e : entities) {
            if (!e.mentions.isEmpty()) {
                entityJson.add(e.json());
            }
        }
        Map<String, Object> extraction = new LinkedHashMap<>();
        extraction.put("quotes", quotes);
        extraction.put("entities", entityJson);
        extraction.put("extractorVersion", "synthetic-1");
        body.put("extraction", extraction);
        return new Built(body);
    }

    /** " for X" inside a quote, naming what it is about (nothing when subject is null or the speaker). */
    private static void about(Text text, Ent subject, Ent speaker) {
        if (subject != null && subject != speaker) {
            text.add(" for ");
            text.mention(subject, subject.name);
        }
    }

    /** A quote in one piece (one part), its speaker named at {@code mention} (resolution NAME). */
    private static Map<String, Object> quote(String text, String type, int start, int end, Ent speaker,
                                             Map<String, Object> mention, int cueStart, String cue, int sentenceStart,
                                             int sentenceEnd) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("text", text);
        q.put("type", type);
        q.put("start", start);
        q.put("end", end);
        q.put("parts", List.of(span(text, start)));
        q.put("speaker", Map.of("name", speaker.name, "entityId", speaker.id, "type", speaker.type, "mention", mention,
                "resolution", "NAME"));
        q.put("cue", span(cue, cueStart));
        Map<String, Object> sentence = new LinkedHashMap<>();
        sentence.put("start", sentenceStart);
        sentence.put("end", sentenceEnd);
        q.put("sentence", sentence);
        q.put("confidence", 0.9);
        return q;
    }

    private static Map<String, Object> span(String text, int start) {
        return Map.of("text", text, "start", start, "end", start + text.length());
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String lower(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** An entity of one article: its mentions and the aliases they used. */
    private static final class Ent {
        final String id;
        final String name;
        final String type;
        final List<String> titles = new ArrayList<>();
        final List<String> aliases = new ArrayList<>();
        final List<Map<String, Object>> mentions = new ArrayList<>();

        Ent(String id, String name, String type) {
            this.id = id;
            this.name = name;
            this.type = type;
        }

        Map<String, Object> json() {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", id);
            e.put("name", name);
            e.put("type", type);
            e.put("aliases", aliases);
            e.put("titles", titles);
            e.put("mentions", mentions);
            return e;
        }
    }

    /** The article text being written, with mention offsets recorded as names are added. */
    private static final class Text {
        private final StringBuilder sb = new StringBuilder();

        void add(String s) {
            sb.append(s);
        }

        void mention(Ent e, String surface) {
            int start = sb.length();
            sb.append(surface);
            e.mentions.add(span(surface, start));
            if (!surface.equals(e.name) && !e.aliases.contains(surface)) {
                e.aliases.add(surface);
            }
        }

        int length() {
            return sb.length();
        }

        String slice(int start, int end) {
            return sb.substring(start, end);
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
