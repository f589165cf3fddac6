package io.quotewire.extraction;

import org.junit.jupiter.api.Test;

import static io.quotewire.extraction.Fixtures.extract;
import static org.assertj.core.api.Assertions.assertThat;

class IndirectSpeechTest {

    private static Quote onlyIndirect(Extraction x) {
        assertThat(x.quotes()).filteredOn(q -> q.type() == QuoteType.INDIRECT).hasSize(1);
        return x.quotes().stream().filter(q -> q.type() == QuoteType.INDIRECT).findFirst().orElseThrow();
    }

    @Test
    void saidThat() {
        Quote q = onlyIndirect(extract("Senator Susan Collins said that she would vote against the nominee."));
        assertThat(q.text()).isEqualTo("she would vote against the nominee");
        assertThat(q.speaker().name()).isEqualTo("Susan Collins");
    }

    @Test
    void aReportEndsBeforeTheSpeakersNextActAfterCommaBut() {
        Extraction x = extract("Governor Brian Sandoval said Tuesday that he had voted for Mr. Rubio, but cautioned "
                + "against viewing that as an endorsement.");
        assertThat(x.quotes()).filteredOn(q -> q.type() == QuoteType.INDIRECT).first()
                .extracting(Quote::text).isEqualTo("he had voted for Mr. Rubio");
    }

    @Test
    void saysWithoutThat() {
        Quote q = onlyIndirect(extract("Governor Greg Abbott says the state will build more of the wall."));
        assertThat(q.text()).isEqualTo("the state will build more of the wall");
    }

    @Test
    void toldSomeoneThat() {
        Quote q = onlyIndirect(extract("Netanyahu told Trump that Israel would keep its troops in the south."));
        assertThat(q.text()).isEqualTo("Israel would keep its troops in the south");
        assertThat(q.speaker().name()).isEqualTo("Netanyahu");
    }

    @Test
    void toldAnOutletAClauseWithoutThat() {
        Quote q = onlyIndirect(extract("Ina Kirsch told the AP her group never worked with Manafort or Gates."));
        assertThat(q.text()).isEqualTo("her group never worked with Manafort or Gates");
        assertThat(q.speaker().name()).isEqualTo("Ina Kirsch");
    }

    @Test
    void aParticipleReportOfAnUnnamedSourceOpeningTheSentence() {
        Quote q = onlyIndirect(extract("Several Democrats cautioned against drawing lessons from the vote, saying mass "
                + "immigration was a bigger problem in Britain."));
        assertThat(q.text()).isEqualTo("mass immigration was a bigger problem in Britain");
        assertThat(q.speaker().name()).isEqualTo("Several Democrats");
    }

    @Test
    void aShareOfPeopleSpeaks() {
        Quote q = onlyIndirect(extract("About 53 percent of Republicans said they would vote for him again."));
        assertThat(q.text()).isEqualTo("they would vote for him again");
        assertThat(q.speaker().name()).isEqualTo("About 53 percent of Republicans");
    }

    @Test
    void aReportedQuestion() {
        Quote q = onlyIndirect(extract("Then Robert Rubin asked the students if they were always so serious."));
        assertThat(q.text()).isEqualTo("if they were always so serious");
        assertThat(q.speaker().name()).isEqualTo("Robert Rubin");
        Quote w = onlyIndirect(extract("Senator Tim Kaine questioned whether the plan would survive in court."));
        assertThat(w.text()).isEqualTo("whether the plan would survive in court");
        assertThat(extract("The remarks raised questions about whether the plan would survive in court.").quotes())
                .isEmpty();
    }

    @Test
    void asAnUnnamedSourceSaidTimeWordsAndAComma() {
        Quote q = onlyIndirect(extract("As officials said Monday, the bridge will stay closed for a week."));
        assertThat(q.text()).isEqualTo("the bridge will stay closed for a week");
        assertThat(q.speaker().name()).isEqualTo("officials");
        Quote s = onlyIndirect(extract("As the study noted, the average age of voters born in California was 18."));
        assertThat(s.speaker().name()).isEqualTo("the study");
    }

    @Test
    void timeWordsBetweenVerbAndClause() {
        Quote q = onlyIndirect(extract("Pete Hegseth said Thursday in Brussels that the alliance must spend more."));
        assertThat(q.text()).isEqualTo("the alliance must spend more");
    }

