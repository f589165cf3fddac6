package io.quotewire.extraction;

import org.junit.jupiter.api.Test;

import static io.quotewire.extraction.Fixtures.entity;
import static io.quotewire.extraction.Fixtures.extract;
import static io.quotewire.extraction.Fixtures.names;
import static org.assertj.core.api.Assertions.assertThat;

class EntitiesTest {

    @Test
    void onePersonWithAllForms() {
        Extraction x = extract("Ukrainian President Volodymyr Zelensky met Trump. Zelenskyy said Mr. Trump listened. "
                + "Later Zelensky's aides said Zelenskiy was pleased with President Donald J. Trump.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Volodymyr Zelensky", "Donald J. Trump");
        Entity z = entity(x, "Volodymyr Zelensky").orElseThrow();
        assertThat(z.aliases()).contains("Zelenskyy", "Zelensky", "Zelenskiy");
        assertThat(z.titles()).contains("Ukrainian President");
        assertThat(z.mentions()).hasSize(4);
        assertThat(entity(x, "Donald J. Trump").orElseThrow().aliases()).contains("Trump");
    }

    @Test
    void aPluralNounOpeningTheSentenceIsNoPartOfTheNameAfterIt() {
        Extraction x = extract("Brothers Ethan Coen and Joel Coen released a film. Ethan Coen said it was fun.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Ethan Coen", "Joel Coen");
        assertThat(entity(x, "Ethan Coen").orElseThrow().mentions()).hasSize(2);
    }

    @Test
    void headlineWordsTheArticleWritesInLowerCaseAreNoNames() {
        Extraction x = extract("Trump Will Win Nevada, Poll Says\n\nSusan Rice Says Rice Exports Will Grow\n\n"
                + "Donald Trump said he will win the state, and a poll agreed. Susan Rice said rice exports will grow.");
        assertThat(names(x, EntityType.PERSON)).containsExactlyInAnyOrder("Donald Trump", "Susan Rice");
        Extraction y = extract("Why Bernie Sanders Could Backfire On Those Who Endorsed Ted Cruz\n\n"
                + "Bernie Sanders could backfire on those who endorsed Ted Cruz, why not.");
        assertThat(names(y, EntityType.PERSON)).containsExactlyInAnyOrder("Bernie Sanders", "Ted Cruz");
    }

    @Test
    void aSuffixIsPartOfTheNameSoFatherAndSonStayApart() {
        Extraction x = extract("Donald Trump Jr. defended his father, Donald Trump. Trump Jr. said the press was unfair. "
                + "Trump said nothing.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Donald Trump Jr.", "Donald Trump");
        assertThat(entity(x, "Donald Trump Jr.").orElseThrow().aliases()).containsExactly("Trump Jr.");
        assertThat(entity(x, "Donald Trump").orElseThrow().aliases()).containsExactly("Trump");
    }

    @Test
    void rolesOfSportCultureAndScienceBeforeUnknownFirstNamesMakePeople() {
        Extraction x = extract("Liverpool manager Jurgen Klopp was happy. Striker Mohamed Salah scored twice, and "
                + "epidemiologist Maria Van Kerkhove warned of a new wave.");
        assertThat(names(x, EntityType.PERSON)).contains("Jurgen Klopp", "Mohamed Salah", "Maria Van Kerkhove");
    }

    @Test
    void anAgeOrAPersonPredicateAfterAnUnknownFullNameMakesAPerson() {
        Extraction x = extract("Ole Gunnar Solskjaer was sacked on Sunday. Zoltan Brandtner, 48, lost his seat. "
                + "Ottoman Turks killed many. Apple was fined.");
        assertThat(names(x, EntityType.PERSON)).containsExactlyInAnyOrder("Ole Gunnar Solskjaer", "Zoltan Brandtner");
    }

    @Test
    void anOccupationCapitalisedInsideASentenceIsAWordOfAName() {
        Extraction x = extract("Congress passed the Every Student Succeeds Act, and he signed an Executive Order Monday.");
        assertThat(names(x, EntityType.PERSON)).isEmpty();
    }

