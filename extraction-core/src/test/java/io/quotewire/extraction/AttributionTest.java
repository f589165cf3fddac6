package io.quotewire.extraction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static io.quotewire.extraction.Fixtures.extract;
import static io.quotewire.extraction.Fixtures.quote;
import static io.quotewire.extraction.Fixtures.speaker;
import static io.quotewire.extraction.Fixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

class AttributionTest {

    @Test
    void quoteThenNameSaid() {
        Extraction x = extract("\"The border is secure,\" Tom Homan said on Monday.");
        assertThat(speaker(x, "The border")).isEqualTo("Tom Homan");
        assertThat(quote(x, "The border").type()).isEqualTo(QuoteType.DIRECT);
        assertThat(quote(x, "The border").cue().text()).isEqualTo("said");
    }

    @Test
    void nameSaidColonQuote() {
        Extraction x = extract("Senator Lindsey Graham said: \"We need more sanctions on Moscow.\"");
        assertThat(speaker(x, "We need")).isEqualTo("Lindsey Graham");
    }

    @Test
    void saidThenName() {
        Extraction x = extract("\"Tariffs are a tax on families,\" said Jared Bernstein, a former White House economist.");
        assertThat(speaker(x, "Tariffs")).isEqualTo("Jared Bernstein");
    }

    @Test
    void appositionBetweenNameAndVerb() {
        Extraction x = extract("\"The market shrugged it off,\" Diane Swonk, chief economist at KPMG, said.");
        assertThat(speaker(x, "The market")).isEqualTo("Diane Swonk");
    }

    @Test
    void toldReportersAndWroteOnSocialMedia() {
        Extraction x = extract("\"I'm not worried,\" Vice President JD Vance told reporters. "
                + "Later, Vance wrote on social media: \"We are winning.\"");
        assertThat(speaker(x, "I'm not")).isEqualTo("JD Vance");
        assertThat(speaker(x, "We are winning")).isEqualTo("JD Vance");
    }

    @Test
    void aVerbOfMannerRightAfterABrokenOffQuoteIsItsCue() {
        Extraction x = extract("The crowd cheered.\n\n\"This is fantastic!\" beamed Donald Hartley of Madison, who "
                + "snuck onto the floor.\n\n\"We won,\" Maria Lopez chuckled.");
        assertThat(speaker(x, "This is fantastic")).isEqualTo("Donald Hartley");
        assertThat(quote(x, "This is fantastic").cue().text()).isEqualTo("beamed");
        assertThat(speaker(x, "We won")).isEqualTo("Maria Lopez");
    }

    @Test
    void aVerbOfMannerAfterAQuoteInsideTheWritersSentenceIsNoCue() {
        // the comma after "distasteful" is the sentence's: Santilli did not say it
        Extraction x = extract("In a clip that Judge Michael Mosman called \"distasteful,\" Peter Santilli expressed a "
                + "wish to see her tried.");
        assertThat(speaker(x, "distasteful")).isNotEqualTo("Peter Santilli");
    }

    @Test
    void aPersonOpeningTheSentenceBeforeIntroducesAQuoteWithNoCue() {
        Extraction x = extract("Senator Elizabeth Warren took aim at the banks in her speech. \"They have rigged the "
                + "rules for decades and it is time we stopped it.\"\n\nThe crowd cheered. \"Enough is enough.\"");
        assertThat(speaker(x, "They have rigged")).isEqualTo("Elizabeth Warren");
        assertThat(quote(x, "Enough is enough").speaker()).isNull(); // "the crowd" is no person the text names
    }

    @Test
    void phrasalCuesAndModalsBeforeABaseFormAreCues() {
        Extraction x = extract("\"Look at all these supporters,\" Sandra Paradis said.\n\n\"They want free stuff,\" "
                + "Jim Bennett shot back with a laugh.\n\nThe schedule was so odd that a spokesman for Bernie Sanders "
                + "could only quip: \"I guess Christmas Eve was booked.\"");
        assertThat(speaker(x, "They want")).isEqualTo("Jim Bennett");
        assertThat(quote(x, "They want").cue().text()).isEqualTo("shot");
        assertThat(speaker(x, "I guess")).isEqualTo("a spokesman for Bernie Sanders");
    }

    @Test
    void aParticipleAfterWithAndANameTakesThatName() {
        Extraction x = extract("Senator Ted Cruz attacked the plan, with his spokesman Rick Tyler calling it \"a disaster "
                + "for families.\" Hillary Clinton said the vote was close, with spokesman Brian Fallon adding that it "
                + "was \"a clear win.\"");
        assertThat(speaker(x, "a disaster")).isEqualTo("Rick Tyler");
        assertThat(speaker(x, "a clear win")).isEqualTo("Brian Fallon");
        Extraction y = extract("The campaign released an ad.\n\nThe ad uses footage of Hillary Clinton asking, “Why "
                + "aren’t I 50 points ahead, you might ask?”");
        assertThat(speaker(y, "Why aren’t")).isEqualTo("Hillary Clinton");
    }

    @Test
    void aPartialQuoteTakesTheCueOfItsOwnCoordinatedClause() {
        Extraction x = extract("Senator Marco Rubio suggested the plan would fail, while Senator Ted Cruz said that the "
                + "\"stakes are too high\" for games.");
        assertThat(speaker(x, "stakes are")).isEqualTo("Ted Cruz");
        assertThat(quote(x, "stakes are").cue().text()).isEqualTo("said");
    }

    @Test
    void aPluralNounIsNoCueNorMakesTheWordBeforeItAPerson() {
        Extraction x = extract("China has provoked mixed feelings in many Asian states, and it has used \"velvet gloves\" "
                + "in its dealings, said Nargis Kassenova, an expert at KIMEP University. Senator Bernie Sanders is "
                + "disavowing remarks by a surrogate who said voters should not \"elect corporate Democrats.\"");
        assertThat(speaker(x, "velvet gloves")).isEqualTo("Nargis Kassenova");
        assertThat(quote(x, "elect corporate").cue().text()).isNotEqualTo("remarks");
        assertThat(x.entities()).extracting(Entity::name).doesNotContain("Asian");
    }

