package io.quotewire.cleaner;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and mutated inputs to both entry points: each returns (within a generous hang guard, not
 * a speed figure) without an exception, and the text returned holds only words of the input.
 */
class CleanerPropertyTest {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final BodyCleaner CLEANER = new BodyCleaner();
    private static final ExecutorService GUARD = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cleaner-property");
        t.setDaemon(true);
        return t;
    });

    // ---- plain text

    @Property(tries = 300)
    void anyUnicodeText(@ForAll("unicode") String text) {
        checkText(text);
    }

    @Property(tries = 200)
    void anyBytesDecoded(@ForAll("bytes") byte[] bytes) {
        String text = Charsets.decode(bytes, null);
        checkText(text);
        checkHtml(text);
    }

    @Property(tries = 200)
    void linesOfNewsShapes(@ForAll("newsLines") List<String> lines) {
        checkText(String.join("\n", lines));
    }

    // ---- HTML

    @Property(tries = 300)
    void tagSoup(@ForAll("soup") String html) {
        checkHtml(html);
        checkText(html);
    }

    @Property(tries = 30)
    void deeplyNested(@ForAll("nested") String html) {
        checkHtml(html);
    }

    @Property(tries = 40)
    void mutatedDevPages(@ForAll("mutatedPages") String html) {
        checkHtml(html);
    }

    // ---- checks

    private static void checkText(String text) {
        CleanedArticle a = guarded(() -> CLEANER.cleanText(text));
        assertThat(a.text()).isNotNull();
        Set<String> input = words(text);
        for (String w : words(a.text())) {
            assertThat(input).as("invented word").contains(w);
        }
    }

    private static void checkHtml(String html) {
        CleanedArticle a = guarded(() -> CLEANER.cleanHtml(html, "https://example.com/page"));
        assertThat(a.text()).isNotNull();
        assertThat(a.title()).isNotNull();
        assertThat(a.authors()).isNotNull();
        // every word of the body comes from the page's text (text nodes run together, as inline markup does)
        StringBuilder raw = new StringBuilder();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                t.getWholeText().chars().filter(c -> !DomBlocks.isInvisible((char) c)).forEach(c -> raw.append((char) c));
            }
        }, Jsoup.parse(html).body());
        String all = raw.toString();
        for (String w : words(a.text())) {
            assertThat(all).as("invented word").contains(w);
        }
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static <T> T guarded(java.util.concurrent.Callable<T> call) {
        Future<T> f = GUARD.submit(call);
        try {
            return f.get(60, TimeUnit.SECONDS); // a hang guard only
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("threw", e.getCause());
        } catch (Exception e) {
            f.cancel(true);
            throw new AssertionError("did not return", e);
        }
    }

    // ---- generators

    @Provide
    Arbitrary<String> unicode() {
        return Arbitraries.strings().all().ofMaxLength(3000);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(5000);
    }

    private static final List<String> NEWS_LINES = List.of("", "", "More from Example Media", "Related stories",
            "Jane Doe/Reuters", "(AP Photo/Evan Vucci)", "Photo: X", "Sign up for our newsletter",
            "Get the best of Example delivered directly to your inbox.", "Advertisement", "-", "- YouTube",
            "By Jane Smith", "November 19, 2019", "What happened", "© 2019 Example. All rights reserved.",
            HtmlCleaningTest.P1, HtmlCleaningTest.P2, HtmlCleaningTest.P3,
            "The minister arrives in Geneva, on January 28, 2025.", "A free daily email with the news",
            "“We are ready,” he said.", "How to make the most of chestnutsRecommends These nuts");

    @Provide
    Arbitrary<List<String>> newsLines() {
        return Arbitraries.oneOf(Arbitraries.of(NEWS_LINES), Arbitraries.strings().ofMaxLength(80))
                .list().ofMaxSize(60);
    }

    private static final List<String> FRAGMENTS = List.of("<div>", "</div>", "<p>", "</p>", "<span>", "</span>",
            "<a href='/x'>", "</a>", "<ul>", "<li>", "</li>", "</ul>", "<table><tr><td>", "</td></tr></table>",
            "<br>", "<h2>", "</h2>", "<h1>", "</h1>", "<article>", "</article>", "<nav>", "</nav>", "<footer>",
            "<script>var a = '<p>x</p>';</script>", "<style>p{}</style>", "<!-- comment -->", "<![CDATA[x]]>",
            "<figure><figcaption>A caption.</figcaption></figure>", "<div class='share'>", "<div class='related'>",
            "<div class='article-body'>", "<p class='title'>", "<pre>", "</pre>", "<b>", "</b>", "&amp;", "&nbsp;",
            "&#x1F600;", "&unknown;", "<", ">", "\"", "'", "=", "<svg><text>x</text></svg>", "<math>", "<template>",
            "<select><option>o</option></select>", "<iframe src=x>", "<noscript>n</noscript>", "<hidden>",
            "<p hidden>", "<div style='display:none'>", "<html>", "<body>", "<head>", "<title>T</title>",
            "<meta charset='utf-8'>", "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":",
            "</script>", "<meta property='og:title' content='X'>", "<time datetime='2019-13-45'>",
            "Advertisement", "Jane Doe/Reuters", "More from X", "Sign up for our newsletter", "\u0000", "\uFFFD",
            " ", "\n", "\t", HtmlCleaningTest.P1, HtmlCleaningTest.P2, "word", "Ünïcödé", "中文字", "مرحبا");

    @Provide
    Arbitrary<String> soup() {
        Arbitrary<String> fragment = Arbitraries.oneOf(Arbitraries.of(FRAGMENTS), Arbitraries.strings().ofMaxLength(20));
        return fragment.list().ofMaxSize(300).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> nested() {
        Arbitrary<String> tag = Arbitraries.of("div", "p", "span", "b", "li", "table", "td", "a", "section", "blockquote");
        return Combinators.combine(tag, Arbitraries.integers().between(1_000, 100_000), Arbitraries.of(true, false))
                .as((t, depth, close) -> ("<" + t + ">").repeat(depth) + HtmlCleaningTest.P1
                        + (close ? ("</" + t + ">").repeat(depth) : ""));
    }

    @Provide
    Arbitrary<String> mutatedPages() {
        List<String> pages = devPages();
        Assume.that(!pages.isEmpty());
        Arbitrary<String> page = Arbitraries.of(pages);
        Arbitrary<String> soup = soup();
        return Combinators.combine(page, Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(0, 3), soup)
                .as((p, a, b, op, junk) -> {
                    int i = (int) (Math.min(a, b) * p.length());
                    int j = (int) (Math.max(a, b) * p.length());
                    return switch (op) {
                        case 0 -> p.substring(0, i) + p.substring(j);              // cut a range
                        case 1 -> p.substring(0, j) + p.substring(i);              // repeat a range
                        case 2 -> p.substring(0, i) + junk + p.substring(i);        // insert tag soup
                        default -> p.substring(0, i);                               // truncate
                    };
                });
    }

    private static List<String> devPages;

    private static synchronized List<String> devPages() {
        if (devPages == null) {
            devPages = new ArrayList<>();
            Path home = Path.of(System.getProperty("quotewire.home", "..")).toAbsolutePath().normalize();
            Path dir = home.resolve("../shared/eval/html-dev").normalize();
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path p : s.filter(f -> f.toString().endsWith(".html.gz")).sorted().limit(12).toList()) {
                        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
                            devPages.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return devPages;
    }
}