    @Test
    void pronounSpeakerResolved() {
        Extraction x = extract("Kamala Harris spoke in Atlanta on Monday. She said the election would be close.");
        assertThat(onlyIndirect(x).speaker().name()).isEqualTo("Kamala Harris");
    }

    @Test
    void clauseThenCue() {
        Quote q = onlyIndirect(extract("The talks will resume next week in Geneva, Dmitry Peskov said."));
        assertThat(q.text()).isEqualTo("The talks will resume next week in Geneva");
        assertThat(q.speaker().name()).isEqualTo("Dmitry Peskov");
    }

    @Test
    void sentenceWithQuoteMarksIsNotIndirect() {
        Extraction x = extract("Chuck Schumer said the plan was \"a disaster\" for families.");
        assertThat(x.quotes()).extracting(Quote::type).containsExactly(QuoteType.PARTIAL);
    }

    @Test
    void unnamedSourceIsReportedAsWritten() {
        Quote q = onlyIndirect(extract("A person familiar with the talks told Reuters that a deal was close."));
        assertThat(q.text()).isEqualTo("a deal was close");
        assertThat(q.speaker().name()).isEqualTo("A person familiar with the talks");
        assertThat(q.speaker().entityId()).isNull();
        assertThat(q.speaker().resolution()).isEqualTo(Speaker.Resolution.UNNAMED);
    }

    @Test
    void relativeClauseOfANamedSpeakerEndsAtItsComma() {
        Quote q = onlyIndirect(extract("Marta Ellison, who said the council had ignored her letters, spoke first at "
                + "the hearing."));
        assertThat(q.text()).isEqualTo("the council had ignored her letters");
        assertThat(q.speaker().name()).isEqualTo("Marta Ellison");
        assertThat(q.speaker().mention().text()).isEqualTo("who");
    }

    @Test
    void unnamedAntecedentOfWhoSays() {
        Quote q = onlyIndirect(extract("The ruling pleased farmers who say the new canal will dry out their fields."));
        assertThat(q.text()).isEqualTo("the new canal will dry out their fields");
        assertThat(q.speaker().name()).isEqualTo("farmers who");
        assertThat(q.speaker().resolution()).isEqualTo(Speaker.Resolution.UNNAMED);
    }

    @Test
    void shareWhoSaysIsAPluralSource() {
        Quote q = onlyIndirect(extract("Support rose to 48 percent, against 31 percent who say the tax should stay."));
        assertThat(q.text()).isEqualTo("the tax should stay");
        assertThat(q.speaker().name()).isEqualTo("31 percent who");
    }

    @Test
    void interjectedCueSplitsTheReportInTwoParts() {
        Quote q = onlyIndirect(extract("The new dam would protect the valley from floods, Governor Tom Reyes said, "
                + "and also store water for dry summers."));
        assertThat(q.text()).isEqualTo("The new dam would protect the valley from floods and also store water for dry "
                + "summers");
        assertThat(q.parts()).extracting(p -> p.text())
                .containsExactly("The new dam would protect the valley from floods", "and also store water for dry summers");
        assertThat(q.speaker().name()).isEqualTo("Tom Reyes");
    }

    @Test
    void reportInsideASubordinateClauseEndsWhereTheMainClauseBegins() {
        Quote q = onlyIndirect(extract("While Mayor Ana Brooks said the library would reopen by June, "
                + "Tom Ruiz, the contractor, has not yet ordered the steel."));
        assertThat(q.text()).isEqualTo("the library would reopen by June");
        assertThat(q.speaker().name()).isEqualTo("Ana Brooks");
    }

    @Test
    void reportStopsBeforeTheWritersNextClause() {
        Quote q = onlyIndirect(extract("Councilman Ray Dutton said the budget would pass easily, but he did not name "
                + "a single supporter."));
        assertThat(q.text()).isEqualTo("the budget would pass easily");
        Quote r = onlyIndirect(extract("Councilman Ray Dutton said the budget would pass easily, and when asked about "
                + "the shortfall, walked away."));
        assertThat(r.text()).isEqualTo("the budget would pass easily");
    }

    @Test
    void asXNotedOpensAReport() {
        Quote q = onlyIndirect(extract("As Treasurer Nina Kowalski noted, the county has not raised its fees since 2009."));
        assertThat(q.text()).isEqualTo("the county has not raised its fees since 2009");
        assertThat(q.speaker().name()).isEqualTo("Nina Kowalski");
    }