    @Test
    void aPullQuoteCreditedAfterADash() {
        Extraction x = extract("Readers wrote in.\n\n“He represents our greatest shame.” ― Sonya Herridge\n\n"
                + "“During the debate he said we live in hell.”― Pamela Padilla\n\n\"I will look into it.\"\n\n"
                + "- Hillary Clinton.\n\nThe vote was 52-48 - a close one.");
        assertThat(speaker(x, "He represents")).isEqualTo("Sonya Herridge");
        assertThat(speaker(x, "During the debate")).isEqualTo("Pamela Padilla");
        assertThat(speaker(x, "I will look")).isEqualTo("Hillary Clinton");
    }

    @Test
    void fromAWritingColonQuotation() {
        Extraction x = extract("Former Florida Gov. Jeb Bush endorsed Cruz.\n\nFrom Bush's Facebook post: \"We must "
                + "overcome the divisiveness.\"\n\nFrom the report: “Samples with more elaborate weighting did better.”");
        assertThat(speaker(x, "We must")).isEqualTo("Jeb Bush");
        assertThat(quote(x, "Samples with").speaker().name()).isEqualTo("the report");
    }

    @Test
    void accordingTo() {
        Extraction x = extract("The deal is \"almost done,\" according to Treasury Secretary Scott Bessent.");
        assertThat(speaker(x, "almost done")).isEqualTo("Scott Bessent");
    }

    @Test
    void quotationInterruptedByItsAttributionIsOneQuote() {
        String text = "\"We are ready,\" Hakeem Jeffries said. \"Are they?\"";
        Extraction x = extract(text);
        assertThat(texts(x)).containsExactly("We are ready, Are they?");
        Quote q = x.quotes().get(0);
        assertThat(q.parts()).extracting(Span::text).containsExactly("We are ready,", "Are they?");
        assertThat(q.start()).isEqualTo(text.indexOf("We are"));
        assertThat(q.end()).isEqualTo(text.indexOf("?") + 1);
        assertThat(q.speaker().name()).isEqualTo("Hakeem Jeffries");
        assertThat(q.cue().text()).isEqualTo("said");
        assertThat(q.type()).isEqualTo(QuoteType.DIRECT);
    }

    @Test
    void quotationInterruptedInsideOneSentenceIsOneQuote() {
        Extraction x = extract("\"The votes are there,\" Chuck Schumer said, \"and we will use them.\"");
        assertThat(texts(x)).containsExactly("The votes are there, and we will use them.");
        assertThat(speaker(x, "The votes")).isEqualTo("Chuck Schumer");
    }

    @Test
    void aSecondQuoteWithItsOwnCueStaysApart() {
        Extraction x = extract("\"We are ready,\" Hakeem Jeffries said. \"They are not,\" Mike Johnson replied.");
        assertThat(texts(x)).containsExactly("We are ready,", "They are not,");
        assertThat(speaker(x, "They are")).isEqualTo("Mike Johnson");
    }

    @Test
    void aCuelessQuoteAfterANarrationSentenceGoesOnWithTheQuotationBeforeIt() {
        // one attribution, two content spans, as PolNeAR and citron record it
        Extraction x = extract("\"We are ready,\" Hakeem Jeffries said. The vote was set for noon. \"Are they?\"");
        assertThat(texts(x)).containsExactly("We are ready, Are they?");
        assertThat(quote(x, "We are ready").parts()).hasSize(2);
    }

    @Test
    void aQuoteAfterANarrationSentenceNamingAnotherPersonIsNotPartOfTheQuotation() {
        Extraction x = extract("\"We are ready,\" Hakeem Jeffries said. Mark Warner was less sure. \"Are they?\"");
        assertThat(texts(x)).containsExactly("We are ready,", "Are they?");
    }

    @Test
    void nextParagraphContinuesTheSpeaker() {
        Extraction x = extract("\"We will appeal,\" Attorney General Pam Bondi said.\n\n\"This ruling will not stand.\"");
        assertThat(texts(x)).containsExactly("We will appeal, This ruling will not stand."); // one quotation, two parts
        assertThat(quote(x, "We will appeal").parts()).hasSize(2);
        assertThat(speaker(x, "We will appeal")).isEqualTo("Pam Bondi");
    }

    @Test
    void partialQuoteInReportedSpeech() {
        Extraction x = extract("Zelensky said he was \"grateful\" for the support.");
        assertThat(speaker(x, "grateful")).isEqualTo("Zelensky");
        assertThat(quote(x, "grateful").type()).isEqualTo(QuoteType.PARTIAL);
    }

    @Test
    void participleCueTakesTheSentenceSubject() {
        Extraction x = extract("In a radio interview, Trump praised the move, calling it \"genius\" and \"savvy.\"");
        assertThat(speaker(x, "genius")).isEqualTo("Trump");
        assertThat(speaker(x, "savvy")).isEqualTo("Trump");
    }

    @Test
    void pronounResolvedByGenderAndRecency() {
        Extraction x = extract("Kristi Noem met Tom Cotton in Washington on Friday. \"It was productive,\" she said. "
                + "\"We agreed on most things,\" he added.");
        assertThat(speaker(x, "It was productive")).isEqualTo("Kristi Noem");
        assertThat(speaker(x, "We agreed")).isEqualTo("Tom Cotton");
    }

    @Test
    void roleDescriptionResolvedToTheTitledPerson() {
        Extraction x = extract("French President Emmanuel Macron met German Chancellor Friedrich Merz in Paris. "
                + "\"Europe must stand together,\" the French president said.");
        assertThat(speaker(x, "Europe must")).isEqualTo("Emmanuel Macron");
    }