    @Test
    void aLoneFirstNameThatSpeaksIsAPersonWhenNoFullNameHasIt() {
        Extraction x = extract("The crowd cheered.\n\n“I would,” Melanie said to the TV. Bob said he took only one "
                + "call that evening. Bernie Sanders spoke later, and Bernie said he was tired.");
        assertThat(names(x, EntityType.PERSON)).containsExactlyInAnyOrder("Melanie", "Bob", "Bernie Sanders");
    }

    @Test
    void placeVariantsAreOnePlace() {
        Extraction x = extract("Missiles hit Kyiv overnight. Residents of Kiev took shelter, officials in the U.S. and "
                + "the United States Senate said.");
        assertThat(names(x, EntityType.LOCATION)).contains("Kyiv");
        assertThat(entity(x, "Kyiv").orElseThrow().aliases()).containsExactly("Kiev");
    }

    @Test
    void demonymsAreNotPlaces() {
        Extraction x = extract("Russian troops advanced while Ukrainian drones struck an oil depot, Americans learned.");
        assertThat(names(x, EntityType.LOCATION)).isEmpty();
    }

    @Test
    void daysMonthsAndSentenceStartsAreNotNames() {
        Extraction x = extract("Meanwhile, on Tuesday in January, Congress met. Television crews waited outside; "
                + "television ratings fell.");
        assertThat(names(x, EntityType.PERSON)).isEmpty();
        assertThat(names(x, EntityType.ORGANIZATION)).containsExactly("Congress");
    }

    @Test
    void photoCreditLinesAreNotPeople() {
        Extraction x = extract("Senator Tim Scott speaks in Charleston.\nSam Doe/Reuters\n\nScott said little.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Tim Scott");
    }

    @Test
    void titlesAndRolesPerPerson() {
        Extraction x = extract("Defense Secretary Pete Hegseth and Secretary of State Marco Rubio met spokesperson "
                + "Dmitry Peskov.");
        assertThat(entity(x, "Pete Hegseth").orElseThrow().titles()).containsExactly("Defense Secretary");
        assertThat(entity(x, "Marco Rubio").orElseThrow().titles()).containsExactly("Secretary of State");
        assertThat(entity(x, "Dmitry Peskov").orElseThrow().titles()).containsExactly("spokesperson");
    }

    @Test
    void organizationsByGazetteerAndSuffix() {
        Extraction x = extract("The Arms Control Association and NATO criticized the plan, The New York Times reported.");
        assertThat(names(x, EntityType.ORGANIZATION)).contains("Arms Control Association", "NATO", "New York Times");
    }

    @Test
    void gluedNameIsSplit() {
        Extraction x = extract("Danish Prime Minister Mette Frederiksenadmitted on Tuesday that polls had shifted.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Mette Frederiksen");
    }

    @Test
    void hyphenatedNamesAndCompounds() {
        Extraction x = extract("The Kremlin-White House call covered US-Iran talks, Ahmed al-Sharaa said.");
        assertThat(names(x, EntityType.ORGANIZATION)).contains("Kremlin", "White House");
        assertThat(names(x, EntityType.LOCATION)).contains("US", "Iran");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Ahmed al-Sharaa");
    }

    @Test
    void loneFirstNameJoinsTheKnownPerson() {
        Extraction x = extract("Vladimir Putin did not answer. Trump wrote: \"Vladimir, stop!\"");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Vladimir Putin", "Trump");
    }

    @Test
    void rolesFromAppositions() {
        Extraction x = extract("\"Rates will fall,\" said Mark Zandi, chief economist at Moody's Analytics. "
                + "Her top adviser, Jake Sullivan, disagreed.");
        assertThat(entity(x, "Mark Zandi").orElseThrow().titles()).containsExactly("chief economist");
        assertThat(entity(x, "Jake Sullivan").orElseThrow().titles()).containsExactly("top adviser");
    }

    @Test
    void suffixesDoNotHideTheSurname() {
        Extraction x = extract("Robert F. Kennedy Jr. spoke first. Later Kennedy left.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Robert F. Kennedy Jr.");
        assertThat(entity(x, "Robert F. Kennedy Jr.").orElseThrow().aliases()).containsExactly("Kennedy");
    }

    @Test
    void organizationNamesWithOf() {
        Extraction x = extract("Staff at the Department of Government Efficiency met the University of Michigan board.");
        assertThat(names(x, EntityType.ORGANIZATION))
                .containsExactly("Department of Government Efficiency", "University of Michigan");
    }

