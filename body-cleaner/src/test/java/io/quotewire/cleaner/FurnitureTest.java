package io.quotewire.cleaner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The single-line shapes of page furniture, and lines of body text that must not take those shapes. */
class FurnitureTest {

    @ParameterizedTest
    @ValueSource(strings = {"Yevhen Titov/NurPhoto", "Sputnik/Gavriil Grigorov/Pool via REUTERS",
            "REUTERS/Stephanie Lecocq/Pool", "Osamah Yahya/dpa via Reuters Connect", "Photo: Jane Doe/Reuters",
            "(AP Photo/Evan Vucci)", "Ramil Sitdikov, Pool by way of Sputnik by way of Reuters",
            "Carlos Barria/Reuters | Ramil Sitdikov, Pool by way of Sputnik by way of Reuters",
            "Natalie Naccache | Bloomberg | Getty Images", "Image credit: NASA", "Getty Images",
            "Illustration by Jane Smith"})
    void credits(String line) {
        assertThat(Furniture.isCredit(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"The agency said it had photographed the site with Reuters and AP.",
            "Putin and Trump spoke for 90 minutes/half an hour, officials said.", "What happened",
            "Trump said he would meet Putin soon, according to Reuters.", "Breaking the silence"})
    void notCredits(String line) {
        assertThat(Furniture.isCredit(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sign up for The Week's Free Newsletters",
            "From our morning news briefing to a weekly Good News Newsletter, get the best of The Week delivered directly to your inbox.",
            "Subscribe to our newsletter", "Like this story? Share it with a friend!",
            "This post may contain affiliate links.", "Follow us on Twitter.", "Get our free daily newsletter",
            "Follow Jane Smith on Twitter.", "Contact the author at jane.smith@example.com."})
    void callsToAction(String line) {
        assertThat(Furniture.isCallToAction(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"The newspaper lost a third of its print subscribers in a decade, the company said.",
            "Russia said the talks would continue next week."})
    void notCallsToAction(String line) {
        assertThat(Furniture.isCallToAction(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"More from GZERO Media", "Related stories", "Read more", "You may also like",
            "Most popular", "Recommended for you", "RELATED:"})
    void teaserHeadings(String line) {
        assertThat(Furniture.isTeaserHeading(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"More from the interview was released on Tuesday, the network said.",
            "Related talks failed in 2019 after both sides walked out."})
    void notTeaserHeadings(String line) {
        assertThat(Furniture.isTeaserHeading(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"President Trump speaks in the Oval Office on Monday. (AP Photo/Evan Vucci)",
            "Troops near the front line, in May. (Photo by Jane Doe/Getty Images)",
            "Putin in Moscow on Tuesday. Photo: Jane Doe/Reuters"})
    void captionsEndingInACredit(String line) {
        assertThat(Furniture.isCaptionWithCredit(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"The ministry said it would respond (in writing) by Friday.",
            "Sales rose 4% in the year to March (see chart), the company said.",
            "The photo, he said, was taken in 2019 by a member of the public."})
    void notCaptionsEndingInACredit(String line) {
        assertThat(Furniture.isCaptionWithCredit(line)).isFalse();
    }

    @Test
    void teaserLinks() {
        assertThat(Furniture.isTeaserLink("RELATED: Minister visits the border region")).isTrue();
        assertThat(Furniture.isTeaserHeading("RELATED: Minister visits the border region")).isFalse();
        assertThat(Furniture.isTeaserLink("Read more: Why the talks failed")).isTrue();
        assertThat(Furniture.isTeaserLink("He said: related matters were discussed.")).isFalse();
        assertThat(Furniture.isPhotoCredit("Jane Doe/Reuters")).isTrue();
        assertThat(Furniture.isPhotoCredit("Reuters")).isFalse();
    }

    @Test
    void labelsBylinesAndDates() {
        assertThat(Furniture.isAdOrWidgetLabel("Advertisement")).isTrue();
        assertThat(Furniture.isAdOrWidgetLabel("Story continues below advertisement")).isTrue();
        assertThat(Furniture.isAdOrWidgetLabel("Advertisement spending fell by a third.")).isFalse();
        assertThat(Furniture.isAdOrWidgetLabel("Image source, Getty Images")).isTrue();
        assertThat(Furniture.isAdOrWidgetLabel("Image caption, The minister arrives in Geneva on Monday")).isTrue();
        assertThat(Furniture.isAdOrWidgetLabel("5 min read")).isTrue();
        assertThat(Furniture.isAdOrWidgetLabel("Listen to this article")).isTrue();
        assertThat(Furniture.isByline("By Jane Smith and John Doe")).isTrue();
        assertThat(Furniture.isByline("By Tuesday, the talks had collapsed.")).isFalse();
        assertThat(Furniture.isDateLine("Published: November 19, 2019 at 5:40 pm")).isTrue();
        assertThat(Furniture.isDateLine("19 Nov 2019")).isTrue();
        assertThat(Furniture.isMetaLine("05/10/2018 - Posted by: Clarissa Borba - Category: Health")).isTrue();
        assertThat(Furniture.isCopyrightCaption("© John Brecher Needle poking skin during a flu shot.")).isTrue();
    }

    @Test
    void sentenceShapes() {
        assertThat(Furniture.endsLikeSentence("He left.")).isTrue();
        assertThat(Furniture.endsLikeSentence("“We are ready,” he said.”")).isTrue();
        assertThat(Furniture.endsLikeSentence("Is it over?")).isTrue();
        assertThat(Furniture.endsLikeSentence("会谈将于下周恢复。")).isTrue();
        assertThat(Furniture.isHeadlineLike("Stress techniques")).isTrue();
        assertThat(Furniture.words("a b, c-d")).isEqualTo(4);
    }
}