    @Test
    void organizationsSpeak() {
        Extraction x = extract("The call was \"constructive,\" the Kremlin said. \"The report is false,\" "
                + "The Washington Post said, citing officials.");
        assertThat(speaker(x, "constructive")).isEqualTo("Kremlin");
        assertThat(speaker(x, "The report")).isEqualTo("Washington Post");
    }

    @Test
    void organizationSpokespersonSpeaksForTheOrganization() {
        Extraction x = extract("\"We do not comment on personnel matters,\" a Pentagon spokesperson said.");
        assertThat(speaker(x, "We do not")).isEqualTo("Pentagon");
    }

    @Test
    void unnamedSourceIsTheDescriptionWithoutAnEntity() {
        Extraction x = extract("\"Nobody knows what happens next,\" one diplomat said.");
        Speaker s = quote(x, "Nobody knows").speaker();
        assertThat(s.name()).isEqualTo("one diplomat");
        assertThat(s.entityId()).isNull();
        assertThat(s.resolution()).isEqualTo(Speaker.Resolution.UNNAMED);
        assertThat(s.mention().text()).isEqualTo("one diplomat");
    }

    @Test
    void unnamedSourceAfterTheVerb() {
        Extraction x = extract("\"We will not back down,\" said a senior campaign adviser, who asked not to be named.");
        assertThat(speaker(x, "We will not")).isEqualTo("a senior campaign adviser");
    }

    @Test
    void pluralUnnamedSourceBeforeTheVerbWithTimeWords() {
        Extraction x = extract("\"The harm caused is beyond measure,\" federal prosecutors wrote on Monday in a filing.");
        assertThat(speaker(x, "The harm")).isEqualTo("federal prosecutors");
    }

    @Test
    void aPossessiveNameInTheSpeakerPhraseIsNotTheSpeaker() {
        Extraction x = extract("Barack Obama spoke first. \"It was outrageous,\" Obama's former campaign strategist said.");
        Speaker s = quote(x, "It was outrageous").speaker();
        assertThat(s.resolution()).isEqualTo(Speaker.Resolution.UNNAMED);
        assertThat(s.name()).isEqualTo("Obama's former campaign strategist");
    }

    @Test
    void cueSentenceAfterAQuoteThatEndsWithAPeriod() {
        Extraction x = extract("\"We are done negotiating.\" Mayor Lena Ortiz said.");
        assertThat(speaker(x, "We are done")).isEqualTo("Lena Ortiz");
    }

    @Test
    void namedHeadOfALongSpeakerPhrase() {
        Extraction x = extract("\"The records were withheld on purpose,\" watchdog group president Thomas Fenwick said Tuesday.");
        assertThat(speaker(x, "The records")).isEqualTo("Thomas Fenwick");
    }

    @Test
    void spunSpeechVerbs() {
        Extraction x = extract("\"We are ready to talk,\" Marco Rubio mentioned on Thursday. "
                + "\"Nothing is off the table,\" Rubio stated.");
        assertThat(speaker(x, "We are ready")).isEqualTo("Marco Rubio");
        assertThat(speaker(x, "Nothing is")).isEqualTo("Marco Rubio");
    }

    @Test
    void cueAfterAQuestionMarkThatEndedTheSentence() {
        Extraction x = extract("\"Why would we stop now?\" Elon Musk wrote on X.");
        assertThat(speaker(x, "Why would")).isEqualTo("Elon Musk");
    }

    @Test
    void personOfPlaceSpeaksNotThePlace() {
        Extraction x = extract("Governor Kathy Hochul of New York, a Democrat, said the plan was \"reckless.\"");
        assertThat(speaker(x, "reckless")).isEqualTo("Kathy Hochul");
    }

    @Test
    void noCarriedOverSpeakerAcrossAnotherPerson() {
        Extraction x = extract("\"We won,\" Senator Tim Kaine said. Senator Mark Warner was less sure. "
                + "\"It is too early.\"");
        assertThat(texts(x)).containsExactly("We won,", "It is too early.");
        // not Kaine's: the sentence Warner opens introduces it
        assertThat(speaker(x, "It is too early")).isEqualTo("Mark Warner");
    }

    @Test
    void saidBeforeAClauseIsNotAnInvertedCue() {
        Extraction x = extract("Senator Amy Klobuchar, a Democrat, said Biden was \"absolutely right.\"");
        assertThat(speaker(x, "absolutely")).isEqualTo("Amy Klobuchar");
    }

    @Test
    void abbreviatedTitlesResolveDescriptions() {
        Extraction x = extract("Sen. Rand Paul voted no. Rep. Ilhan Omar voted no as well. "
                + "\"I could not support it,\" the senator said. \"Nor could I,\" the congresswoman said.");
        assertThat(speaker(x, "I could not")).isEqualTo("Rand Paul");
        assertThat(speaker(x, "Nor could")).isEqualTo("Ilhan Omar");
    }

    @Test
    void itAndTheDepartmentReferToTheOrganization() {
        Extraction x = extract("The Justice Department filed the motion on Monday. \"The law is clear,\" the department "
                + "said. Boeing shares fell. \"We are cooperating fully,\" it said in a statement.");
        assertThat(speaker(x, "The law is clear")).isEqualTo("Justice Department");
        assertThat(speaker(x, "We are cooperating")).isEqualTo("Boeing");
        assertThat(Fixtures.names(x, EntityType.PERSON)).isEmpty();
    }

    @Test
    void passiveCueHasNoSpeaker() {
        Extraction x = extract("Senator Tim Scott spoke first. The plan was called \"reckless\" in the debate.");
        assertThat(quote(x, "reckless").speaker()).isNull();
    }

    @Test
    void colonAtTheEndOfThePreviousParagraph() {
        Extraction x = extract("Senator Bernie Sanders wrote on X on Monday:\n\n\"We will not stop fighting.\"");
        assertThat(speaker(x, "We will not stop")).isEqualTo("Bernie Sanders");
        assertThat(x.quotes()).extracting(Quote::type).containsExactly(QuoteType.DIRECT);
    }

