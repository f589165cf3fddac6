package io.quotewire.ingest.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies of an article as they turn up in the wild: syndicated (other headline, trimmed end,
 * site furniture added), spun by a content farm (most words swapped for synonyms, as in seed 004:
 * "warfare" for war, "White Home") and machine-translated there and back (synonyms, clauses and
 * attributions moved, small words dropped).
 */
public final class Variants {

    private static final String[] FURNITURE = {
            "Sign up for our morning newsletter and get the day's top stories in your inbox.",
            "Advertisement", "Share this article on Facebook, Twitter or by email.",
            "Related: Read more from our world desk.", "Copyright 2025 The Daily Courier. All rights reserved.",
            "Photo: Reuters", "This article was originally published by a partner outlet.",
            "Follow us for live updates throughout the day.", "Support independent journalism. Subscribe today.",
            "Most read: The ten best places to retire this year.",
    };

    /** A synonym table in the style of an article spinner: word -> replacements. */
    static final Map<String, String[]> SYNONYMS = new HashMap<>();

    static {
        String table = """
                said:stated,mentioned,remarked|told:informed,instructed|officials:authorities,functionaries|
                people:individuals,persons,folks|residents:inhabitants,locals|after:following,subsequent to|
                weeks:several weeks,a number of weeks|talks:negotiations,discussions|between:amongst,among|
                leaders:chiefs,heads|about:roughly,approximately|affected:impacted,influenced|cost:value,price|
                million:million|dollars:bucks,{}|years:years,time periods|many:numerous,a lot of|opposed:resisted,objected to|
                news:information|conference:convention,briefing|comes:arrives|faces:confronts,encounters|worst:poorest|
                decades:many years,generations|figures:numbers,statistics|released:launched,printed|showed:confirmed,demonstrated|
                grew:expanded,rose|percent:per cent,p.c.|reporters:journalists,newsmen|changed:altered,modified|
                little:barely,hardly|daily:each day,on a regular basis|lives:existence,life|expect:anticipate,count on|
                review:evaluate,assess|again:once more,anew|before:prior to,earlier than|end:finish,close|
                more:additional,extra|week:week,seven days|officials:authorities,officers|over:over,throughout|
                since:since,as of|say:say,state|affected:impacted,touched|local:native,regional|worse:worse,poorer|
                people:individuals,folks|percent:per cent,p.c.|released:launched,printed|end:finish,close|
                immediately:instantly,right away|held:held,organised|drew:drew,tied|missed:missed,skipped|
                sacked:fired,dismissed|late:late,belated|decisive:decisive,conclusive|crucial:essential,crucial|
                stunning:beautiful,spectacular|narrow:slim,slender|digital:digital,electronic|powerful:highly effective,potent|
                cheaper:less expensive,inexpensive|secure:safe,protected|faster:quicker,sooner|global:international,world|
                experimental:experimental,trial|shut:closed,shuttered|hacked:breached,hacked|tested:examined,trialled|
                national:nationwide,nation-wide|weekly:weekly,each week|indefinite:indefinite,open-ended|fair:honest,truthful|
                higher:greater,increased|angry:offended,indignant|peaceful:calm,non-violent|accepted:accepted,adopted|
                organised:organized,arranged|joined:joined,linked|suspended:suspended,halted|shift:shift,change|
                railway:railroad,rail|port:port,harbour|airport:airport,airfield|chip:chip,semiconductor|startup:startup,venture|
                software:software,program|network:network,community|satellite:satellite,orbiter|battery:battery,cell|
                data:information,knowledge|title:title,championship|transfer:switch,transfer|final:final,last|
                vaccine:vaccine,shot|clinic:clinic,centre|nurse:nurse,carer|reported:reported,stated|recorded:recorded,logged|
                confirmed:confirmed,verified|expanded:expanded,broadened|clinical:medical,clinical|rare:uncommon,rare|
                public:public,common|chronic:continual,persistent|limited:restricted,limited|overturned:reversed,overturned|
                heard:heard,listened to|charged:charged,accused|cleared:cleared,acquitted|upheld:upheld,confirmed|
                criminal:felony,criminal|federal:federal,national|unanimous:unanimous,united|disputed:disputed,contested|
                sealed:sealed,closed|spread:spread,unfold|eased:eased,lessened|flooded:flooded,inundated|record:report,file|
                earthquake:quake,tremor|heatwave:heat wave,hot spell|vote:vote,poll|coalition:coalition,alliance|
                ballot:ballot,poll|referendum:referendum,plebiscite|postponed:postponed,delayed|contested:contested,disputed|
                controversial:controversial,contentious|modest:modest,small|ambitious:bold,formidable|defended:defended,guarded|
                deficit:shortfall,deficit|pension:pension,retirement|tariff:tariff,duty|subsidy:subsidy,grant|loan:loan,mortgage|
                bond:bond,security|revenue:income,revenue|than:in comparison with,than|signed:inked,autographed|petition:appeal,request|
                against:in opposition to,towards|decision:determination,choice|follows:comes after,trails|region:area,space|
                last:final,previous|met:gathered,convened|discuss:focus on,talk about|immediately:instantly,right away|
                clear:clean,obvious|affect:have an effect on,influence|detained:held,arrested|connection:reference to,relation|
                expected:anticipated,predicted|reach:attain,arrive at|according:in accordance|done:completed,achieved|
                everything:all the pieces,every thing|could:may,might|protect:defend,safeguard|mistake:error,blunder|
                pay:pay,compensate|nobody:no one,not one person|keep:maintain,preserve|working:operating,functioning|
                until:till,till such time as|finished:completed,concluded|numbers:figures,digits|speak:communicate,converse|
                themselves:for themselves|families:households,relations|waiting:ready,awaiting|proud:pleased,happy|
                achieved:attained,completed|year:yr,12 months|plan:scheme,strategy|worries:troubles,concerns|priority:precedence,focus|
                safety:security,well being|every:each,each and every|statement:assertion,declaration|added:included,supplemented|
                budget:finances,funds|tax:levy,duty|spending:expenditure,outlay|approved:accepted,permitted|rejected:declined,turned down|
                proposed:prompt,steered|cut:minimize,slashed|raised:elevated,lifted|delayed:postponed,deferred|announced:introduced,declared|
                new:recent,contemporary|large:massive,giant|annual:yearly|emergency:emergency,pressing|election:vote,ballot|
                campaign:marketing campaign,drive|candidate:nominee,contender|reform:overhaul,reformation|minister:secretary,official|
                party:celebration,get together|won:gained,received|lost:misplaced,forfeited|called:known as,referred to as|
                challenged:contested,disputed|backed:supported,endorsed|criticised:criticized,slammed|promised:pledged,vowed|
                early:early,untimely|close:shut,tight|bitter:harsh,acrimonious|surprising:unexpected,astonishing|storm:tempest,gale|
                flood:deluge,inundation|drought:dry spell,dearth|wildfire:bushfire,blaze|evacuation:clearing,withdrawal|
                shelter:refuge,haven|river:stream,waterway|harvest:crop,yield|hit:struck,smacked|destroyed:wrecked,ruined|
                damaged:broken,harmed|forced:compelled,pressured|threatened:endangered,menaced|severe:extreme,harsh|heavy:weighty,hefty|
                unusual:uncommon,uncommon|deadly:lethal,fatal|sudden:abrupt,unexpected|widespread:in depth,prevalent|record:report,file|
                trial:trial,listening to|verdict:judgment,ruling|lawsuit:go well with,case|judge:choose,justice|appeal:enchantment,attraction|
                sentence:sentence,punishment|witness:witness,observer|investigation:inquiry,probe|fraud:fraud,deception|ruling:verdict,determination|
                ordered:ordered,commanded|dismissed:dismissed,rejected|opened:opened,unveiled|lengthy:prolonged,long|landmark:milestone,landmark|
                hospital:hospital,clinic|outbreak:epidemic,eruption|study:research,examine|patient:affected person,sufferer|
                treatment:therapy,remedy|virus:virus,pathogen|warned:cautioned,alerted|found:discovered,discovered|promising:promising,encouraging|
                match:recreation,sport|season:season,marketing campaign|coach:coach,trainer|striker:forward,attacker|league:league,affiliation|
                stadium:enviornment,stadium|injury:damage,harm|scored:scored,netted|signed:signed,inked|beat:beat,defeated|
                launched:launched,began|acquired:purchased,obtained|built:constructed,made|released:launched,revealed|unveiled:unveiled,revealed|
                factory:manufacturing facility,plant|merger:merger,consolidation|platform:platform,service|strike:strike,walkout|
                wage:wage,pay|union:union,guild|contract:contract,settlement|worker:employee,laborer|protest:protest,demonstration|
                ended:ended,concluded|began:started,commenced|demanded:demanded,requested|blocked:blocked,obstructed|
                war:warfare,struggle|phone:cellphone,telephone|House:Home,Home|call:name,name|
                """;
        for (String entry : table.replace("\n", "").split("\\|")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] kv = entry.strip().split(":");
            SYNONYMS.put(kv[0], kv[1].replace("{}", kv[0]).split(","));
        }
    }

    private static final java.util.Set<String> STOP_WORDS = new java.util.HashSet<>(java.util.Arrays.asList(("the a an of in on at to by for with from "
            + "and or but as is was were be been has had have it its this that these those who which what when how "
            + "their our we i is are will would not no there some any all his her he she they them").split(" ")));

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern ATTRIBUTED = Pattern.compile("“([^”]+),” ([A-Z][\\p{L}]+ [A-Z][\\p{L}]+) ([^.“”]+)\\.");

    private final Random random;

    public Variants(long seed) {
        this.random = new Random(seed);
    }

    String newHeadline(String article, String headline) {
        int cut = article.indexOf('\n');
        return cut < 0 ? headline + "\n\n" + article : headline + article.substring(cut);
    }

    /** Drops the last 20 to 45 percent of the paragraphs (a syndicated copy cut to fit). */
    String trimmed(String article) {
        String[] paragraphs = article.split("\n+");
        int keep = Math.max(2, (int) Math.round(paragraphs.length * (0.55 + 0.25 * random.nextDouble())));
        return String.join("\n\n", java.util.Arrays.copyOf(paragraphs, Math.min(keep, paragraphs.length)));
    }

    /** Site furniture added at the top, in the middle and at the end. */
    String withBoilerplate(String article) {
        List<String> paragraphs = new ArrayList<>(List.of(article.split("\n+")));
        paragraphs.add(1, pick(FURNITURE));
        paragraphs.add(paragraphs.size() / 2, pick(FURNITURE) + " " + pick(FURNITURE));
        paragraphs.add(pick(FURNITURE));
        paragraphs.add(pick(FURNITURE));
        return String.join("\n\n", paragraphs);
    }

    /** Syndicated: a new headline, the end trimmed and furniture added. */
    public String syndicated(String article, String headline) {
        return withBoilerplate(trimmed(newHeadline(article, headline)));
    }

    /** Content-farm spin: every word the synonym table knows is swapped (most words of a text). */
    public String spun(String article) {
        Matcher m = WORD.matcher(article);
        StringBuilder out = new StringBuilder();
        int swapped = 0;
        int words = 0;
        while (m.find()) {
            if (!STOP_WORDS.contains(m.group()) && Character.isLowerCase(m.group().charAt(0))) {
                words++;
            }
            String[] options = SYNONYMS.get(m.group());
            String replacement = m.group();
            if (options != null && random.nextInt(10) < 9) {
                replacement = options[random.nextInt(options.length)];
                swapped++;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        lastSwapRate = words == 0 ? 0 : swapped / (double) words;
        return out.toString();
    }

    /** Fraction of the content words (lower-case, not function words) the last {@link #spun} call replaced. */
    double lastSwapRate;

    /**
     * A machine-translation round trip: words swapped for synonyms, attributions moved in front of
     * their quotes ("X said: “...”"), some sentences' clauses swapped around a comma, and some
     * articles dropped.
     */
    String translatedRoundTrip(String article) {
        Matcher m = ATTRIBUTED.matcher(article);
        StringBuilder moved = new StringBuilder();
        while (m.find()) {
            String replacement = random.nextBoolean()
                    ? m.group(2) + " " + m.group(3) + ": “" + m.group(1) + ".”"
                    : m.group(0);
            m.appendReplacement(moved, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(moved);
        StringBuilder out = new StringBuilder();
        for (String paragraph : moved.toString().split("\n+")) {
            List<String> sentences = new ArrayList<>();
            for (String s : ArticleGenerator.sentences(paragraph)) {
                int comma = s.indexOf(", ");
                if (comma > 0 && !s.contains("“") && s.endsWith(".") && random.nextInt(3) == 0) {
                    String first = s.substring(0, comma);
                    String second = s.substring(comma + 2, s.length() - 1);
                    s = Character.toUpperCase(second.charAt(0)) + second.substring(1) + ", "
                            + first + ".";
                }
                sentences.add(s.replaceAll(random.nextBoolean() ? " the " : " a ", " "));
            }
            out.append(String.join(" ", sentences)).append("\n\n");
        }
        return spun(out.toString().strip());
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
