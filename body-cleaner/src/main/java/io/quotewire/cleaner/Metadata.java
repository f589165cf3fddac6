package io.quotewire.cleaner;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The metadata a page declares: JSON-LD (schema.org Article types) first, then OpenGraph and
 * other {@code <meta>} tags, then the markup ({@code <h1>}, {@code <title>}, {@code <html lang>},
 * {@code rel=canonical}, {@code <time>}).
 */
final class Metadata {

    record Fields(String title, List<String> authors, OffsetDateTime publishedAt, String language,
                  String canonicalUrl, String siteName) {
    }

    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "blogposting",
            "socialmediaposting", "liveblogposting", "report", "scholarlyarticle", "techarticle", "webpage",
            "review", "recipe", "creativework");
    private static final Pattern LANG = Pattern.compile("^([A-Za-z]{2})([-_].*)?$");
    private static final Pattern URLISH = Pattern.compile("^(https?:)?//|^www\\.", Pattern.CASE_INSENSITIVE);

    private Metadata() {
    }

    static Fields of(Document doc, String pageUrl) {
        Map<String, Object> ld = jsonLdArticle(doc);
        String title = first(str(ld, "headline"), meta(doc, "og:title"), meta(doc, "twitter:title"),
                text(doc.selectFirst("h1")), pageTitle(doc));
        String site = first(meta(doc, "og:site_name"), str(ld == null ? null : map(ld.get("publisher")), "name"),
                meta(doc, "application-name"));
        if (site != null && title != null && title.length() > site.length() + 3) {
            for (String sep : new String[] {" | ", " - ", " – ", " — ", " :: "}) {
                if (title.endsWith(sep + site)) {
                    title = title.substring(0, title.length() - site.length() - sep.length()).strip();
                }
            }
        }
        OffsetDateTime published = firstDate(str(ld, "datePublished"), meta(doc, "article:published_time"),
                itemprop(doc, "datePublished"), meta(doc, "parsely-pub-date"), meta(doc, "sailthru.date"),
                meta(doc, "pubdate"), meta(doc, "publishdate"), meta(doc, "date"), meta(doc, "dc.date"),
                meta(doc, "dc.date.issued"), meta(doc, "dcterms.created"), str(ld, "dateCreated"),
                attr(doc.selectFirst("time[datetime]"), "datetime"));
        String lang = first(attr(doc.selectFirst("html"), "lang"), httpEquiv(doc, "content-language"),
                str(ld, "inLanguage"), meta(doc, "og:locale"), meta(doc, "language"), meta(doc, "dc.language"));
        String canonical = first(abs(doc.selectFirst("link[rel=canonical][href]")), meta(doc, "og:url"),
                str(ld, "url"));
        return new Fields(title == null ? "" : title, authors(doc, ld), published, language(lang),
                url(canonical, pageUrl), site);
    }

    // ---- JSON-LD

    private static Map<String, Object> jsonLdArticle(Document doc) {
        Map<String, Object> best = null;
        for (Element script : doc.select("script[type=application/ld+json]")) {
            List<Object> todo = new ArrayList<>();
            todo.add(Json.parse(script.data()));
            for (int k = 0; k < todo.size() && k < 500; k++) {
                Object o = todo.get(k);
                if (o instanceof List<?> l) {
                    todo.addAll(l);
                } else if (o instanceof Map<?, ?> m) {
                    Object graph = m.get("@graph");
                    if (graph != null) {
                        todo.add(graph);
                    }
                    if (isArticle(m.get("@type"))) {
                        @SuppressWarnings("unchecked") Map<String, Object> a = (Map<String, Object>) m;
                        boolean page = types(m.get("@type")).contains("webpage");
                        if (best == null || (!page && types(best.get("@type")).contains("webpage"))) {
                            best = a;
                        }
                    }
                }
            }
        }
        return best;
    }

    private static boolean isArticle(Object type) {
        for (String t : types(type)) {
            if (ARTICLE_TYPES.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> types(Object type) {
        List<String> out = new ArrayList<>();
        if (type instanceof String s) {
            out.add(s.toLowerCase(Locale.ROOT));
        } else if (type instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof String s) {
                    out.add(s.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static Map<?, ?> map(Object o) {
        if (o instanceof List<?> l && !l.isEmpty()) {
            o = l.get(0);
        }
        return o instanceof Map<?, ?> m ? m : null;
    }

    private static String str(Map<?, ?> m, String key) {
        if (m == null) {
            return null;
        }
        Object v = m.get(key);
        if (v instanceof List<?> l && !l.isEmpty()) {
            v = l.get(0);
        }
        if (v instanceof Map<?, ?> inner) {
            v = inner.get("@value") != null ? inner.get("@value") : inner.get("name");
        }
        return v instanceof String s && !s.isBlank() ? Parser.unescapeEntities(s.strip(), false) : null;
    }

    // ---- authors

    private static List<String> authors(Document doc, Map<String, Object> ld) {
        Set<String> out = new LinkedHashSet<>();
        if (ld != null) {
            Object a = ld.get("author");
            List<?> list = a instanceof List<?> l ? l : a == null ? List.of() : List.of(a);
            for (Object o : list) {
                String name = o instanceof String s ? s : o instanceof Map<?, ?> m ? str(m, "name") : null;
                addName(out, name);
            }
        }
        if (out.isEmpty()) {
            for (Element m : doc.select("meta[name=author], meta[property=article:author], meta[name=parsely-author],"
                    + " meta[name=sailthru.author], meta[name=dc.creator]")) {
                addName(out, m.attr("content"));
            }
        }
        if (out.isEmpty()) {
            for (Element e : doc.select("[itemprop=author] [itemprop=name], [rel=author]")) {
                addName(out, e.text());
                if (out.size() >= 10) {
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    private static final Pattern BY_PREFIX = Pattern.compile(
            "^((analysis|opinion|commentary|review|story|words|text|reporting|written|posted|photos?)\\s+)?by\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JOB = Pattern.compile(
            "\\b(editor|editors|editor-at-large|correspondent|reporter|writer|columnist|contributor|staff|"
                    + "producer|intern|freelance|journalist)\\b", Pattern.CASE_INSENSITIVE);

    private static void addName(Set<String> out, String raw) {
        if (raw == null) {
            return;
        }
        String name = BY_PREFIX.matcher(Parser.unescapeEntities(raw.strip(), false)).replaceFirst("");
        if (name.isEmpty() || name.length() > 80 || URLISH.matcher(name).find() || name.contains("@")) {
            return;
        }
        for (String part : name.split("\\s*(?:,|;|\\band\\b|&|\\|)\\s*")) {
            String p = part.strip();
            boolean credential = p.length() <= 4 && p.equals(p.toUpperCase(Locale.ROOT)); // PhD, RDN, MD
            if (p.length() >= 3 && Character.isLetter(p.charAt(0)) && !credential && !JOB.matcher(p).find()) {
                out.add(p);
            }
        }
    }

    // ---- dates, language, URLs

    /** The first value that parses to a plausible publication date (placeholders like 0001-01-01 skipped). */
    private static OffsetDateTime firstDate(String... values) {
        int maxYear = java.time.Year.now(ZoneOffset.UTC).getValue() + 1;
        for (String v : values) {
            OffsetDateTime d = date(v);
            if (d != null && d.getYear() >= 1990 && d.getYear() <= maxYear) {
                return d;
            }
        }
        return null;
    }

    static OffsetDateTime date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        try {
            return ZonedDateTime.parse(s).toOffsetDateTime();
        } catch (DateTimeParseException ignored) {
            // next
        }
        try {
            return OffsetDateTime.parse(s.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2"));
        } catch (DateTimeParseException ignored) {
            // next
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T')).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // next
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime();
        } catch (DateTimeParseException ignored) {
            // next
        }
        try {
            return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private static String language(String raw) {
        if (raw == null) {
            return null;
        }
        var m = LANG.matcher(raw.strip());
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static String url(String raw, String pageUrl) {
        if (raw == null) {
            return null;
        }
        try {
            java.net.URI u = pageUrl == null || pageUrl.isBlank() ? java.net.URI.create(raw)
                    : java.net.URI.create(pageUrl.strip()).resolve(raw);
            return u.isAbsolute() && u.getScheme().startsWith("http") ? u.toString() : null;
        } catch (IllegalArgumentException bad) {
            return null;
        }
    }

    // ---- markup helpers

    private static String meta(Document doc, String name) {
        for (Element m : doc.select("meta[content]")) {
            if (name.equalsIgnoreCase(m.attr("property")) || name.equalsIgnoreCase(m.attr("name"))) {
                String c = m.attr("content").strip();
                if (!c.isEmpty()) {
                    return c;
                }
            }
        }
        return null;
    }

    private static String httpEquiv(Document doc, String name) {
        for (Element m : doc.select("meta[http-equiv][content]")) {
            if (name.equalsIgnoreCase(m.attr("http-equiv"))) {
                return m.attr("content");
            }
        }
        return null;
    }

    private static String itemprop(Document doc, String prop) {
        Element e = doc.selectFirst("[itemprop=" + prop + "]");
        if (e == null) {
            return null;
        }
        return first(attr(e, "content"), attr(e, "datetime"), e.text());
    }

    private static String pageTitle(Document doc) {
        String t = doc.title();
        return t == null || t.isBlank() ? null : t.strip();
    }

    private static String text(Element e) {
        return e == null || e.text().isBlank() ? null : e.text().strip();
    }

    private static String attr(Element e, String name) {
        return e == null || e.attr(name).isBlank() ? null : e.attr(name).strip();
    }

    private static String abs(Element link) {
        return link == null ? null : link.attr("href").strip();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