    @Test
    void participleAfterAPrepositionTakesTheSentenceSubject() {
        Quote q = onlyIndirect(extract("Sheriff Dale Morrow drew boos after saying that the jail would close in March."));
        assertThat(q.text()).isEqualTo("the jail would close in March");
        assertThat(q.speaker().name()).isEqualTo("Dale Morrow");
    }

    @Test
    void pluralUnnamedSource() {
        Quote q = onlyIndirect(extract("Federal officials said the bridge would stay closed until spring."));
        assertThat(q.text()).isEqualTo("the bridge would stay closed until spring");
        assertThat(q.speaker().name()).isEqualTo("Federal officials");
    }

    @Test
    void unnamedSourceClosingTheSentence() {
        Quote q = onlyIndirect(extract("The vote was delayed until after the holiday, two aides said."));
        assertThat(q.text()).isEqualTo("The vote was delayed until after the holiday");
        assertThat(q.speaker().name()).isEqualTo("two aides");
    }

    @Test
    void wordsThatDescribeNoSourceAreNotReported() {
        assertThat(extract("Some say the governor will not run again.").quotes()).isEmpty();
        assertThat(extract("Someone told the neighbors that the mill would close.").quotes()).isEmpty();
    }

    @Test
    void passiveReportHasNoSpeaker() {
        assertThat(extract("It was reported that the mill would close in March.").quotes()).isEmpty();
    }

    @Test
    void halfOfAJointSubjectIsNoSpeaker() {
        assertThat(extract("The mayor and several council members urged residents to stay home tonight.").quotes())
                .filteredOn(q -> q.speaker() != null && q.speaker().name().equals("several council members")).isEmpty();
    }

    @Test
    void nounClaimsAreNotSpeech() {
        Extraction x = extract("Putin repeated his baseless claims that the election was stolen from Trump.");
        assertThat(x.quotes()).isEmpty();
    }

    @Test
    void gluedNameAndVerb() {
        Quote q = onlyIndirect(extract("Vladimir Putinsays he is ready for talks with Washington."));
        assertThat(q.speaker().name()).isEqualTo("Vladimir Putin");
        assertThat(q.text()).isEqualTo("he is ready for talks with Washington");
    }

    @Test
    void clauseThenCueWithApposition() {
        Quote q = onlyIndirect(extract("Tariffs will hurt farmers in Iowa, said Chad Hart, an economist at Iowa State."));
        assertThat(q.speaker().name()).isEqualTo("Chad Hart");
        assertThat(q.text()).isEqualTo("Tariffs will hurt farmers in Iowa");
    }

    @Test
    void objectsAreNotReportedClauses() {
        Extraction x = extract("Senator Tim Scott wrote a book about his childhood in Charleston. "
                + "Scott announced a plan to cut taxes for families.");
        assertThat(x.quotes()).isEmpty();
    }

    @Test
    void shortClauseAndRelativeClauseGap() {
        Quote q = onlyIndirect(extract("Gwynne Wilcox said in a statement that she was disappointed."));
        assertThat(q.text()).isEqualTo("she was disappointed");
        assertThat(extract("It was a format Vladimir Putin suggested he would like.").quotes()).isEmpty();
    }

    @Test
    void frontedAdverbialIsNotAClause() {
        assertThat(extract("For its part, the Kremlin has responded to the threats coolly.").quotes()).isEmpty();
    }

    @Test
    void toldANamedPersonWithoutThat() {
        Quote q = onlyIndirect(extract("Benjamin Netanyahu told Donald Trump Israel would keep its troops in the south."));
        assertThat(q.text()).isEqualTo("Israel would keep its troops in the south");
        assertThat(extract("Senator Tim Scott told Reuters about his plans for next year.").quotes()).isEmpty();
    }

    @Test
    void nounPhraseThenAuxiliaryIsAClause() {
        Extraction x = extract("Sen. Amy Klobuchar spoke on CNN. She said soybean exports to China had fallen by half.");
        assertThat(onlyIndirect(x).text()).isEqualTo("soybean exports to China had fallen by half");
        Quote q = onlyIndirect(extract("In an interview with CNN, Agriculture Secretary Brooke Rollins said more aid was coming."));
        assertThat(q.text()).isEqualTo("more aid was coming");
        assertThat(q.speaker().name()).isEqualTo("Brooke Rollins");
        assertThat(extract("Senator Tim Scott said goodbye to friends who were leaving.").quotes()).isEmpty();
    }