    @Test
    void dashAndParenthesisAppositions() {
        Extraction x = extract("Trump — who spoke by phone with Putin for two hours — said the call was \"very "
                + "productive.\" Rep. Jane Roe (D-N.Y.) said she was \"appalled.\"");
        assertThat(speaker(x, "very productive")).isEqualTo("Trump");
        assertThat(speaker(x, "appalled")).isEqualTo("Jane Roe");
    }

    @Test
    void lowerCaseRoleWordsBeforeATitledName() {
        Extraction x = extract("\"The numbers are bad,\" party strategist Jane Roe said in a statement.");
        assertThat(speaker(x, "The numbers")).isEqualTo("Jane Roe");
    }

    @Test
    void partyStateParenthesisAfterTheName() {
        Extraction x = extract("\"I'm not voting for another blank check,\" Sen. Josh Hawley (R-Mo.) told reporters.");
        assertThat(speaker(x, "I'm not voting")).isEqualTo("Josh Hawley");
    }

    @Test
    void evaluativeVerbsAttributePartialQuotes() {
        Extraction x = extract("Senate Minority Leader Chuck Schumer accused Republicans of \"caving to Donald Trump.\"");
        assertThat(speaker(x, "caving")).isEqualTo("Chuck Schumer");
    }

    @Test
    void theFormerPresidentIsNotTheVicePresident() {
        Extraction x = extract("Vice President JD Vance spoke in Ohio. Former President Barack Obama spoke in Atlanta. "
                + "Without naming Vance, the former president warned against \"a politics of fear.\" "
                + "\"We will win Ohio,\" the vice president said.");
        assertThat(speaker(x, "a politics of fear")).isEqualTo("Barack Obama");
        assertThat(speaker(x, "We will win Ohio")).isEqualTo("JD Vance");
        assertThat(Fixtures.entity(x, "JD Vance").orElseThrow().titles()).containsExactly("Vice President");
    }

    @Test
    void unknownFirstNameWithARoleAppositionIsAPerson() {
        Extraction x = extract("Sen. Tom Cotton praised the deal. Zippy Duvall, the group's president, put it more bluntly. "
                + "\"Our members want trade, not aid,\" he said.");
        assertThat(speaker(x, "Our members")).isEqualTo("Zippy Duvall");
        assertThat(Fixtures.entity(x, "Zippy Duvall").orElseThrow().titles()).containsExactly("president");
    }

    @Test
    void placeBeforeATitleInOneCapitalisedRun() {
        Extraction x = extract("\"Nobody saw this coming,\" Kerr County Judge Rob Kelly said. Harris County Sheriff "
                + "Ed Gonzalez agreed.");
        assertThat(speaker(x, "Nobody saw")).isEqualTo("Rob Kelly");
        assertThat(Fixtures.entity(x, "Rob Kelly").orElseThrow().titles()).containsExactly("Judge");
        assertThat(Fixtures.entity(x, "Ed Gonzalez").orElseThrow().titles()).containsExactly("Sheriff");
        assertThat(Fixtures.names(x, EntityType.LOCATION)).contains("Kerr County", "Harris County");
    }

    @Test
    void partyDescriptionsResolveToThePersonOfThatParty() {
        Extraction x = extract("Sen. Tim Kaine, D-Va., voted no. Sen. Ted Cruz, R-Texas, voted yes. \"This is wrong,\" "
                + "the Democrat said. \"It is right,\" the Texas Republican said.");
        assertThat(speaker(x, "This is wrong")).isEqualTo("Tim Kaine");
        assertThat(speaker(x, "It is right")).isEqualTo("Ted Cruz");
        Extraction y = extract("Democratic Rep. Ro Khanna and Rep. Mike Lawler (R-N.Y.) met on Monday. \"We agree on "
                + "this,\" the Republican said. The Republican Party did not comment.");
        assertThat(speaker(y, "We agree")).isEqualTo("Mike Lawler");
        assertThat(Fixtures.names(y, EntityType.PERSON)).containsExactly("Ro Khanna", "Mike Lawler");
    }

    /** Descriptions and statements: {text, start of the quote, speaker}. */
    static Stream<Arguments> describedSpeakers() {
        return Stream.of(
                // "the secretary" is the Secretary of State
                Arguments.of("Secretary of State Marco Rubio flew to Panama on Tuesday. \"Every democracy here "
                        + "understands the stakes,\" the secretary said.", "Every democracy", "Marco Rubio"),
                // a state before the role word
                Arguments.of("Sen. Amy Klobuchar and Sen. Tom Cotton spoke on Sunday. \"No administration has done "
                        + "more for farmers,\" the Arkansas senator said.", "No administration", "Tom Cotton"),
                // a statement from an organization
                Arguments.of("The new rules are \"final,\" according to a statement from the Treasury Department.",
                        "final", "Treasury Department"),
                // two appositions between the name and the verb (AP style)
                Arguments.of("\"The evidence is clear,\" Rep. Jim Jordan, R-Ohio, chairman of the House Judiciary "
                        + "Committee, said.", "The evidence", "Jim Jordan"),
                Arguments.of("\"Prices are up,\" Jane Roe, 34, a nurse from Phoenix, said.", "Prices", "Jane Roe"),
                // a role description or an organization's spokesperson named in an apposition: the name speaks
                Arguments.of("The White House defended the move. \"This is lawful,\" the spokeswoman, Anna Kelly, "
                        + "said.", "This is lawful", "Anna Kelly"),
                Arguments.of("\"We are done,\" a White House spokeswoman, Anna Kelly, said.", "We are done",
                        "Anna Kelly"),
                // an organization before the role word
                Arguments.of("Federal Reserve Chair Jerome Powell spoke. President Donald Trump attacked him. \"I "
                        + "intend to stay,\" the Fed chair told reporters.", "I intend", "Jerome Powell"),
                // a person after "alongside" is not the subject a role description falls back to
                Arguments.of("Mr. Netanyahu, speaking alongside Mr. Trump at the White House, said Israel would win. "
                        + "\"We will win,\" the Israeli leader said.", "We will win", "Netanyahu"),
                // a headline: a name and a colon
                Arguments.of("Schumer: Republicans 'own' the shutdown\n\nSenate Minority Leader Chuck Schumer blamed "
                        + "Republicans on Friday.", "own", "Chuck Schumer"),
                // "the statement said": the organization that issued it
                Arguments.of("The Justice Department issued a statement on Monday. \"The department will not "
                        + "tolerate threats,\" the statement said.", "The department", "Justice Department"),
                // court and city titles: "the judge", "Vice Mayor" + a surname that is also a place
                Arguments.of(COURT_AND_CITY, "The defendants", "Amy Berman Jackson"),
                Arguments.of(COURT_AND_CITY, "Residents do not", "Kesha Hodge Washington"),
                // the pronoun takes the speaker of the previous sentence ("the president said"), not its object
                Arguments.of("President Donald Trump spoke on Thursday. Fed Chair Jerome Powell stayed home. Asked "
                        + "whether he would try to fire Powell, the president said he had no plans to do so. \"I don't "
                        + "have to,\" he said.", "I don't have to", "Donald Trump"));
    }

