package io.quotewire.ingest.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates unrelated, news-like articles for the duplicate-detection tests: a headline, then
 * paragraphs about one of several beats, with people, places, organisations, numbers, dates and
 * quotes drawn at random, so two articles share vocabulary (and sometimes a place or an
 * institution) the way two real news stories do, but not a story.
 */
public final class ArticleGenerator {

    static final String[] FIRST = ("James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
            + "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty Mark "
            + "Sandra Paul Ashley Steven Kimberly Andrew Emily Kenneth Donna Joshua Michelle Kevin Carol Brian Amanda "
            + "George Melissa Timothy Deborah Olena Dmitri Ahmed Fatima Wei Mei Hiroshi Yuki Carlos Lucia Pierre Amelie "
            + "Hans Greta Kwame Amara Rajesh Priya Ivan Svetlana Omar Leila Sven Ingrid Mateo Valentina Tariq Noor").split(" ");
    static final String[] LAST = ("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez "
            + "Lopez Gonzalez Wilson Anderson Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark "
            + "Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson "
            + "Baker Hall Rivera Campbell Mitchell Carter Roberts Kowalski Novak Petrenko Ivanova Schmidt Muller Dubois "
            + "Laurent Rossi Bianchi Tanaka Suzuki Chen Wang Okafor Mensah Patel Sharma Haddad Nasser Larsen Berg "
            + "Silva Costa Yilmaz Demir Kim Park Fischer Weber Moreau Fontaine Oduya Banda").split(" ");
    static final String[] PLACES = ("London Paris Berlin Madrid Rome Warsaw Kyiv Lagos Nairobi Cairo Tokyo Seoul Delhi "
            + "Mumbai Jakarta Manila Sydney Toronto Chicago Houston Denver Boston Seattle Atlanta Miami Lima Bogota "
            + "Santiago Brussels Vienna Prague Budapest Athens Lisbon Dublin Oslo Stockholm Helsinki Ankara Doha "
            + "Riyadh Karachi Dhaka Hanoi Bangkok Auckland Johannesburg Accra Dakar Quito Montreal Glasgow Lyon Munich "
            + "Milan Porto Gdansk Odesa Kharkiv Tbilisi").split(" ");
    static final String[] ORGS = {"the Ministry of Finance", "the Central Bank", "the Supreme Court", "the City Council",
            "the World Health Organization", "the United Nations", "the European Commission", "Parliament",
            "the Transport Authority", "the Teachers Union", "the Chamber of Commerce", "the Red Cross",
            "the Energy Regulator", "the National Weather Service", "the Football Association",
            "the Environmental Protection Agency", "the Port Authority", "the State Department", "the Senate",
            "the National Institutes of Health", "Greenfield Energy", "Northwind Airlines", "Atlas Motors",
            "Brightline Foods", "Helix Pharmaceuticals", "Summit Bank", "Orbital Systems", "Riverstone Mining"};
    static final String[] MONTHS = "January February March April May June July August September October November December".split(" ");
    static final String[] DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(" ");

    /** Per beat: nouns, verbs (past tense), adjectives. */
    private static final String[][][] BEATS = {
            {{"budget", "tax", "deficit", "spending", "pension", "tariff", "subsidy", "loan", "bond", "revenue"},
                    {"approved", "rejected", "proposed", "cut", "raised", "delayed", "announced", "defended"},
                    {"new", "large", "controversial", "annual", "emergency", "modest", "ambitious"}},
            {{"election", "vote", "coalition", "campaign", "candidate", "ballot", "referendum", "reform", "minister", "party"},
                    {"won", "lost", "called", "postponed", "challenged", "backed", "criticised", "promised"},
                    {"early", "close", "bitter", "national", "local", "surprising", "contested"}},
            {{"storm", "flood", "drought", "wildfire", "heatwave", "earthquake", "evacuation", "shelter", "river", "harvest"},
                    {"hit", "destroyed", "damaged", "forced", "threatened", "flooded", "spread", "eased"},
                    {"severe", "heavy", "unusual", "deadly", "sudden", "widespread", "record"}},
            {{"trial", "verdict", "lawsuit", "judge", "appeal", "sentence", "witness", "investigation", "fraud", "ruling"},
                    {"ordered", "dismissed", "opened", "overturned", "heard", "charged", "cleared", "upheld"},
                    {"lengthy", "landmark", "criminal", "federal", "unanimous", "disputed", "sealed"}},
            {{"vaccine", "hospital", "outbreak", "clinic", "study", "patient", "treatment", "virus", "nurse", "trial"},
                    {"reported", "tested", "found", "treated", "warned", "recorded", "confirmed", "expanded"},
                    {"clinical", "rare", "public", "chronic", "early", "promising", "limited"}},
            {{"match", "season", "coach", "striker", "title", "league", "transfer", "stadium", "injury", "final"},
                    {"scored", "signed", "beat", "sacked", "drew", "missed", "celebrated", "clinched"},
                    {"dramatic", "late", "decisive", "home", "crucial", "stunning", "narrow"}},
            {{"chip", "startup", "software", "network", "satellite", "battery", "factory", "merger", "platform", "data"},
                    {"launched", "acquired", "built", "released", "unveiled", "shut", "hacked", "tested"},
                    {"digital", "powerful", "cheaper", "secure", "faster", "global", "experimental"}},
            {{"strike", "wage", "union", "contract", "worker", "shift", "protest", "railway", "port", "airport"},
                    {"ended", "began", "demanded", "accepted", "blocked", "organised", "joined", "suspended"},
                    {"national", "weekly", "indefinite", "fair", "higher", "angry", "peaceful"}},
    };