    @Test
    void counteredThatAndAppositionAfterTheName() {
        Quote q = onlyIndirect(extract("Sen. Tom Cotton spoke next. He countered that farmers had received billions in aid."));
        assertThat(q.speaker().name()).isEqualTo("Tom Cotton");
        Quote s = onlyIndirect(extract("Senate Minority Leader Chuck Schumer, D-N.Y., said Democrats had won a promise of a vote."));
        assertThat(s.speaker().name()).isEqualTo("Chuck Schumer");
        assertThat(s.text()).isEqualTo("Democrats had won a promise of a vote");
    }

    @Test
    void accordingToAStatementFromAnOrganization() {
        Quote q = onlyIndirect(extract("According to a statement from the Treasury Department, any new measures would "
                + "include a wind-down period."));
        assertThat(q.speaker().name()).isEqualTo("Treasury Department");
    }

    @Test
    void accordingToAReportOfANamedBody() {
        Quote q = onlyIndirect(extract("Unemployment fell to four percent in March, according to a Labor Department report."));
        assertThat(q.text()).isEqualTo("Unemployment fell to four percent in March");
        assertThat(q.speaker().name()).isEqualTo("Labor Department");
        Quote r = onlyIndirect(extract("According to figures released by the Labor Department, wages rose faster than prices."));
        assertThat(r.text()).isEqualTo("wages rose faster than prices");
        assertThat(r.speaker().name()).isEqualTo("Labor Department");
    }

    @Test
    void anonymousSourceAfterAccordingToIsUnnamed() {
        Quote q = onlyIndirect(extract("The senator met the envoy on Monday, according to a State Department official "
                + "who spoke on condition of anonymity."));
        assertThat(q.text()).isEqualTo("The senator met the envoy on Monday");
        assertThat(q.speaker().resolution()).isEqualTo(Speaker.Resolution.UNNAMED);
        Quote p = onlyIndirect(extract("Turnout was higher than four years ago, according to exit polls."));
        assertThat(p.speaker().name()).isEqualTo("exit polls");
    }

    @Test
    void participleTakesTheSentenceSubject() {
        Quote q = onlyIndirect(extract("Governor Greg Abbott defended the plan on Tuesday, saying the wall would keep "
                + "the border safe."));
        assertThat(q.text()).isEqualTo("the wall would keep the border safe");
        assertThat(q.speaker().name()).isEqualTo("Greg Abbott");
        assertThat(q.cue().text()).isEqualTo("saying");
    }

    @Test
    void reportedClauseBeforeAQuotationInTheSameSentence() {
        Extraction x = extract("Senator Jane Roe said she would vote for the bill, adding, \"It is not perfect.\"");
        assertThat(onlyIndirect(x).text()).isEqualTo("she would vote for the bill");
        assertThat(x.quotes()).extracting(Quote::type).containsExactly(QuoteType.INDIRECT, QuoteType.DIRECT);
    }

    @Test
    void closingCueWithCircumstances() {
        Quote q = onlyIndirect(extract("The vote will come next week, Chuck Schumer said after a meeting with Senate Democrats."));
        assertThat(q.text()).isEqualTo("The vote will come next week");
        assertThat(q.speaker().name()).isEqualTo("Chuck Schumer");
    }

    @Test
    void closingCueThatIntroducesAQuotationIsNotReportedSpeech() {
        Extraction x = extract("Asked about the bill, Senator Jane Roe replied, \"No.\"");
        assertThat(x.quotes()).extracting(Quote::type).containsExactly(QuoteType.DIRECT);
    }

    @Test
    void objectsOfOtherVerbsAreNotClauses() {
        assertThat(extract("Senator Jane Roe maintained a busy schedule during the recess.").quotes()).isEmpty();
        assertThat(extract("Mayor Karen Bass mentioned the budget that the council passed in June.").quotes()).isEmpty();
        assertThat(extract("Senator Jane Roe told reporters after the meeting that was held on Monday.").quotes()).isEmpty();
        assertThat(extract("Senator Jane Roe gave a speech that aides described as her best.").quotes()).isEmpty();
        assertThat(extract("Nobody knows what Governor Greg Abbott says the wall will cost.").quotes()).isEmpty();
        Quote q = onlyIndirect(extract("Senator Jane Roe noted the budget office had changed its estimate."));
        assertThat(q.text()).isEqualTo("the budget office had changed its estimate");
    }