    @Test
    void commonPluralsAtSentenceStartAreNotPeople() {
        Extraction x = extract("Officials said the vote would be close. Critics say the plan is flawed.");
        assertThat(names(x, EntityType.PERSON)).isEmpty();
    }

    @Test
    void bylinesAreNotArticlePeople() {
        Extraction x = extract("By Jane Roe and John Doe, CNN\n\nSenator Tina Smith voted no.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Tina Smith");
    }

    @Test
    void unknownFullNameConfirmedByItsSurnameAlone() {
        Extraction x = extract("Taras Kovalenko lost his barn in the storm. Later that night Kovalenko slept in his car. "
                + "The Oval Workplace and the Workplace were closed.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Taras Kovalenko");
    }

    @Test
    void townFollowedByItsStateOrCountry() {
        Extraction x = extract("Protesters gathered in Bedminster, New Jersey, and in Duesseldorf, Germany.");
        assertThat(names(x, EntityType.LOCATION)).containsExactly("Bedminster", "New Jersey", "Duesseldorf", "Germany");
    }

    @Test
    void nameAloneOnItsLineIsACredit() {
        Extraction x = extract("Protesters marched past the Capitol on Sunday.\nJess Frampton\n\nSenator Tina Smith spoke.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Tina Smith");
    }

    @Test
    void regnalTitleJoinsASingleName() {
        Extraction x = extract("Pope Leo met President Trump at the Vatican. Leo said little.");
        assertThat(names(x, EntityType.PERSON)).contains("Pope Leo");
    }

    @Test
    void geographicLastWordsMakePlaces() {
        Extraction x = extract("Voters in Virginia Beach and Orange County lined up early.");
        assertThat(names(x, EntityType.LOCATION)).containsExactly("Virginia Beach", "Orange County");
        assertThat(names(x, EntityType.PERSON)).isEmpty();
    }

