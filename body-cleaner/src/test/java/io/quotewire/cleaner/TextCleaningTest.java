package io.quotewire.cleaner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link BodyCleaner#cleanText}: text that lost its markup. */
class TextCleaningTest {

    private final BodyCleaner cleaner = new BodyCleaner();

    private static final String P1 = "The minister said on Tuesday that the talks would resume next week, after a "
            + "pause of almost three months in which neither side had moved.";
    private static final String P2 = "Officials in both capitals said a draft agreement was close, but that the "
            + "question of the border had still to be settled by the leaders themselves.";
    private static final String P3 = "Analysts said the deal, if it holds, would be the first of its kind since the "
            + "war began, and could reopen trade routes that have been shut for years.";

    @Test
    void cleanTextComesBackUnchanged() {
        String text = "Talks to resume\n\n" + P1 + "\n\n" + P2 + "\n\n" + P3;
        assertThat(cleaner.cleanText(text).text()).isEqualTo(text);
    }

    @Test
    void captionAndCreditGo() {
        String text = "Talks to resume\n\nThe minister arrives in Geneva, on January 28, 2025.\nJane Doe/Reuters\n\n"
                + P1 + "\n\n" + P2;
        assertThat(cleaner.cleanText(text).text()).isEqualTo("Talks to resume\n\n" + P1 + "\n\n" + P2);
    }

    @Test
    void repeatedCaptionBeforeAPipedCreditGoes() {
        String text = P1 + "\nThe minister arrives. | The envoy leaves.\nThe minister arrives. | The envoy leaves.\n"
                + "Jane Doe/Reuters | John Roe, Pool via AP\n" + P2;
        assertThat(cleaner.cleanText(text).text()).isEqualTo(P1 + "\n" + P2);
    }

    @Test
    void aBareAgencyLineIsDroppedButTheParagraphBeforeItStays() {
        String text = P1 + "\n" + P2 + "\nReuters";
        assertThat(cleaner.cleanText(text).text()).isEqualTo(P1 + "\n" + P2);
    }

    @Test
    void teaserSectionAtTheEndIsCut() {
        String text = P1 + "\n\n" + P2 + "\n\n" + P3 + "\n\nMore from Example Media\n\n"
                + "Another story entirely, with a summary that reads like a sentence of a body.\n\n- YouTube";
        assertThat(cleaner.cleanText(text).text()).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void newsletterBlockInTheMiddleGoes() {
        String text = P1 + "\nExample Weekly\nEscape the noise. Get the facts behind the news.\n"
                + "Sign up for Example Weekly's free newsletters\n"
                + "Get the best of Example delivered directly to your inbox.\n" + P2 + "\n" + P3;
        assertThat(cleaner.cleanText(text).text()).isEqualTo(P1 + "\n" + P2 + "\n" + P3);
    }

    @Test
    void callToActionThenBioThenTeaserListAtTheEndIsCut() {
        String text = P1 + "\n" + P2 + "\n" + P3 + "\nA free daily email with the biggest news stories of the day\n"
                + "Jane has worked as a writer and editor at Example since 2008. She covers politics and culture.\n"
                + "-\nHow to make the most of chestnutsRecommends These nuts have more to offer\n"
                + "-\nWhy does the council want new bins?Today's Big Question Most residents want them";
        assertThat(cleaner.cleanText(text).text()).isEqualTo(P1 + "\n" + P2 + "\n" + P3);
    }

    @Test
    void subheadsStay() {
        String text = "What happened\n" + P1 + "\nWho said what\n" + P2 + "\nWhat next?\n" + P3;
        assertThat(cleaner.cleanText(text).text()).isEqualTo(text);
    }

    @Test
    void advertisementLabelsGo() {
        String text = P1 + "\n\nAdvertisement\n\n" + P2;
        assertThat(cleaner.cleanText(text).text()).isEqualTo(P1 + "\n\n" + P2);
    }

    @Test
    void aWholeCopiedPageLosesItsMenusAndFooter() {
        StringBuilder menu = new StringBuilder();
        for (String item : new String[] {"Home", "World", "Politics", "Business", "Tech", "Science", "Sport",
                "Culture", "Opinion", "Video", "Log in", "Search"}) {
            menu.append(item).append('\n');
        }
        String text = menu + "Talks to resume\n" + P1 + "\n" + P2 + "\n" + P3 + "\nMost read\n"
                + "A headline about something else entirely\nAnother headline about another thing\n"
                + "About us\nContact\nTerms\nPrivacy\n© 2025 Example Media";
        assertThat(cleaner.cleanText(text).text()).isEqualTo(P1 + "\n" + P2 + "\n" + P3);
    }

    @Test
    void anInterviewOfShortLinesStaysWhole() {
        StringBuilder text = new StringBuilder(P1).append('\n');
        for (int i = 0; i < 30; i++) {
            text.append("Q: ").append(i).append(", will the talks go on?").append('\n').append("A: We think so.\n");
        }
        text.append(P2);
        assertThat(cleaner.cleanText(text.toString()).text()).isEqualTo(text.toString());
    }

    @Test
    void theHeadlineAndStandfirstOpeningTheTextStay() {
        String text = "Talks to resume\nThe minister and the envoy agreed on a date\n" + P1 + "\n" + P2;
        assertThat(cleaner.cleanText(text).text()).isEqualTo(text);
    }

    @Test
    void emptyAndNull() {
        assertThat(cleaner.cleanText(null).text()).isEmpty();
        assertThat(cleaner.cleanText("   \n\n ").text()).isEmpty();
        assertThat(cleaner.cleanText("x").text()).isEqualTo("x");
    }
}