    @Test
    void campaignAidesAndOfficialsSpeakForTheirPrincipal() {
        Quote q = onlyIndirect(extract("Senator Jane Roe is running for governor. The Roe campaign said the report was misleading."));
        assertThat(q.speaker().name()).isEqualTo("Jane Roe");
        assertThat(q.speaker().mention().text()).isEqualTo("Roe campaign");
        assertThat(q.text()).isEqualTo("the report was misleading");
        Quote p = onlyIndirect(extract("Pentagon officials say the strike hit its target."));
        assertThat(p.speaker().name()).isEqualTo("Pentagon");
        assertThat(p.text()).isEqualTo("the strike hit its target");
    }

    @Test
    void baseFormAfterANamedObjectIsNotAReport() {
        assertThat(extract("The losses made Vladimir Putin claim the sanctions had failed.").quotes()).isEmpty();
    }

    @Test
    void promisesAndAppealsInTheInfinitive() {
        Quote q = onlyIndirect(extract("Senator Jane Roe has vowed to block the nomination of the judge."));
        assertThat(q.text()).isEqualTo("to block the nomination of the judge");
        assertThat(q.speaker().name()).isEqualTo("Jane Roe");
        Quote u = onlyIndirect(extract("Governor Greg Abbott urged lawmakers to pass the bill before the recess, "
                + "and the House agreed."));
        assertThat(u.text()).isEqualTo("to pass the bill before the recess");
        assertThat(extract("Senator Jane Roe called the bill a disgrace.").quotes()).isEmpty();
        assertThat(extract("At the summit, Senator Jane Roe spoke about trade, calling it a test of trust.").quotes())
                .isEmpty();
    }

    @Test
    void subjectBehindSeveralAppositions() {
        Quote q = onlyIndirect(extract("Dorothy Pell, 58, a retired teacher from Dayton, said she would vote for the levy."));
        assertThat(q.text()).isEqualTo("she would vote for the levy");
        assertThat(q.speaker().name()).isEqualTo("Dorothy Pell");
    }

    @Test
    void longNounPhraseAfterSaid() {
        Quote q = onlyIndirect(extract("Senator Ron Wyden said the decision of the board to delay the audit for another year "
                + "was a mistake."));
        assertThat(q.text()).startsWith("the decision of the board");
    }

    @Test
    void saidSheAfterAnAppositionIsNoClosingCue() {
        Extraction x = extract("Lorna Maple, a nurse from Akron, said she wanted a change in Washington.");
        assertThat(onlyIndirect(x).text()).isEqualTo("she wanted a change in Washington");
    }

    @Test
    void pluralSubjectWithPresentSay() {
        Quote q = onlyIndirect(extract("Local farmers say the new tariffs have cut their income in half."));
        assertThat(q.text()).isEqualTo("the new tariffs have cut their income in half");
        assertThat(q.speaker().name()).isEqualTo("Local farmers");
        Quote p = onlyIndirect(extract("In the new poll, 58 percent say the country is on the wrong track."));
        assertThat(p.speaker().name()).isEqualTo("58 percent");
        Quote r = onlyIndirect(extract("Aides to Governor Tina Kotek say she will sign the bill on Friday."));
        assertThat(r.speaker().name()).isEqualTo("Aides to Governor Tina Kotek");
    }

    @Test
    void baseFormAfterModalOrCausativeIsNoReport() {
        assertThat(extract("The ruling made voters say the process was unfair to them.").quotes()).isEmpty();
        assertThat(extract("The economists would say the recovery has been slow.").quotes()).isEmpty();
    }

    @Test
    void verbFormsInsideNamesOrNumbersAreNoCues() {
        assertThat(extract("Canada and its closest partner, the United States, are members of the council.").quotes())
                .isEmpty();
        assertThat(extract("There are only 250,000 dairy workers in the region.").quotes()).isEmpty();
        assertThat(extract("He wants delegates from states he carried to back him at the convention.").quotes())
                .isEmpty();
    }

    @Test
    void unnamedSubjectOfAnObjectVerbOrAForecastIsNoReport() {
        assertThat(extract("The hearing promised to be a long one for the committee.").quotes()).isEmpty();
        assertThat(extract("Critics resent that a foreign court wrote its charter decades ago.").quotes()).isEmpty();
    }

    @Test
    void contractedPronounOpensTheClause() {
        Quote q = onlyIndirect(extract("Governor Phil Scott said he'd sign the budget next week."));
        assertThat(q.text()).isEqualTo("he'd sign the budget next week");
        Quote r = onlyIndirect(extract("Senator Jon Tester said they’ll need more time for the farm bill."));
        assertThat(r.text()).startsWith("they’ll need more time");
    }

