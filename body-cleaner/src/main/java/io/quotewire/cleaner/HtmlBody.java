package io.quotewire.cleaner;

import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the article body in a parsed page.
 *
 * <ol>
 * <li>Prune what never is body text: scripts, styles, forms' controls, hidden elements, navigation,
 * asides, figure captions.</li>
 * <li>Cut the page into text blocks and score the elements around them: each paragraph-like block
 * gives its parent and, decreasingly, its ancestors points for its length and commas; an element's
 * score is damped by its link density and moved by class/id hints ("article-body" up, "sidebar"
 * down). The best element is the article container; its siblings join it when they score close to
 * it or are plain prose.</li>
 * <li>Inside the container, drop blocks of boilerplate elements (class/id hints such as share,
 * related, newsletter, caption, credit, comments), link lists, and furniture recognised by the
 * shape of the text ({@link Furniture}); cut the body at a teaser heading ("More from ...").</li>
 * </ol>
 * Every walk over the tree is iterative: nesting depth does not matter.
 */
final class HtmlBody {

    private static final Set<String> DROP_TAGS = Set.of("script", "style", "noscript", "template", "svg", "math",
            "canvas", "iframe", "object", "embed", "video", "audio", "button", "input", "select", "textarea",
            "option", "label", "nav", "aside", "figcaption", "dialog", "link", "meta", "head", "title", "map",
            "source", "track", "img", "picture");

    /** Tags dropped only when they do not hold most of the page's prose (some sites wrap the article in them). */
    private static final Set<String> DROP_UNLESS_WRAPPER = Set.of("footer", "header", "menu");

    /** Class/id words of boilerplate containers; such an element is dropped unless it holds most of the content. */
    private static final Pattern NEGATIVE = Pattern.compile(
            "(^|[-_ ])(nav|navbar|navigation|menu|menus|breadcrumbs?|footer|masthead|sidebar|rail|widget|widgets|"
                    + "share|sharing|shares|social|sns|related|recommended|recommendations?|recirc|recirculation|"
                    + "newsletter|newsletters|subscribe|subscription|signup|promo|promos|promotion|sponsor|sponsored|"
                    + "advert|advertisement|ads|ad|adslot|adunit|dfp|banner|cookie|cookies|consent|gdpr|popup|modal|"
                    + "overlay|comment|comments|disqus|caption|captions|credit|credits|byline|bylines|author|authors|"
                    + "tags|tag|taglist|keywords|toolbar|print|skip|sr|outbrain|taboola|trending|popular|"
                    + "mostread|teaser|teasers|pagination|pager|paging|ticker|login|signin|paywall|follow|feedback|"
                    + "inline-related|slideshow|carousel|key-points|keypoints|highlights)"
                    + "($|[-_ 0-9])", Pattern.CASE_INSENSITIVE);

    /** Weaker words: they mark an element as boilerplate only when it holds no prose. */
    private static final Pattern WEAK_NEGATIVE = Pattern.compile(
            "(^|[-_ ])(meta|dateline|timestamp|date|time|topics|categories|category|links|more|next|prev|previous|"
                    + "rating|bio|about|utility|utilities|tools|embed|video|gallery|card|cards|list|lists|headline|"
                    + "title|kicker|dek|standfirst|hero|alert|alerts|breaking|info|details-bar|muted|small)"
                    + "($|[-_ 0-9])", Pattern.CASE_INSENSITIVE);

    private static final Pattern POSITIVE = Pattern.compile(
            "(^|[-_ ])(article|articlebody|article-body|body|content|entry|main|post|story|text|blog|prose|"
                    + "paragraph|paragraphs|page|column|richtext|rte|copy|storytext|postbody|entrytext|detail)"
                    + "($|[-_ 0-9])", Pattern.CASE_INSENSITIVE);