    private static final String[] SENTENCES = {
            "{P} {V} the {A} {N} on {D}, officials in {L} said.",
            "The {N} was {V} after weeks of talks between {O} and local leaders in {L}.",
            "According to {O}, about {NUM} people were affected by the {A} {N} in {L}.",
            "Critics said the {N} would cost {NUM} million dollars over {SMALL} years.",
            "In {M}, {O} {V} a {A} {N} that many in {L} had opposed.",
            "{P}, who has led {O} since {YEAR}, {V} the {N} at a news conference.",
            "The {A} {N} comes as {L} faces its worst {N2} in {SMALL} decades.",
            "Figures released on {D} showed the {N} grew by {SMALL} percent in {M}.",
            "Residents of {L} told reporters the {N} had changed little in their daily lives.",
            "Analysts expect {O} to review the {N} again before the end of {M}.",
            "More than {NUM} residents signed a petition against the {A} {N}.",
            "The decision by {O} follows a {A} {N2} that {V} the region last {M}.",
            "{P} and {P2} met in {L} on {D} to discuss the {N} and the {N2}.",
            "It was not immediately clear how the {N} would affect the {N2}.",
            "Officials in {L} said {SMALL} people had been detained in connection with the {N}.",
            "The {N} is expected to reach {L} by {D}, according to {O}.",
    };
    private static final String[] QUOTES = {
            "We have done everything we could to protect the {N}",
            "This {N} is a {A} mistake and people in {L} will pay for it",
            "Nobody expected the {N} to be this {A}",
            "We will keep working with {O} until the {N} is finished",
            "The numbers speak for themselves, {NUM} families are waiting",
            "I am proud of what we achieved with the {N} this year",
            "There is no plan for the {N2}, and that worries me",
            "Our priority is the safety of every resident of {L}",
    };
    private static final String[] SAY = {"said", "told reporters", "said in a statement", "added", "told the BBC"};

    private final Random random;

    public ArticleGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** An article: a headline line, a blank line, then paragraphs of one to three sentences. */
    public String article() {
        String[][] beat = BEATS[random.nextInt(BEATS.length)];
        String[] people = {person(), person(), person()};
        String[] places = {pick(PLACES), pick(PLACES)};
        String[] orgs = {pick(ORGS), pick(ORGS)};
        StringBuilder body = new StringBuilder();
        int paragraphs = 6 + random.nextInt(8);
        for (int p = 0; p < paragraphs; p++) {
            int sentences = 1 + random.nextInt(3);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    body.append(' ');
                }
                if (random.nextInt(3) == 0) {
                    String speaker = people[random.nextInt(people.length)];
                    body.append('“').append(fill(pick(QUOTES), beat, people, places, orgs)).append(",” ")
                            .append(speaker).append(' ').append(pick(SAY)).append('.');
                } else {
                    body.append(fill(pick(SENTENCES), beat, people, places, orgs));
                }
            }
            body.append("\n\n");
        }
        String headline = capitalise(fill("{P} {V} {A} {N} in {L}", beat, people, places, orgs));
        return headline + "\n\n" + body.toString().strip();
    }

    public String headline() {
        String[][] beat = BEATS[random.nextInt(BEATS.length)];
        return capitalise(fill("{A} {N} {V} as {L} waits", beat, new String[]{person()},
                new String[]{pick(PLACES)}, new String[]{pick(ORGS)}));
    }

    private String fill(String template, String[][] beat, String[] people, String[] places, String[] orgs) {
        String out = template;
        while (out.contains("{")) {
            int i = out.indexOf('{');
            int j = out.indexOf('}', i);
            String slot = out.substring(i + 1, j);
            String value = switch (slot) {
                case "P" -> people[random.nextInt(people.length)];
                case "P2" -> people[(random.nextInt(people.length) + 1) % people.length];
                case "L" -> places[random.nextInt(places.length)];
                case "O" -> orgs[random.nextInt(orgs.length)];
                case "N", "N2" -> pick(beat[0]);
                case "V" -> pick(beat[1]);
                case "A" -> pick(beat[2]);
                case "D" -> pick(DAYS);
                case "M" -> pick(MONTHS);
                case "NUM" -> String.format("%,d", 100 + random.nextInt(90_000));
                case "SMALL" -> Integer.toString(2 + random.nextInt(30));
                case "YEAR" -> Integer.toString(1990 + random.nextInt(35));
                default -> throw new IllegalStateException(slot);
            };
            out = out.substring(0, i) + value + out.substring(j + 1);
        }
        return capitalise(out);
    }

    private String person() {
        return pick(FIRST) + " " + pick(LAST);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static List<String> sentences(String paragraph) {
        List<String> out = new ArrayList<>();
        for (String s : paragraph.split("(?<=[.!?])\\s+")) {
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }
}