    @Test
    void titledNameOpensTheClause() {
        Quote q = onlyIndirect(extract("In a radio interview, Mr. Halvorsen said Mr. Okafor should drop out of the race."));
        assertThat(q.text()).isEqualTo("Mr. Okafor should drop out of the race");
        assertThat(q.speaker().name()).isEqualTo("Halvorsen");
    }

    @Test
    void loneCapitalisedPluralSpeaks() {
        Quote q = onlyIndirect(extract("Prosecutors said a long sentence would deter other smugglers."));
        assertThat(q.speaker().name()).isEqualTo("Prosecutors");
        assertThat(q.speaker().resolution()).isEqualTo(Speaker.Resolution.UNNAMED);
    }

    @Test
    void jointUnnamedSubjectSpeaksAsAWhole() {
        Quote q = onlyIndirect(extract("Local and county officials said the bridge would reopen in May."));
        assertThat(q.speaker().name()).isEqualTo("Local and county officials");
    }

    @Test
    void cueInsideTheSentence() {
        Quote q = onlyIndirect(extract("In the end, Ms. Tovar said, most renters never see the inspection reports."));
        // the opening phrase belongs to the reported sentence: the report is its two parts around the cue
        assertThat(q.text()).isEqualTo("In the end most renters never see the inspection reports");
        assertThat(q.parts()).extracting(p -> p.text())
                .containsExactly("In the end", "most renters never see the inspection reports");
        assertThat(q.speaker().name()).isEqualTo("Tovar");
    }

    @Test
    void clauseWithPossessiveAndQuantifier() {
        assertThat(onlyIndirect(extract("Dana Whitfield said the party's nominee would win the county easily.")).text())
                .isEqualTo("the party's nominee would win the county easily");
        assertThat(onlyIndirect(extract("Mayor Luis Ortega said each ward gets two new patrol cars.")).text())
                .isEqualTo("each ward gets two new patrol cars");
    }

    @Test
    void twoReportsInOneSentence() {
        Extraction x = extract("Most voters said the governor was honest, and a third said the same of the mayor.");
        assertThat(x.quotes()).filteredOn(q -> q.type() == QuoteType.INDIRECT).extracting(Quote::text)
                .containsExactly("the governor was honest", "the same of the mayor");
        assertThat(x.quotes()).extracting(q -> q.speaker().name()).containsExactly("Most voters", "a third");
    }

    @Test
    void pluralPresentClosingTheSentence() {
        Quote q = onlyIndirect(extract("Rising rents are pushing families out of the county, housing experts say."));
        assertThat(q.text()).isEqualTo("Rising rents are pushing families out of the county");
        assertThat(q.speaker().name()).isEqualTo("housing experts");
    }

    @Test
    void pluralNounIsNoClosingCueOfAnUnnamedPhrase() {
        assertThat(extract("The governor also carried several rural counties, winning narrower margins in coastal "
                + "states that lean the other way.").quotes()).isEmpty();
    }

    @Test
    void clauseWithAPresentTenseVerbAfterItsNounPhrase() {
        assertThat(onlyIndirect(extract("Mayor Luis Ortega says commuters want a faster bridge.")).text())
                .isEqualTo("commuters want a faster bridge");
        assertThat(onlyIndirect(extract("Dana Whitfield said the new levy costs each family too much.")).text())
                .isEqualTo("the new levy costs each family too much");
        assertThat(extract("Dana Whitfield denied the charges and sued the county.").quotes()).isEmpty();
    }

    @Test
    void clauseWithAQuantifierOrAVerbLikeNounInItsSubject() {
        assertThat(onlyIndirect(extract("Dana Whitfield said much of the money was spent on roads.")).text())
                .isEqualTo("much of the money was spent on roads");
        assertThat(onlyIndirect(extract("Dana Whitfield said none of the reports were shared with her.")).text())
                .isEqualTo("none of the reports were shared with her");
    }

    @Test
    void aCircumstanceBeforeTheClausePronoun() {
        assertThat(onlyIndirect(extract("Mayor Luis Ortega said in an interview he would not run again.")).text())
                .isEqualTo("he would not run again");
        assertThat(extract("Mayor Luis Ortega complained of the deal he had signed with the union.").quotes())
                .isEmpty(); // "of": what the complaint is about, and a relative clause without "that"
    }

