package io.quotewire.query.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteKeysTest {

    @Test
    void theSameQuoteDespitePunctuationEllipsisAndATrimmedEnd() {
        String full = "We had a lengthy and highly productive phone call, and we will talk again soon.";
        assertThat(QuoteKeys.sameQuote(full, "we had a LENGTHY and highly productive phone-call")).isTrue();
        assertThat(QuoteKeys.sameQuote(full, "lengthy and highly productive phone call")).isTrue();
        assertThat(QuoteKeys.sameQuote(full, "We had a lengthy … phone call, and we will talk again")).isTrue();
        assertThat(QuoteKeys.sameQuote(full, "We had a lengthy... we will talk again soon")).isTrue();
        // Parts out of order, another quote, or too short to tell.
        assertThat(QuoteKeys.sameQuote(full, "we will talk again soon... we had a lengthy")).isFalse();
        assertThat(QuoteKeys.sameQuote(full, "We had a lengthy and very unproductive phone call")).isFalse();
        assertThat(QuoteKeys.sameQuote(full, "phone call")).isFalse();
        assertThat(QuoteKeys.sameQuote("phone call", "Phone call!")).isTrue();
        // Whole words only.
        assertThat(QuoteKeys.sameQuote("the plan is costly for everyone", "the plan is costly for everyone involved"))
                .isTrue();
        assertThat(QuoteKeys.sameQuote("plan is costly for every", "the plan is costly for everyone")).isFalse();
    }

    @Test
    void keysFindEarlierShorterQuotesAndTrimmedEnds() {
        String norm = QuoteKeys.normalize("We had a lengthy and highly productive phone call");
        QuoteKeys.Lookup lookup = QuoteKeys.lookup(norm);
        // an earlier quote inside this one, by its first six words; a shorter one by its whole text
        assertThat(lookup.headKeys()).contains(QuoteKeys.hash("lengthy and highly productive phone call"),
                QuoteKeys.hash("had a lengthy and highly productive"));
        assertThat(lookup.textKeys()).contains(QuoteKeys.hash("highly productive phone call"),
                QuoteKeys.hash("and highly productive phone call"), QuoteKeys.hash(norm))
                .doesNotContain(QuoteKeys.hash("phone call"), QuoteKeys.hash("productive phone call"));
        // an earlier quote that begins the same way (longer, or its end trimmed): this one's head
        assertThat(QuoteKeys.lookup(QuoteKeys.normalize("We had a lengthy and highly...")).headKeys())
                .contains(QuoteKeys.hash(QuoteKeys.head(norm)));
        assertThat(QuoteKeys.head(norm)).isEqualTo("we had a lengthy and highly");
        assertThat(QuoteKeys.head(QuoteKeys.normalize("We had a lengthy and highly..."))).isEqualTo(QuoteKeys.head(norm));
        assertThat(QuoteKeys.hash("abc")).isEqualTo(QuoteKeys.hash("abc")).isNotEqualTo(QuoteKeys.hash("abd"));
    }

    @Test
    void theSentenceAroundAQuote() {
        String text = "Talks resumed. \"We are close,\" the envoy said. Nobody else spoke.";
        int start = text.indexOf("We are");
        int[] s = QuoteKeys.sentence(text, start, start + "We are close,".length());
        assertThat(text.substring(s[0], s[1])).isEqualTo("\"We are close,\" the envoy said.");
        String ending = "He said: \"It is over.\" Then he left.";
        int at = ending.indexOf("It is");
        int[] e = QuoteKeys.sentence(ending, at, at + "It is over.".length());
        assertThat(ending.substring(e[0], e[1])).isEqualTo("He said: \"It is over.\"");
    }
}
