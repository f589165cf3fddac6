package io.quotewire.cleaner;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile and degenerate inputs: each returns a result, none throws. Speed is in {@link Benchmark}. */
class RobustnessTest {

    private final BodyCleaner cleaner = new BodyCleaner();

    @Test
    void hundredThousandNestedDivs() {
        String html = "<html><body>" + "<div>".repeat(100_000) + "<p>" + HtmlCleaningTest.P1 + "</p>"
                + "</div>".repeat(100_000) + "</body></html>";
        assertThat(cleaner.cleanHtml(html, null).text()).contains("The minister said");
    }

    @Test
    void hundredThousandUnclosedNestedInlineAndBlockTags() {
        String html = "<b><i><p><span><div>".repeat(20_000) + HtmlCleaningTest.P1;
        assertThat(cleaner.cleanHtml(html, null).text()).contains("The minister said");
    }

    @Test
    void aPageThatIsAllNavigation() {
        StringBuilder html = new StringBuilder("<html><body><nav><ul>");
        for (int i = 0; i < 200; i++) {
            html.append("<li><a href='/s/").append(i).append("'>Section number ").append(i).append("</a></li>");
        }
        html.append("</ul></nav><div class='menu'><a href='/'>Home</a> <a href='/about'>About</a></div></body></html>");
        CleanedArticle a = cleaner.cleanHtml(html.toString(), "https://example.com/");
        assertThat(a.text()).doesNotContain("Section number");
    }

    @Test
    void aPageOfLinksOnlyWithoutNavMarkup() {
        StringBuilder html = new StringBuilder("<html><body><div>");
        for (int i = 0; i < 300; i++) {
            html.append("<div><a href='/s/").append(i).append("'>A headline of a story number ").append(i)
                    .append(" about something</a></div>");
        }
        html.append("</div></body></html>");
        assertThat(cleaner.cleanHtml(html.toString(), null).text()).isEmpty();
    }

    @Test
    void hugeInputs() {
        String page = HtmlCleaningTest.page("<p>" + HtmlCleaningTest.P1 + "</p><p>" + HtmlCleaningTest.P2 + "</p>");
        StringBuilder big = new StringBuilder();
        for (int i = 0; big.length() < 10_000_000; i++) {
            big.append("<p>").append(i).append(' ').append(HtmlCleaningTest.P3).append("</p>\n");
        }
        assertThat(cleaner.cleanHtml(page.replace("</article>", big + "</article>"), null).text().length())
                .isGreaterThan(5_000_000);
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 10_000_000; i++) {
            text.append(HtmlCleaningTest.P2).append(' ').append(i).append("\n\n");
        }
        assertThat(cleaner.cleanText(text.toString()).text()).startsWith(HtmlCleaningTest.P2);
        assertThat(cleaner.cleanHtml("x".repeat(5_000_000), null).text()).hasSize(5_000_000);
        assertThat(cleaner.cleanText("y".repeat(5_000_000)).text()).hasSize(5_000_000);
    }

    @Test
    void garbageAndBinary() {
        Random r = new Random(42);
        for (int round = 0; round < 20; round++) {
            byte[] bytes = new byte[r.nextInt(200_000)];
            r.nextBytes(bytes);
            String s = Charsets.decode(bytes, round % 2 == 0 ? null : "utf-8");
            assertThat(cleaner.cleanHtml(s, "not a url").text()).isNotNull();
            assertThat(cleaner.cleanText(s).text()).isNotNull();
        }
        assertThat(cleaner.cleanHtml(null, null).text()).isEmpty();
        assertThat(cleaner.cleanHtml("", "").text()).isEmpty();
        assertThat(cleaner.cleanHtml("<<<>>>&&&;;</p></div><!--", "::").text()).isNotNull();
        assertThat(cleaner.cleanHtml("\u0000\uFFFF\uD800", null).text()).isNotNull();
    }

    @Test
    void charsetFromTheTransportThePageOrTheBytes() {
        byte[] latin = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u00e9 cr\u00e8me</p></body></html>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Charsets.decode(latin, null)).contains("Café crème");
        byte[] equiv = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\u041f\u0440\u0438\u0432\u0435\u0442</p>"
                .getBytes(java.nio.charset.Charset.forName("windows-1251"));
        assertThat(Charsets.decode(equiv, null)).contains("Привет");
        byte[] utf8 = "<meta charset=\"iso-8859-1\"><p>Café</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(Charsets.decode(utf8, "utf-8")).contains("Café"); // the header wins
        byte[] bom = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};
        assertThat(Charsets.decode(bom, "iso-8859-1")).isEqualTo("hi");
        byte[] undeclaredLatin = "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Charsets.decode(undeclaredLatin, null)).isEqualTo("Café");
        assertThat(Charsets.decode("Café".getBytes(StandardCharsets.UTF_8), null)).isEqualTo("Café");
        assertThat(Charsets.decode(new byte[] {(byte) 0xC3, 'x'}, "utf-8")).isEqualTo("\uFFFDx");
        assertThat(Charsets.decode("abc".getBytes(StandardCharsets.US_ASCII), "no-such-charset")).isEqualTo("abc");
        assertThat(Charsets.decode(null, null)).isEmpty();
    }

    @Test
    void concurrentUseOfOneCleaner() throws Exception {
        String page = HtmlCleaningTest.page("<p>" + HtmlCleaningTest.P1 + "</p><p>" + HtmlCleaningTest.P2 + "</p>");
        String expected = cleaner.cleanHtml(page, null).text();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> cleaner.cleanHtml(page, null).text()));
            }
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