    @Test
    void aClosingCueWithAPluralPresentReadAfterTheComma() {
        Quote q = onlyIndirect(extract("Turnout says little about the autumn result, political scientists say."));
        assertThat(q.text()).isEqualTo("Turnout says little about the autumn result");
        assertThat(q.speaker().name()).isEqualTo("political scientists");
        assertThat(extract("No matter the venue, Senator Paul Grant will insist on a recount.").quotes()).isEmpty();
    }

    @Test
    void aClosingCueFollowedByAParticipleWithItsOwnQuotation() {
        Extraction x = extract("Mayor Luis Ortega spoke on Monday. The bridge will reopen in May, Ortega said, adding, "
                + "\"We owe the commuters that much.\"");
        assertThat(x.quotes()).filteredOn(q -> q.type() == QuoteType.INDIRECT).extracting(Quote::text)
                .containsExactly("The bridge will reopen in May");
        assertThat(x.quotes()).filteredOn(q -> q.type() == QuoteType.DIRECT).extracting(q -> q.speaker().name())
                .containsExactly("Luis Ortega");
    }

    @Test
    void aSpeechVerbUsedAsTheHeadNounOfTheSource() {
        Quote q = onlyIndirect(extract("The annual audit report said the county had overspent by $2 million."));
        assertThat(q.text()).isEqualTo("the county had overspent by $2 million");
        assertThat(q.speaker().name()).isEqualTo("The annual audit report");
        Quote c = onlyIndirect(extract("Over two years, the county lost 40 nurses, an internal report said."));
        assertThat(c.text()).isEqualTo("Over two years, the county lost 40 nurses");
        assertThat(c.speaker().name()).isEqualTo("an internal report");
    }

    @Test
    void aReportEndsBeforeTheNextReportThatHoldsAQuotation() {
        Extraction x = extract("Mayor Luis Ortega argued that the levy would fund two schools, saying the plan was "
                + "fair to every family.");
        assertThat(x.quotes()).filteredOn(q -> q.type() == QuoteType.INDIRECT).extracting(Quote::text)
                .containsExactly("the levy would fund two schools", "the plan was fair to every family");
        Extraction y = extract("Dana Whitfield said the levy was too high, while Mayor Luis Ortega said the plan was "
                + "\"fair\" to families.");
        assertThat(y.quotes()).filteredOn(q -> q.type() == QuoteType.INDIRECT).extracting(Quote::text)
                .containsExactly("the levy was too high");
    }

    @Test
    void anIrregularPastTenseAfterTheNounPhrase() {
        Quote q = onlyIndirect(extract("The Ledger reported the letter came two days after the vote."));
        assertThat(q.text()).isEqualTo("the letter came two days after the vote");
    }

    @Test
    void aParticipleAfterAStatementReportsForItsIssuer() {
        Quote q = onlyIndirect(extract("The Ashford Tenants Union issued a statement saying it would leave the parade."));
        assertThat(q.text()).isEqualTo("it would leave the parade");
        assertThat(q.speaker().name()).isEqualTo("Ashford Tenants Union");
    }

    @Test
    void aClosingCueWithTheSpeakerAfterTheVerbAndAccordingToWithoutAComma() {
        Quote q = onlyIndirect(extract("The hearing went badly, and the panel adjourned early, said one aide in the room."));
        assertThat(q.text()).isEqualTo("The hearing went badly, and the panel adjourned early");
        assertThat(q.speaker().name()).isEqualTo("one aide");
        Quote a = onlyIndirect(extract("Ortega leads Whitfield by 40 votes according to a count by the Ledger Gazette."));
        assertThat(a.text()).isEqualTo("Ortega leads Whitfield by 40 votes");
        Quote u = onlyIndirect(extract("Several mayors, including Luis Ortega, said the United States should fund the "
                + "bridge."));
        assertThat(u.text()).isEqualTo("the United States should fund the bridge");
    }

    @Test
    void aTitleCaseHeadlineReport() {
        Quote q = onlyIndirect(extract("Mayor Luis Ortega Says Bridge Will Reopen In May, Thanks Crews"));
        assertThat(q.text()).isEqualTo("Bridge Will Reopen In May");
        assertThat(q.speaker().name()).isEqualTo("Luis Ortega");
        Quote c = onlyIndirect(extract("Bellwether County Says Levy Will Pass"));
        assertThat(c.text()).isEqualTo("Levy Will Pass");
        assertThat(c.speaker().mention().text()).isEqualTo("Bellwether County");
    }