    private static final String COURT_AND_CITY = "U.S. District Judge Amy Berman Jackson ruled on Tuesday. \"The "
            + "defendants cannot do this,\" the judge wrote. Vice Mayor Kesha Hodge Washington voted no. \"Residents "
            + "do not care,\" she said.";

    /** Shapes of a cue and its speaker read from the words around the quote: {text, start of the quote, speaker}. */
    static Stream<Arguments> cueShapes() {
        return Stream.of(
                // a possessive before the speaker's role and name is not the speaker
                Arguments.of("\"He invited both of us to his house today,\" the Post's senior politics editor Steven "
                        + "Ginsberg responded.", "He invited", "Steven Ginsberg"),
                // an unknown name opening the sentence of "went on to say" is a person
                Arguments.of("The letter was long.\n\nBryne went on to say, “From the bottom of my soul, I know this "
                        + "to be true.”", "From the bottom", "Bryne"),
                // a party word two words before a name gives the party "the Republican …" looks for
                Arguments.of("Republican presidential candidate Donald Trump spoke about mosques on Thursday. New York "
                        + "Mayor Bill de Blasio disagreed with him.\n\n\"We ought to start surveillance up again,\" the "
                        + "Republican presidential candidate said.", "We ought to", "Donald Trump"),
                // "according to" an unnamed source before a quotation: the phrase up to the comma
                Arguments.of("The debate went on.\n\nAccording to the newspaper, “America’s porous gun laws empower "
                        + "dealers to sell weapons.”", "America’s porous", "the newspaper"),
                // a colon closing the paragraph before: the main clause's subject, not the opening clause's
                Arguments.of("Wallace was governor of Alabama.\n\nWhen George Wallace died in 1998, President Bill "
                        + "Clinton released the following statement:\n\n“Hillary and I offer our condolences.”",
                        "Hillary and I", "Bill Clinton"),
                // a phrase opening the sentence before its subject names no speaker: the subject after its comma
                Arguments.of("Senator Maria Hale spoke on Monday. In a Reuters interview on Monday, Hale said the "
                        + "count could be \"messy,\" adding, \"Democracy is messy.\"", "Democracy is", "Maria Hale"),
                Arguments.of("Governor Tom Reese campaigned in the snow. Speaking to WMUR's Morning Show on Monday, "
                        + "Reese described the rival plan as a \"work in progress.\"", "work in progress", "Tom Reese"),
                // an apposition of the quote's words before the name and the verb: the person named at the verb
                Arguments.of("Activist Brent Bozell led the group for years.\n\n\"It is like the 1960s all over again,\" "
                        + "the dawn of the modern movement, Bozell says.", "It is like", "Brent Bozell"),
                // a participle going on from an interjected cue takes that cue's subject, not the sentence's first name
                Arguments.of("Press secretary Sean Spicer spoke on Thursday. Paul Ryan and Donald Trump will meet next "
                        + "week, Spicer said, adding, \"They need to sit down and talk.\"", "They need", "Sean Spicer"),
                // a partial quote in a coordinated clause that a name opens: that clause's subject
                Arguments.of("If you doubt the agency, the Daily Planet will call you a liar and Metro News will "
                        + "accuse you of a \"freak out.\"", "freak out", "Metro News"),
                // a participle after the sentence's opening phrase, no name in it: that phrase speaks
                Arguments.of("The conservative magazine has been outspoken in its opposition to Donald Trump, arguing he is \"an "
                        + "unmoored opportunist.\"", "an unmoored", "The conservative magazine"),
                // "went on" closing the cue is a cue; "goes on to say" takes the phrase before its verb group
                Arguments.of("Senator Dana Wills spoke for an hour.\n\n\"It would end the plans we know,\" she went on.",
                        "It would end", "Dana Wills"),
                Arguments.of("The campaign emailed supporters on Monday.\n\nThe email goes on to say: \"We must be ready "
                        + "to stop him.\"", "We must be", "The email"),
                // verbs of speech that news writers use less often: surmised, confessed, wondered
                Arguments.of("Brad Olsen, 39, came with his daughter.\n\n\"People are afraid of wasting their votes,\" "
                        + "he surmised.", "People are afraid", "Brad Olsen"),
                Arguments.of("\"Will he be the next attorney general?\" wondered Dana Pryce, a Democratic staffer.",
                        "Will he be", "Dana Pryce"),
                Arguments.of("If you don't believe your federal government, the Washington Post will brand you a "
                        + "liar and NBC News will accuse you of engaging in a \"freak out.\"", "freak out", "NBC News"));
    }