    @Test
    void aFirstNameBeforeAGeographicWordIsAPerson() {
        Extraction x = extract("Her predecessor, William Beach, called the firing \"groundless.\" Voters in Virginia Beach "
                + "and Palm Beach agreed.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("William Beach");
        assertThat(names(x, EntityType.LOCATION)).containsExactly("Virginia Beach", "Palm Beach");
        assertThat(Fixtures.speaker(x, "groundless")).isEqualTo("William Beach");
    }

    @Test
    void rolesWithTheirOfPhrasePossessorsAndNoHonorifics() {
        Extraction x = extract("\"The market is nervous,\" said Helima Croft, head of global commodity strategy at RBC. "
                + "Venezuela's foreign minister, Yván Gil, disagreed. Mr. Gil spoke to Representative Jared Golden of "
                + "Maine. \"Fine,\" Mr. Golden said.");
        assertThat(entity(x, "Helima Croft").orElseThrow().titles()).containsExactly("head of global commodity strategy");
        assertThat(entity(x, "Yván Gil").orElseThrow().titles()).containsExactly("Venezuela's foreign minister");
        assertThat(entity(x, "Jared Golden").orElseThrow().titles()).containsExactly("Representative");
    }

    @Test
    void relativesWhoShareASurnameStayTwoPeople() {
        Extraction x = extract("Zeke Harlow runs the mill outside town. His wife, Ondine Harlow, keeps the books. "
                + "\"We work hard,\" Harlow said.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Zeke Harlow", "Ondine Harlow");
        // a lone surname goes to the person with that surname mentioned last
        assertThat(entity(x, "Ondine Harlow").orElseThrow().aliases()).containsExactly("Harlow");
        assertThat(entity(x, "Zeke Harlow").orElseThrow().aliases()).isEmpty();
    }

    @Test
    void aLoneSurnameAfterASpouseGoesToTheSpouse() {
        Extraction x = extract("Gov. Ray Dunmore and his wife, Leona Dunmore, voted early. Dunmore told reporters "
                + "the lines were short.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Ray Dunmore", "Leona Dunmore");
        assertThat(entity(x, "Leona Dunmore").orElseThrow().mentions()).hasSize(2);
        assertThat(entity(x, "Ray Dunmore").orElseThrow().titles()).containsExactly("Gov.");
    }

    @Test
    void brothersWithTheSameSurnameStayApart() {
        Extraction x = extract("Rep. Alan Voss said the bill failed. His brother, Kurt Voss, a lawyer, disagreed. "
                + "Voss later left the hearing.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Alan Voss", "Kurt Voss");
        assertThat(entity(x, "Kurt Voss").orElseThrow().aliases()).containsExactly("Voss");
    }

    @Test
    void anOccupationBeforeANameIsATitleNotPartOfTheName() {
        Extraction x = extract("Billionaire John Kessler bought the team. Kessler said he was pleased. Actress Jane "
                + "Marlow arrived later, and the deal was praised by singer Ann Poe.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("John Kessler", "Jane Marlow", "Ann Poe");
        assertThat(entity(x, "John Kessler").orElseThrow().titles()).containsExactly("Billionaire");
        assertThat(entity(x, "Jane Marlow").orElseThrow().titles()).containsExactly("Actress");
        assertThat(entity(x, "Ann Poe").orElseThrow().titles()).containsExactly("singer");
    }

    @Test
    void anAgencyBeforeItsHeadsNameIsTheOrganizationAndThePerson() {
        Extraction x = extract("FBI Director Ann Ketter testified on Monday. Ketter said the inquiry continued. "
                + "Pentagon spokesman Joel Arden declined to comment.");
        assertThat(names(x, EntityType.ORGANIZATION)).contains("FBI", "Pentagon");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Ann Ketter", "Joel Arden");
        assertThat(entity(x, "Ann Ketter").orElseThrow().titles()).containsExactly("FBI Director");
        assertThat(entity(x, "Ann Ketter").orElseThrow().aliases()).containsExactly("Ketter");
    }

    @Test
    void headlineVerbsInTitleCaseAreNotNames() {
        Extraction x = extract("Senator Tells Voters To Wait\nSen. Jane Roe told voters on Monday to wait for the "
                + "count.\n\nMayor Says Budget Is Balanced\nMayor Lena Fischer presented the budget.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Jane Roe", "Lena Fischer");
    }

    @Test
    void twoNamesRunTogetherAreTwoPeople() {
        Extraction x = extract("The photo shows Karen Dolan Steven Marsh and their dog. Mary Ann Jackson took it.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Karen Dolan", "Steven Marsh", "Mary Ann Jackson");
    }

    @Test
    void aCapitalisedPrepositionOpeningASentenceIsNotPartOfAName() {
        Extraction x = extract("Sen. Walter Brandt voted no. Like Brandt, Nora Ellis opposed the bill. "
                + "Unlike Brandt, Ellis said she would keep talking. Despite Ellis, the vote went ahead.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Walter Brandt", "Nora Ellis");
        assertThat(entity(x, "Walter Brandt").orElseThrow().aliases()).containsExactly("Brandt");
    }

    @Test
    void anAuxiliaryOpeningAQuestionIsNotPartOfAName() {
        Extraction x = extract("The ad ran statewide, asking, \"Is Rebecca Bradley independent enough to serve?\" "
                + "\"Did Walter Brandt vote?\"");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Rebecca Bradley", "Walter Brandt");
    }

    @Test
    void aPartyAdjectiveAfterAPlaceIsNotASurname() {
        Extraction x = extract("Grace Tilman won the Nevada Democratic caucuses on Saturday. Turnout in the "
                + "Democratic contest was high, and the former Ohio Democratic chairman praised her.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Grace Tilman");
        assertThat(names(x, EntityType.LOCATION)).contains("Nevada", "Ohio");
    }

    @Test
    void aNewsOutletBeforeInterviewIsAnOrganizationNotAPerson() {
        Extraction x = extract("Mayor Lena Fischer spoke twice on Sunday. In a Fox interview later that day, "
                + "Fischer went further: \"We will not back down.\" She repeated it in an MSNBC interview.");
        assertThat(names(x, EntityType.PERSON)).containsExactly("Lena Fischer");
        assertThat(names(x, EntityType.ORGANIZATION)).contains("Fox");
        assertThat(x.quotes()).singleElement().satisfies(q -> assertThat(q.speaker().name()).isEqualTo("Lena Fischer"));
    }
}