    @Test
    void theObjectOfCalledForWarnedOfAndPointedToIsTheReport() {
        Quote q = onlyIndirect(extract("Mayor Luis Ortega called for a full audit of the transit budget, his third "
                + "such demand this year."));
        assertThat(q.text()).isEqualTo("a full audit of the transit budget");
        assertThat(q.speaker().name()).isEqualTo("Luis Ortega");
        Quote w = onlyIndirect(extract("Senator Dana Whitfield warned of a long winter of shortages."));
        assertThat(w.text()).isEqualTo("a long winter of shortages");
        Quote p = onlyIndirect(extract("Dana Whitfield pointed to the rising cost of heating oil."));
        assertThat(p.text()).isEqualTo("the rising cost of heating oil");
        // a closing cue reports the whole clause; "calls for" as a noun and the participle are no reports
        Quote c = onlyIndirect(extract("The plan called for two new bridges over the river, officials said."));
        assertThat(c.text()).isEqualTo("The plan called for two new bridges over the river");
        assertThat(extract("Dana Whitfield ignored the calls for a recount of the ballots.").quotes()).isEmpty();
        assertThat(extract("Luis Ortega and Dana Whitfield called for a recount of the ballots.").quotes()).isEmpty();
    }

    @Test
    void aThatAfterTheClausesOwnVerbIsInsideTheClauseAndAPossessiveObjectBeforeThat() {
        Quote q = onlyIndirect(extract("Senator Dana Whitfield said Ortega is overstating the gains that the new "
                + "schools have made."));
        assertThat(q.text()).isEqualTo("Ortega is overstating the gains that the new schools have made");
        Quote t = onlyIndirect(extract("Luis Ortega told the Ledger's editorial board that he favored a smaller budget."));
        assertThat(t.text()).isEqualTo("he favored a smaller budget");
    }

    @Test
    void pollSharesAndThoseSurveyedSpeakAlsoWithAnAdverbBeforeThePresent() {
        Quote q = onlyIndirect(extract("On spending, 48% say the county should cut the budget."));
        assertThat(q.text()).isEqualTo("the county should cut the budget");
        assertThat(q.speaker().mention().text()).isEqualTo("48%");
        Quote t = onlyIndirect(extract("By a wide margin, those surveyed say the bridge should be rebuilt."));
        assertThat(t.text()).isEqualTo("the bridge should be rebuilt");
        assertThat(t.speaker().mention().text()).isEqualTo("those surveyed");
        Quote a = onlyIndirect(extract("Most farmers still say the new tariffs will hurt them."));
        assertThat(a.text()).isEqualTo("the new tariffs will hurt them");
        assertThat(extract("The council would still say nothing about the tariffs.").quotes()).isEmpty();
    }

    @Test
    void theSubjectOfAReportedClauseMayCarryARelativeClause() {
        Quote q = onlyIndirect(extract("Mayor Luis Ortega said tenants who complain will get a hearing."));
        assertThat(q.text()).isEqualTo("tenants who complain will get a hearing");
        Quote b = onlyIndirect(extract("Dana Whitfield said the bill that cleared the council would fail."));
        assertThat(b.text()).isEqualTo("the bill that cleared the council would fail");
    }

    @Test
    void aContrastWithASecondSpeakerEndsTheFirstReport() {
        Extraction x = extract("Luis Ortega said the levy would pass easily, though Dana Whitfield said the vote "
                + "would be close.");
        assertThat(x.quotes()).filteredOn(q -> q.type() == QuoteType.INDIRECT).extracting(Quote::text)
                .containsExactly("the levy would pass easily", "the vote would be close");
    }

    @Test
    void aClauseMayEndWithTheGapOfItsOwnRelativeClause() {
        Quote q = onlyIndirect(extract("Dana Whitfield argues that cutting the levy has never brought the growth that "
                + "mayors expect."));
        assertThat(q.text()).isEqualTo("cutting the levy has never brought the growth that mayors expect");
    }

    @Test
    void aQuotationAfterASecondVerbOfTheSubjectEndsTheReport() {
        Extraction y = extract("Dana Whitfield later suggested the audit was rigged, called it \"a sham\" and left "
                + "the hearing.");
        assertThat(y.quotes()).filteredOn(q -> q.type() == QuoteType.INDIRECT).extracting(Quote::text)
                .containsExactly("the audit was rigged");
    }
}