    @ParameterizedTest
    @MethodSource("cueShapes")
    void cueShapeSpeaker(String text, String quoteStart, String expected) {
        assertThat(speaker(extract(text), quoteStart)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("describedSpeakers")
    void describedSpeakerResolved(String text, String quoteStart, String expected) {
        assertThat(speaker(extract(text), quoteStart)).isEqualTo(expected);
    }

    @Test
    void partialQuoteInsideReportedSpeechTakesTheReportingClausesSubject() {
        Extraction x = extract("Rep. Dana Whitfield said the governor called the budget \"a house of cards.\"");
        assertThat(speaker(x, "a house of cards")).isEqualTo("Dana Whitfield");
    }

    @Test
    void relativePronounBeforeAnAuxiliaryAndAnAdverbialIsTheMention() {
        Extraction x = extract("Radio host Glenn Beck spoke in Indiana. Beck, who has in the past described the senator "
                + "as \"a reckless gambler,\" made no endorsement.");
        Speaker s = quote(x, "a reckless gambler").speaker();
        assertThat(s.name()).isEqualTo("Glenn Beck");
        assertThat(s.mention().text()).isEqualTo("who");
    }

    @Test
    void aJointSubjectOfNamesIsNoCoordinatedClause() {
        Extraction x = extract("Vladimir Putin and Donald Trump had a \"lengthy and highly productive phone call\" on "
                + "Wednesday.");
        assertThat(speaker(x, "lengthy and")).isEqualTo("Vladimir Putin");
    }

    @Test
    void aPronounOpeningACoordinatedClauseIsTheMentionOfItsOwnCue() {
        String text = "Senator Ben Ortiz spoke in Denver. He pledged to fix the tax code and he, once again, pledged a "
                + "\"political revolution.\"";
        Speaker s = quote(extract(text), "political revolution").speaker();
        assertThat(s.name()).isEqualTo("Ben Ortiz");
        assertThat(s.mention().start()).isEqualTo(text.indexOf("he, once"));
    }

    @Test
    void aPhrasalCueWhoseParticleBeginsAPhraseIsNoCue() {
        Extraction x = extract("Sen. Marco Rubio said that once the Senate goes on recess, \"I intend to help wherever "
                + "I can.\"");
        assertThat(quote(x, "I intend").cue().text()).isEqualTo("said");
        assertThat(speaker(x, "I intend")).isEqualTo("Marco Rubio");
    }

    @Test
    void theObjectOfCallingIsNotTheSpeaker() {
        Extraction x = extract("Mayor Ruth Oyelaran spoke at noon. Later, she described Governor Sam Pike as \"out of touch.\"");
        assertThat(speaker(x, "out of touch")).isEqualTo("Ruth Oyelaran");
    }

    @Test
    void relativePronounIsTheMentionOfTheSpeaker() {
        Extraction x = extract("The plan drew a rebuke from Senator Ada Collins, who called it \"a reckless gamble.\"");
        Speaker s = quote(x, "a reckless gamble").speaker();
        assertThat(s.name()).isEqualTo("Ada Collins");
        assertThat(s.mention().text()).isEqualTo("who");
    }

    @Test
    void reportingClauseClosingTheSentenceAfterAPartialQuote() {
        Extraction x = extract("The money will give candidates the \"ground game\" they need in the fall, party spokesman Eli Navarro said.");
        assertThat(speaker(x, "ground game")).isEqualTo("Eli Navarro");
    }

    @Test
    void aContinuedQuoteIsAPartOfTheQuotationThatNamedItsSpeaker() {
        String text = "\"We will appeal,\" said Dana Whitfield, the group's lawyer. The court did not comment. "
                + "\"The ruling cannot stand.\"\n";
        Extraction x = extract(text);
        assertThat(x.quotes()).hasSize(1);
        Speaker s = quote(x, "We will appeal").speaker();
        assertThat(quote(x, "We will appeal").parts()).extracting(Span::text)
                .containsExactly("We will appeal,", "The ruling cannot stand.");
        assertThat(s.name()).isEqualTo("Dana Whitfield");
        assertThat(s.resolution()).isEqualTo(Speaker.Resolution.NAME);
        assertThat(s.mention().text()).isEqualTo("Dana Whitfield");
    }

    @Test
    void aTitleInsideTheAttributionIsNotAPieceOfTheQuotation() {
        Extraction x = extract("\"We are not there yet,\" Governor Ana Ruiz said on NBC's \"Meet the Press\" on Sunday. "
                + "\"But we are close.\"");
        assertThat(texts(x)).containsExactly("We are not there yet, But we are close.", "Meet the Press");
        assertThat(speaker(x, "We are not")).isEqualTo("Ana Ruiz");
    }

    @Test
    void communicativeVerbsAttributeAQuotedPhrase() {
        Extraction x = extract("Senator Ada Collins likened the rules to \"a rigged game.\" "
                + "The sign outside read \"Closed for good.\"");
        assertThat(speaker(x, "a rigged game")).isEqualTo("Ada Collins");
        assertThat(speaker(x, "Closed for good")).isEqualTo("The sign outside");
    }

    @Test
    void theAddresseeOfToldIsNotTheSpeaker() {
        Extraction x = extract("\"Positions will soften,\" Representative Lee Grant's chief of staff, Joe Kasper, "
                + "told Politico before the vote.");
        assertThat(speaker(x, "Positions will")).isNotEqualTo("Politico");
    }

    @Test
    void aVerbFormAfterADeterminerIsANoun() {
        Extraction x = extract("Gowdy's office assured voters that all of the claims in the suit are false and that "
                + "the office will be \"fully cleared.\"");
        assertThat(quote(x, "fully cleared").speaker().mention().text()).isNotEqualTo("all of the");
    }

    @Test
    void anAdverbAfterTheVerbIsNoSpeaker() {
        Extraction x = extract("\"We had better conventions,\" delegate Bill Eastman, wearing a \"Cruz\" pin, said quietly.");
        assertThat(speaker(x, "We had better")).isEqualTo("Bill Eastman");
    }

    @Test
    void aBaseFormAfterToIsACue() {
        Extraction x = extract("Governor Ana Ruiz went on to say, \"Nobody here will be left behind.\"");
        assertThat(speaker(x, "Nobody here")).isEqualTo("Ana Ruiz");
    }

    @Test
    void aLongAppositionBeforeTheVerb() {
        Extraction x = extract("\"We will take this to court,\" Mayor Ruth Oyelaran, the city's first mayor elected "
                + "without a party and the chair of the regional transit board since last spring, said on Friday.");
        assertThat(speaker(x, "We will take")).isEqualTo("Ruth Oyelaran");
    }

    @Test
    void aReportingClauseWithAnAppositionClosesTheSentence() {
        Extraction x = extract("\"It can be done, but it seems unlikely\" that the bill passes, said Tom Elwood, "
                + "a former aide to the governor.");
        assertThat(speaker(x, "It can be done")).isEqualTo("Tom Elwood");
    }

    @Test
    void aQuotationAfterASentenceThatReportsSpeech() {
        Extraction x = extract("Nadia Petrov recalled her first night in the city. \"I did not sleep at all.\"");
        assertThat(speaker(x, "I did not sleep")).isEqualTo("Nadia Petrov");
    }

    @Test
    void anUnnamedSubjectBeforeTheVerbIsNotTheNameAfterIt() {
        Extraction x = extract("One intelligence source said FBI agents would be \"furious\" if nothing happened.");
        assertThat(speaker(x, "furious")).isEqualTo("One intelligence source");
    }

    @Test
    void aMediumInAPrepositionalPhraseIsNotTheSpeaker() {
        Extraction x = extract("Another source speaking to Fox News said, \"The agents are not done yet.\"");
        assertThat(speaker(x, "The agents")).isEqualTo("Another source");
    }

    @Test
    void aWordOfACapitalisedNameIsNoVerb() {
        Extraction x = extract("Senator Ada Collins said the United States had been \"left behind.\"");
        assertThat(speaker(x, "left behind")).isEqualTo("Ada Collins");
    }

    @Test
    void theOuterReportingClauseReachesPastATitle() {
        Extraction x = extract("In an interview on CBS's \"Face the Nation,\" Speaker Mike Johnson said the protests "
                + "demand \"more listening.\"");
        assertThat(speaker(x, "more listening")).isEqualTo("Mike Johnson");
    }

    @Test
    void aQuotedFragmentWithoutACueIsTheSentenceSubjectsWithLowConfidence() {
        Extraction x = extract("Senator Ada Collins pinned the delay on the \"fog of war.\"");
        Quote q = quote(x, "fog of war");
        assertThat(q.speaker().name()).isEqualTo("Ada Collins");
        assertThat(q.cue()).isNull();
        assertThat(q.confidence()).isLessThan(0.5);
    }

    @Test
    void aPluralSubjectsPresentTenseIsACue() {
        Extraction x = extract("Police say they have \"enough officers\" for the game.");
        assertThat(speaker(x, "enough officers")).isEqualTo("Police");
    }

    @Test
    void theBaseFormAfterOfIsANoun() {
        Extraction x = extract("Senator Ada Collins met the secretary of state \"at length\" on Monday.");
        assertThat(quote(x, "at length").cue()).isNull();
    }

    @Test
    void aSentenceOpeningPhraseBeforeAnAuxiliaryHasTheQuotedFragment() {
        Extraction x = extract("The charity is seeking \"bold ideas\" for housing.");
        Speaker s = quote(x, "bold ideas").speaker();
        assertThat(s.name()).isEqualTo("The charity");
        assertThat(s.resolution()).isEqualTo(Speaker.Resolution.UNNAMED);
    }

    @Test
    void aQuotationOpeningAParagraphAfterReportedSpeechInThePreviousOne() {
        Extraction x = extract("Mayor Ruth Oyelaran said that critics had been predicting the plan's failure for years.\n\n"
                + "\"They were wrong then, and they are wrong now.\"\n");
        assertThat(speaker(x, "They were wrong")).isEqualTo("Ruth Oyelaran");
    }

    @Test
    void aQuotationAfterACommaInTheWritersSentenceIsTheSubjects() {
        Extraction x = extract("Governor Ana Ruiz shared her worry with donors in the city, \"I do not know what comes next.\"");
        assertThat(speaker(x, "I do not know")).isEqualTo("Ana Ruiz");
    }

    @Test
    void aSentenceAfterTheQuoteThatGoesOnToSayMoreIsNotItsCue() {
        Extraction x = extract("Dana Frey is the campaign spokeswoman.\n\n\"I disagree with the "
                + "claim,\" she said. \"We feel good about the areas we visit.\" She noted a planned rally on Saturday.");
        assertThat(texts(x)).containsExactly("I disagree with the claim, We feel good about the areas we visit.");
        assertThat(speaker(x, "I disagree")).isEqualTo("Dana Frey");
    }

    @Test
    void aSentenceAfterTheQuoteThatIsOnlyItsReportingClauseIsItsCue() {
        Extraction x = extract("Dana Frey ran the campaign.\n\n\"What can we do to help?\" Frey told reporters during "
                + "the call.");
        assertThat(speaker(x, "What can we")).isEqualTo("Dana Frey");
    }

    @Test
    void aContinuationAfterALongCueSentence() {
        Extraction x = extract("\"We will win,\" Senator Ada Collins told reporters at the Capitol on Tuesday when asked "
                + "about the vote count in the chamber.\n\n\"Nobody should doubt it.\"\n");
        assertThat(texts(x)).containsExactly("We will win, Nobody should doubt it.");
        assertThat(speaker(x, "We will win")).isEqualTo("Ada Collins");
    }

    @Test
    void aSpeechNounCreditsTheQuotedFragmentToItsPossessor() {
        Extraction x = extract("Governor Ellen Marsh toured the plant. Workers cheered her promise to be \"a friend of "
                + "labor\" in the capital. Senator Paul Grant is running again. The audit examined Grant's claim that the "
                + "budget was \"perfectly balanced\" last year.");
        assertThat(speaker(x, "a friend of labor")).isEqualTo("Ellen Marsh");
        assertThat(quote(x, "a friend of labor").speaker().mention().text()).isEqualTo("her");
        assertThat(speaker(x, "perfectly balanced")).isEqualTo("Paul Grant");
        // the noun as the subject of the quoted words, or someone else's characterisation of them: not the owner's
        Extraction y = extract("Senator Paul Grant is running again. The mayor released a statement saying Grant's "
                + "remarks \"are simply untrue.\" His aides dismissed Grant's comments as \"a joke.\"");
        assertThat(speaker(y, "are simply untrue")).isNotEqualTo("Paul Grant");
        assertThat(speaker(y, "a joke")).isNotEqualTo("Paul Grant");
    }

    @Test
    void protestedAndBraggedAreSpeechVerbs() {
        Extraction x = extract("Mayor Luis Ortega met the council. Senator Paul Grant protested that the new rules were "
                + "\"unfair\" to small parties.");
        assertThat(speaker(x, "unfair")).isEqualTo("Paul Grant");
        assertThat(quote(x, "unfair").cue().text()).isEqualTo("protested");
        assertThat(extract("The closures could kindle worker protests like those of 2002.").quotes()).isEmpty();
    }

    @Test
    void aParticipleAfterAStatementTakesTheIssuer() {
        Extraction x = extract("The county clerk's office released a statement Tuesday saying the count was "
                + "\"accurate and complete.\" Shortly after the vote ended, the Grant campaign quickly sent a text "
                + "message to supporters saying: \"We did it!\"");
        assertThat(speaker(x, "accurate and complete")).isEqualTo("The county clerk's office");
        assertThat(speaker(x, "We did it")).isEqualTo("the Grant campaign");
    }

    @Test
    void aRelativeClauseOfTheSameSpeakerKeepsItsOwnCueInsideReportedSpeech() {
        // "which he called": the fragment is his, and the cue attaches to "he", not to the reporting clause's name
        String text = "Senator Ben Ortiz said he backs a bill to curb the licensing boards, which he called \"a cartel "
                + "for insiders.\" Mayor Ruth Oyelaran said the council, whom she described as \"tireless,\" would vote.";
        Extraction x = extract(text);
        Speaker s = quote(x, "a cartel").speaker();
        assertThat(s.name()).isEqualTo("Ben Ortiz");
        assertThat(s.mention().start()).isEqualTo(text.indexOf("he called"));
        assertThat(quote(x, "tireless").speaker().mention().start()).isEqualTo(text.indexOf("she described"));
        // another speaker in the relative clause: the reporting clause still speaks
        assertThat(speaker(extract("Rep. Dana Whitfield said the governor, who called the budget \"a house of cards,\" "
                + "had lost the room."), "a house of cards")).isEqualTo("Dana Whitfield");
    }

    @Test
    void nowBetweenSubjectAndVerbIsSkipped() {
        String text = "Rep. Thomas Carver backed another candidate in the spring, but now says the nominee has \"the duty "
                + "to unite us.\"";
        Speaker s = quote(extract(text), "the duty").speaker();
        assertThat(s.name()).isEqualTo("Thomas Carver");
    }

    @Test
    void spokesmanAndChairmanDoNotMakeAPersonMale() {
        // news style writes "spokesman" and "chairman" for women too: "she" still finds her
        Extraction x = extract("Campaign spokesman Kelly Brandt confirmed the date of the rally. \"We are not affiliated "
                + "with the group,\" she said.");
        assertThat(speaker(x, "We are not affiliated")).isEqualTo("Kelly Brandt");
    }

    @Test
    void whoAfterAnAppositionOrADashRefersToTheNameBeforeIt() {
        String text = "\"The money sets the terms,\" said Rosa Delgado, the group's chief strategist, who added that her "
                + "team will focus on \"kitchen-table issues.\"";
        Speaker s = quote(extract(text), "kitchen-table").speaker();
        assertThat(s.name()).isEqualTo("Rosa Delgado");
        assertThat(s.mention().text()).isEqualTo("who");
        String dashed = "Senate candidate Paul Grant - who once said he would \"shut it all down\" - said on Friday that "
                + "he would compromise.";
        Speaker d = quote(extract(dashed), "shut it all").speaker();
        assertThat(d.name()).isEqualTo("Paul Grant");
        assertThat(d.mention().start()).isEqualTo(dashed.indexOf("who"));
    }

    @Test
    void andSaidGoesOnFromTheSubjectOfItsOwnClause() {
        String text = "Retired Colonel Ray Dunn started the argument when he brought up the bombing and later said, "
                + "\"It is not just one group.\"";
        Speaker s = quote(extract(text), "It is not just").speaker();
        assertThat(s.name()).isEqualTo("Ray Dunn");
        assertThat(s.mention().start()).isEqualTo(text.indexOf("he brought"));
        Extraction x = extract("Gov. Paul Grant called Senator Ada Collins a \"disgrace\" after she attacked the police "
                + "and blamed the shootings on \"hidden bias.\"");
        assertThat(speaker(x, "hidden bias")).isEqualTo("Ada Collins");
    }

    @Test
    void aRelativeClauseBetweenTheSpeakerPhraseAndItsVerbIsPassedOver() {
        Extraction x = extract("There was no sign of a deal. A senior campaign aide who spoke on condition of anonymity "
                + "said Friday, \"The talks will go on.\"");
        assertThat(quote(x, "The talks").speaker().mention().text()).isEqualTo("A senior campaign aide");
    }
}