    private static final Pattern CAMEL = Pattern.compile("(\\p{Ll})(\\p{Lu})");

    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);

    private HtmlBody() {
    }

    /** The article body's blocks, in page order. {@code title} is the headline (left out of the body). */
    static List<String> extract(Document doc, String title) {
        Element body = doc.body();
        if (body == null) {
            return List.of();
        }
        prune(body);
        List<Block> blocks = DomBlocks.of(body);
        if (blocks.isEmpty()) {
            return List.of();
        }
        Elements all = body.getAllElements();
        Map<Element, int[]> stats = aggregate(all, blocks);
        Set<Element> content = chooseContent(all, blocks, stats);
        List<Block> kept = contentBlocks(all, blocks, content, stats);
        return FurnitureFilter.html(kept, title);
    }

    // ---- 1. pruning

    private static void prune(Element body) {
        List<Node> comments = new ArrayList<>();
        List<Element> dropped = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Comment || node instanceof DataNode) {
                    comments.add(node);
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (node instanceof Element e && e != body) {
                    String tag = e.normalName();
                    if (DROP_TAGS.contains(tag) || e.hasAttr("hidden")
                            || (e.hasAttr("style") && HIDDEN_STYLE.matcher(e.attr("style")).find())
                            || "dialog".equalsIgnoreCase(e.attr("role"))
                            || "navigation".equalsIgnoreCase(e.attr("role"))
                            || "complementary".equalsIgnoreCase(e.attr("role"))) {
                        dropped.add(e);
                        return FilterResult.SKIP_ENTIRELY;
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        comments.forEach(Node::remove);
        dropped.forEach(HtmlBody::removeKeepingWordsApart);
        // footers, headers and menus, unless a site wraps the article in one
        List<Element> wrappers = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (DROP_UNLESS_WRAPPER.contains(e.normalName())
                    || "contentinfo".equalsIgnoreCase(e.attr("role")) || "banner".equalsIgnoreCase(e.attr("role"))) {
                wrappers.add(e);
            }
        }
        if (!wrappers.isEmpty()) {
            Elements all = body.getAllElements();
            Map<Element, int[]> stats = aggregate(all, DomBlocks.of(body));
            int total = stats.get(body)[2];
            for (Element e : wrappers) {
                int[] s = stats.get(e);
                if (e.parent() != null && s != null && s[2] * 2 < total) {
                    removeKeepingWordsApart(e);
                }
            }
        }
    }

    /** Removes an element, leaving a space so the words on either side do not run together. */
    private static void removeKeepingWordsApart(Element e) {
        if (e.parent() != null) {
            e.replaceWith(new TextNode(" "));
        }
    }

    /** A paragraph of running text: long enough, mostly not links, with sentence punctuation. */
    static boolean isProse(Block b) {
        return b.text().length() >= 80 && b.linkDensity() < 0.35 && !b.isHeading()
                && (Furniture.endsLikeSentence(b.text()) || b.text().indexOf(". ") > 0 || b.text().indexOf('。') > 0);
    }

    // ---- 2. scoring

    /** Per element: {text chars, link chars, prose chars, commas} of the blocks inside it. */
    private static Map<Element, int[]> aggregate(Elements all, List<Block> blocks) {
        Map<Element, int[]> stats = new IdentityHashMap<>(all.size() * 2);
        for (Element e : all) {
            stats.put(e, new int[4]);
        }
        for (Block b : blocks) {
            int[] s = stats.get(b.owner());
            if (s != null) {
                s[0] += b.text().length();
                s[1] += b.linkChars();
                s[2] += isProse(b) ? b.text().length() : 0;
                s[3] += commas(b.text());
            }
        }
        for (int i = all.size() - 1; i > 0; i--) { // pre-order reversed: children before parents
            Element e = all.get(i);
            int[] s = stats.get(e);
            int[] p = e.parent() == null ? null : stats.get(e.parent());
            if (p != null) {
                for (int k = 0; k < 4; k++) {
                    p[k] += s[k];
                }
            }
        }
        return stats;
    }

    private static int commas(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                n++;
            }
        }
        return n;
    }

    static String hints(Element e) {
        String cls = e.className();
        String id = e.id();
        String prop = e.attr("itemprop");
        String role = e.attr("role");
        if (cls.isEmpty() && id.isEmpty() && prop.isEmpty() && role.isEmpty()) {
            return "";
        }
        // camelCase words apart: "imageCaption" -> "image-Caption"
        return CAMEL.matcher(cls + " " + id + " " + prop + " " + role).replaceAll("$1-$2").replace('_', '-');
    }

    static int classWeight(Element e) {
        String h = hints(e);
        if (h.isEmpty()) {
            return 0;
        }
        int w = 0;
        if (NEGATIVE.matcher(h).find()) {
            w -= 25;
        }
        if (POSITIVE.matcher(h).find()) {
            w += 25;
        }
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.contains("articlebody") || lower.contains("article-body") || lower.contains("story-body")
                || lower.contains("entry-content") || lower.contains("post-content") || lower.contains("article-text")
                || lower.contains("story-text") || lower.contains("post-body") || lower.contains("article-content")) {
            w += 25;
        }
        return w;
    }

    private static double tagWeight(String tag) {
        return switch (tag) {
            case "div", "article", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
    }

    private static final Set<String> PARAGRAPH_OWNERS = Set.of("p", "pre", "td", "blockquote", "li", "dd", "dt",
            "h1", "h2", "h3", "h4", "h5", "h6", "th", "figcaption", "caption");

    private static Set<Element> chooseContent(Elements all, List<Block> blocks, Map<Element, int[]> stats) {
        Map<Element, double[]> score = new IdentityHashMap<>();
        for (Block b : blocks) {
            String t = b.text();
            if (t.length() < 25 || b.isHeading()) {
                continue;
            }
            double points = 1 + commas(t) + Math.min(t.length() / 100, 3);
            Element start = PARAGRAPH_OWNERS.contains(b.tag()) ? b.owner().parent() : b.owner();
            Element e = start;
            for (int level = 0; level < 5 && e != null && stats.containsKey(e); level++, e = e.parent()) {
                double[] s = score.get(e);
                if (s == null) {
                    s = new double[] {tagWeight(e.normalName()) + classWeight(e)};
                    score.put(e, s);
                }
                s[0] += level == 0 ? points : level == 1 ? points / 2 : points / (level * 3);
            }
        }
        Element top = null;
        double best = Double.NEGATIVE_INFINITY;
        Map<Element, Double> finalScore = new IdentityHashMap<>();
        for (Map.Entry<Element, double[]> en : score.entrySet()) {
            int[] s = stats.get(en.getKey());
            double ld = s == null || s[0] == 0 ? 0 : s[1] / (double) s[0];
            double f = en.getValue()[0] * (1 - ld);
            finalScore.put(en.getKey(), f);
            if (f > best) {
                best = f;
                top = en.getKey();
            }
        }
        Set<Element> content = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        if (top == null) {
            content.add(all.get(0));
            return content;
        }
        top = commonAncestorOfRivals(top, best, finalScore, stats);
        // climb while the parent gathers noticeably more points (content split over several containers)
        double last = finalScore.getOrDefault(top, best);
        Element parent = top.parent();
        while (parent != null && stats.containsKey(parent)) {
            Double ps = finalScore.get(parent);
            if (ps == null || ps < last / 3) {
                break;
            }
            if (ps > last) {
                top = parent;
                break;
            }
            last = ps;
            parent = parent.parent();
        }
        content.add(top);
        Element p = top.parent();
        if (p == null || !stats.containsKey(p)) {
            return content;
        }
        double threshold = Math.max(10, finalScore.getOrDefault(top, best) * 0.2);
        for (Element sib : p.children()) {
            if (sib == top || isSummary(sib)) {
                continue;
            }
            double bonus = !top.className().isEmpty() && top.className().equals(sib.className())
                    ? finalScore.getOrDefault(top, best) * 0.2 : 0;
            Double ss = finalScore.get(sib);
            int[] st = stats.get(sib);
            if (ss != null && ss + bonus >= threshold && classWeight(sib) >= 0) {
                content.add(sib);
            } else if (st != null && st[2] > 0 && st[2] * 10 >= st[0] * 8 && classWeight(sib) >= 0) {
                content.add(sib); // plain prose beside the container
            }
        }
        return content;
    }

    /**
     * When three or more other elements score nearly as well as the best one (at least 3/4 of it)
     * and share an ancestor with it, the article is split into chunks (by ads, by layout): that
     * ancestor is the article.
     */
    private static Element commonAncestorOfRivals(Element top, double best, Map<Element, Double> finalScore,
                                                  Map<Element, int[]> stats) {
        List<Map.Entry<Element, Double>> rivals = new ArrayList<>();
        for (Map.Entry<Element, Double> en : finalScore.entrySet()) {
            if (en.getKey() != top && en.getValue() >= best * 0.75) {
                rivals.add(en);
            }
        }
        if (rivals.size() < 3) {
            return top;
        }
        rivals.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        Map<Element, Integer> shared = new IdentityHashMap<>();
        for (Map.Entry<Element, Double> r : rivals.subList(0, Math.min(5, rivals.size()))) {
            for (Element a = r.getKey().parent(); a != null && stats.containsKey(a); a = a.parent()) {
                shared.merge(a, 1, Integer::sum);
            }
        }
        for (Element a = top.parent(); a != null && stats.containsKey(a); a = a.parent()) {
            if (shared.getOrDefault(a, 0) >= 3) {
                return a.normalName().equals("body") ? top : a;
            }
        }
        return top;
    }

    // ---- 3. filtering inside the content

    /** The blocks inside the content elements, without those of boilerplate elements and link rows. */
    private static List<Block> contentBlocks(Elements all, List<Block> blocks, Set<Element> content,
                                             Map<Element, int[]> stats) {
        int total = 0;
        for (Element c : content) {
            total += stats.get(c)[0];
        }
        // an element is boilerplate when its hints say so or it is a list of links, unless it holds
        // most of the content; boilerplate is inherited downwards
        Map<Element, Boolean> junk = new IdentityHashMap<>(all.size() * 2);
        Map<Element, Boolean> inside = new IdentityHashMap<>(all.size() * 2);
        for (Element e : all) {
            Element p = e.parent();
            boolean in = content.contains(e) || (p != null && Boolean.TRUE.equals(inside.get(p)));
            inside.put(e, in);
            if (!in) {
                continue;
            }
            boolean inherited = p != null && !content.contains(e) && Boolean.TRUE.equals(junk.get(p));
            junk.put(e, inherited || (!content.contains(e) && isJunk(e, stats.get(e), total)));
        }
        List<Block> out = new ArrayList<>();
        for (Block b : blocks) {
            if (!Boolean.TRUE.equals(inside.get(b.owner())) || Boolean.TRUE.equals(junk.get(b.owner()))) {
                continue;
            }
            if (b.linkDensity() > 0.5 && b.text().length() < 400) {
                continue;
            }
            out.add(b);
        }
        return out;
    }

    /** schema.org's summary of the article (a standfirst), not its body. */
    private static boolean isSummary(Element e) {
        return "description".equalsIgnoreCase(e.attr("itemprop"));
    }

    private static boolean isJunk(Element e, int[] s, int contentChars) {
        int text = s[0];
        if (text == 0) {
            return false;
        }
        boolean major = text * 2 > contentChars;
        int w = classWeight(e);
        if (!major && isSummary(e)) {
            return true;
        }
        String h = hints(e);
        if (!major && !h.isEmpty()
                && (NEGATIVE.matcher(h).find() || (s[2] == 0 && WEAK_NEGATIVE.matcher(h).find()))) {
            return true;
        }
        double ld = s[1] / (double) text;
        String tag = e.normalName();
        boolean container = switch (tag) {
            case "ul", "ol", "dl", "table", "div", "section", "form", "header", "footer", "figure" -> true;
            default -> false;
        };
        if (!container || major) {
            return false;
        }
        if (s[3] >= 10 && ld < 0.5) {
            return false;
        }
        if (tag.equals("figure")) {
            return s[2] == 0;
        }
        return (w < 25 && ld > 0.33 && text > 20) || (w >= 25 && ld > 0.5);
    }
}
