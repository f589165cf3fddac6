package io.quotewire.cleaner;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link BodyCleaner#cleanHtml}: one rule per fixture. */
class HtmlCleaningTest {

    private final BodyCleaner cleaner = new BodyCleaner();

    static final String P1 = "The minister said on Tuesday that the talks would resume next week, after a pause of "
            + "almost three months in which neither side had moved an inch.";
    static final String P2 = "Officials in both capitals said a draft agreement was close, but that the question of "
            + "the border had still to be settled by the leaders themselves.";
    static final String P3 = "Analysts said the deal, if it holds, would be the first of its kind since the war "
            + "began, and could reopen trade routes that have been shut for years.";

    static String page(String article) {
        return "<html><head><title>Talks to resume | Example News</title></head><body>"
                + "<header><a href='/'>Example News</a><nav><ul><li><a href='/w'>World</a></li>"
                + "<li><a href='/p'>Politics</a></li><li><a href='/b'>Business</a></li></ul></nav></header>"
                + "<div class='layout'><main><article class='story'>" + article + "</article></main>"
                + "<div class='sidebar'><h3>Most read</h3><ul>"
                + "<li><a href='/1'>A long headline about something else that happened somewhere today</a></li>"
                + "<li><a href='/2'>Another long headline about something else that happened elsewhere</a></li>"
                + "</ul></div></div>"
                + "<footer><p>© 2025 Example News. All rights reserved. Example News is a registered trademark, "
                + "and this footer is long enough to look like a paragraph of text, with commas, too.</p></footer>"
                + "</body></html>";
    }

    private String body(String article) {
        return cleaner.cleanHtml(page(article), "https://example.com/a").text();
    }

    @Test
    void keepsTheArticleDropsTheChrome() {
        String text = body("<h1>Talks to resume</h1><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>");
        assertThat(text).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void aLongerCommentSectionDoesNotWinOverTheArticle() {
        StringBuilder comments = new StringBuilder("<section id='comments'><h2>Comments</h2>");
        for (int i = 0; i < 12; i++) {
            comments.append("<div class='comment'><div class='comment-author'>reader").append(i).append("</div>")
                    .append("<div class='comment-body'><p>I read this, and I think, honestly, that the minister is ")
                    .append("wrong about the talks, as ever, and we all know it, number ").append(i).append(".</p></div></div>");
        }
        String html = page("<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>")
                .replace("</main>", "</main>" + comments + "</section>");
        String text = cleaner.cleanHtml(html, null).text();
        assertThat(text).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void anArticleSplitIntoChunksByAdsIsWhole() {
        StringBuilder chunks = new StringBuilder();
        String[] ps = {P1, P2, P3, P1.replace("Tuesday", "Monday")};
        for (int i = 0; i < ps.length; i++) {
            chunks.append("<div><div><p>").append(ps[i]).append("</p><p>").append(i).append(' ').append(P2)
                    .append("</p></div></div><div><a href='/ad'>Buy now</a></div>");
        }
        String text = cleaner.cleanHtml("<html><body><div>" + chunks + "</div></body></html>", null).text();
        for (String p : ps) {
            assertThat(text).contains(p);
        }
        assertThat(text).doesNotContain("Buy now");
    }

    @Test
    void paragraphsWrappedOneByOne() {
        String text = body("<div class='paragraph'><p>" + P1 + "</p></div><div class='paragraph'><p>" + P2
                + "</p></div><div class='paragraph'><h2>A long road</h2></div><div class='paragraph'><p>" + P3
                + "</p></div>");
        assertThat(text).isEqualTo(P1 + "\n\n" + P2 + "\n\nA long road\n\n" + P3);
    }

    @Test
    void anH1UsedAsASubheadInsideTheBodyStays() {
        String text = body("<h1>Talks to resume</h1><p>" + P1 + "</p><h1>A long road</h1><p>" + P2 + "</p>");
        assertThat(text).isEqualTo(P1 + "\n\nA long road\n\n" + P2);
    }

    @Test
    void keepsSubheadsAndQuotes() {
        String text = body("<p>" + P1 + "</p><h2>A long road</h2><p>" + P2 + "</p><blockquote><p>" + P3
                + "</p></blockquote>");
        assertThat(text).isEqualTo(P1 + "\n\nA long road\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void dropsCaptionsCreditsAndFigures() {
        String text = body("<p>" + P1 + "</p><figure><img src='x.jpg'><figcaption>The minister arrives in Geneva, "
                + "on Monday.</figcaption></figure><p>" + P2 + "</p><div class='image-credit'>Jane Doe/Reuters</div>"
                + "<p>(AP Photo/Evan Vucci)</p><p>" + P3 + "</p>");
        assertThat(text).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void dropsShareRelatedAndNewsletterBlocksInsideTheBody() {
        String text = body("<p>" + P1 + "</p><div class='share-tools'><a href='#'>Facebook</a> <a href='#'>Twitter</a>"
                + "</div><p>" + P2 + "</p><div class='newsletter-signup'><h3>Get our newsletter</h3><p>The best "
                + "stories of the day, every day, straight from our newsroom to you.</p></div>"
                + "<aside class='inline'><p>Also worth reading, a paragraph in an aside about other matters.</p></aside>"
                + "<div class='relatedArticles'><p>Earlier: the minister visited the region and said a great deal, "
                + "over several days, to many people.</p></div><p>" + P3 + "</p>");
        assertThat(text).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void dropsTheStandfirstAndKeyPointsBoxes() {
        String text = body("<div itemprop='description'><p>The talks, stalled since summer, are back on, and "
                + "that is a big deal for the region.</p></div><div class='RenderKeyPoints-keyPoints'><ul>"
                + "<li>Talks resume next week, after a pause of three months.</li><li>The border is the sticking "
                + "point, officials said.</li></ul></div><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>");
        assertThat(text).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void dropsLinkListsAndAdLabels() {
        String text = body("<p>" + P1 + "</p><p>Advertisement</p><ul><li><a href='/1'>One story</a></li>"
                + "<li><a href='/2'>Two stories</a></li><li><a href='/3'>Three stories</a></li></ul><p>" + P2
                + "</p><p>" + P3 + "</p><p><a href='/t/a'>Diplomacy</a> <a href='/t/b'>Geneva</a></p>");
        assertThat(text).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void keepsAListThatIsPartOfTheArticle() {
        String text = body("<p>" + P1 + "</p><ul><li>a ceasefire along the whole front line;</li>"
                + "<li>an exchange of all prisoners of war;</li></ul><p>" + P2 + "</p><p>" + P3 + "</p>");
        assertThat(text).contains("a ceasefire along the whole front line;", "an exchange of all prisoners of war;");
    }

    @Test
    void cutsAtATeaserHeading() {
        String text = body("<p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p><h3>More from Example News</h3>"
                + "<p>Another story, with a summary that reads like a sentence of the body, is here.</p>");
        assertThat(text).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void anInlineTeaserLinkIsDroppedButDoesNotEndTheBody() {
        String text = body("<p>" + P1 + "</p><p>" + P2 + "</p><p><strong>RELATED: <a href='/r'>Minister visits "
                + "the border region</a></strong></p><p>" + P3 + "</p><p>" + P1.replace("Tuesday", "Monday") + "</p>");
        assertThat(text).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3 + "\n\n" + P1.replace("Tuesday", "Monday"));
    }

    @Test
    void aTeaserHeadingBeforeThirtyPercentOfTheBodyDoesNotCutIt() {
        String text = body("<p>" + P1 + "</p><h3>Read more</h3><p>" + P2 + "</p><p>" + P3 + "</p><p>"
                + P1.replace("Tuesday", "Monday") + "</p><p>" + P2.replace("capitals", "cities") + "</p>");
        assertThat(text).contains(P3, P2.replace("capitals", "cities"));
    }

    @Test
    void dropsBylineAndDateBeforeTheBody() {
        String text = body("<p>By Jane Smith</p><p>November 19, 2019</p><p>" + P1 + "</p><p>" + P2 + "</p>");
        assertThat(text).isEqualTo(P1 + "\n\n" + P2);
    }

    @Test
    void brSeparatedTextIsParagraphs() {
        String text = body("<div>" + P1 + "<br><br>" + P2 + "<br>" + P3 + "</div>");
        assertThat(text).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void hiddenElementsGo() {
        String text = body("<p>" + P1 + "</p><p style='display:none'>Secret text that nobody sees on the page, "
                + "but which is long enough to count as prose.</p><p hidden>Hidden too.</p><p>" + P2 + "</p>");
        assertThat(text).isEqualTo(P1 + "\n\n" + P2);
    }

    @Test
    void metadataFromJsonLd() {
        String html = "<html lang='en-GB'><head><title>Talks | Example</title>"
                + "<link rel='canonical' href='/world/talks'>"
                + "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"
                + "\"WebPage\",\"name\":\"page\"},{\"@type\":\"NewsArticle\",\"headline\":\"Talks to resume\","
                + "\"datePublished\":\"2019-11-19T17:40:00-05:00\",\"author\":[{\"@type\":\"Person\",\"name\":"
                + "\"Jane Smith\"},{\"@type\":\"Person\",\"name\":\"John Doe\"}],\"publisher\":{\"name\":\"Example\"}}]}"
                + "</script></head><body><article><p>" + P1 + "</p></article></body></html>";
        CleanedArticle a = cleaner.cleanHtml(html, "https://example.com/x?y=1");
        assertThat(a.title()).isEqualTo("Talks to resume");
        assertThat(a.authors()).containsExactly("Jane Smith", "John Doe");
        assertThat(a.publishedAt()).isEqualTo(OffsetDateTime.parse("2019-11-19T17:40:00-05:00"));
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.canonicalUrl()).isEqualTo("https://example.com/world/talks");
        assertThat(a.siteName()).isEqualTo("Example");
        assertThat(a.text()).isEqualTo(P1);
    }

    @Test
    void metadataFromOpenGraphAndMeta() {
        String html = "<html><head><title>Talks to resume - Example</title>"
                + "<meta property='og:site_name' content='Example'>"
                + "<meta property='og:title' content='Talks to resume'>"
                + "<meta name='author' content='Jane Smith'>"
                + "<meta property='article:published_time' content='2019-11-19T12:00:00Z'>"
                + "<meta property='og:locale' content='de_DE'>"
                + "<meta property='og:url' content='https://example.com/talks'>"
                + "</head><body><p>" + P1 + "</p></body></html>";
        CleanedArticle a = cleaner.cleanHtml(html, null);
        assertThat(a.title()).isEqualTo("Talks to resume");
        assertThat(a.authors()).containsExactly("Jane Smith");
        assertThat(a.publishedAt()).isEqualTo(OffsetDateTime.parse("2019-11-19T12:00Z"));
        assertThat(a.language()).isEqualTo("de");
        assertThat(a.canonicalUrl()).isEqualTo("https://example.com/talks");
    }

    @Test
    void placeholderDatesEntitiesAndBylineWordsAreCleaned() {
        String html = "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":"
                + "\"Review &#8211; a game\",\"datePublished\":\"0001-01-01T00:00:00Z\",\"author\":{\"name\":"
                + "\"Analysis by Jane Smith, CNN Editor-at-large\"}}</script>"
                + "<meta property='article:published_time' content='2019-11-19T12:00:00Z'>"
                + "<meta name='author' content='ignored'></head><body><p>" + P1 + "</p></body></html>";
        CleanedArticle a = cleaner.cleanHtml(html, null);
        assertThat(a.title()).isEqualTo("Review – a game");
        assertThat(a.publishedAt()).isEqualTo(OffsetDateTime.parse("2019-11-19T12:00Z"));
        assertThat(a.authors()).containsExactly("Jane Smith");
        String credentials = "<html><head><meta name='author' content='Ilana Muhlstein, RDN'></head><body></body></html>";
        assertThat(cleaner.cleanHtml(credentials, null).authors()).containsExactly("Ilana Muhlstein");
    }

    @Test
    void titleFromTheTitleElementLosesTheSiteName() {
        String html = "<html><head><title>Talks to resume | Example</title>"
                + "<meta property='og:site_name' content='Example'></head><body><p>" + P1 + "</p></body></html>";
        assertThat(cleaner.cleanHtml(html, null).title()).isEqualTo("Talks to resume");
    }

    @Test
    void malformedJsonLdIsIgnored() {
        String html = "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":"
                + "</script><script type='application/ld+json'>" + "[".repeat(10_000) + "</script></head><body><h1>"
                + "Talks</h1><p>" + P1 + "</p></body></html>";
        CleanedArticle a = cleaner.cleanHtml(html, null);
        assertThat(a.title()).isEqualTo("Talks");
        assertThat(a.text()).isEqualTo(P1);
    }
}
