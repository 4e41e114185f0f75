"""A feed summary tells a person's history, a wish, a scenario or a likeness in the same words
as news; only the news is a claim. Each test holds the forms a family takes and the fresh
developments it must leave alone. Items written for these tests, in our own words."""

from __future__ import annotations

from tests.claims.reading import Reader

WHEN = "2026-08-20T09:00:00Z"


people_and_kinds = Reader(published=WHEN).people_and_kinds


def test_a_past_move_in_a_summary_under_a_pursuit_is_background() -> None:
    want = {("Benjamin Sesko", "interest")}
    assert people_and_kinds("Arsenal eye move for Benjamin Sesko",
                            "Sesko, who joined Manchester United from RB Leipzig last summer, has struggled.") == want
    assert people_and_kinds("Arsenal eye move for Benjamin Sesko",
                            "Sesko, who joined Manchester United from RB Leipzig in 2025, has struggled.") == want
    assert people_and_kinds("Chelsea consider Joao Felix return",
                            "Felix left Chelsea for Al-Nassr last summer after an unhappy spell.") == {("Joao Felix", "interest")}
    assert people_and_kinds("Eberechi Eze on Tottenham shortlist",
                            "Eze has scored ten goals since joining Crystal Palace from QPR in 2020.") == {("Eberechi Eze", "interest")}
    assert people_and_kinds("Newcastle considering Adrien Rabiot move",
                            "Rabiot joined Marseille from Juventus in a deal worth €10 million.") == {("Adrien Rabiot", "interest")}
    assert people_and_kinds("Tottenham want Mohammed Kudus",
                            "Kudus swapped West Ham for Tottenham in the summer window.") == {("Mohammed Kudus", "interest")}
    assert people_and_kinds("Dominic Solanke backed to hit form",
                            "The former Bournemouth man joined Tottenham for £65m two years ago.") == set()


def test_a_past_exit_under_a_pursuit_is_background_only_when_dated_before_now() -> None:
    assert people_and_kinds("Roma want Ruben Amorim",
                            "Amorim was sacked by Manchester United last season.") == {("Ruben Amorim", "interest")}
    assert people_and_kinds("Sunderland interested in Jordan Henderson",
                            "Henderson quit Al-Ettifaq in 2024 after just six months in Saudi Arabia.") == {("Jordan Henderson", "interest")}
    assert people_and_kinds("Leeds eye Patrick Bamford",
                            "Bamford was released by Leeds two years ago.") == {("Patrick Bamford", "interest")}
    assert people_and_kinds("Graham Potter in frame for Celtic job",
                            "Potter, sacked by West Ham in September, has been out of work since.") == {("Graham Potter", "interest")}
    # A past exit dated to now, by a day, the weekend, overnight or hours after a game, is news.
    both = {("Ange Postecoglou", "interest"), ("Ange Postecoglou", "departure")}
    assert people_and_kinds("Napoli want Ange Postecoglou",
                            "Postecoglou was sacked by Nottingham Forest after Saturday's loss at Chelsea.") == both
    assert people_and_kinds("Napoli want Ange Postecoglou", "Postecoglou was dismissed by Nottingham Forest at the weekend.") == both
    assert people_and_kinds("Napoli want Ange Postecoglou", "Postecoglou was relieved of his duties by Forest overnight.") == both
    assert people_and_kinds("Napoli want Ange Postecoglou",
                            "Postecoglou was sacked by Nottingham Forest hours after the cup defeat.") == both
    # The exit itself, told in the headline or dated to now, is news.
    assert people_and_kinds("Sean Dyche leaves Nottingham Forest",
                            "Forest confirmed on Tuesday that Dyche has left the club.") == {("Sean Dyche", "departure")}
    assert people_and_kinds("Ruben Amorim sacked by Manchester United",
                            "United have parted company with Amorim after 14 months in charge.") == {("Ruben Amorim", "departure")}


def test_a_move_dated_to_youth_a_month_gone_or_a_time_noun_is_history() -> None:
    assert people_and_kinds("Everton interested in Harrison Reed",
                            "The midfielder was released by Southampton as a youngster before rebuilding his career at Fulham.") \
        == {("Harrison Reed", "interest")}
    assert people_and_kinds("Brendan Rodgers linked with Leicester return",
                            "Rodgers walked out on Leicester for Celtic in 2019 and resigned from Celtic in October.") \
        == {("Brendan Rodgers", "interest")}
    assert people_and_kinds("Mikel Arteta recalls the day Arsenal signed Martin Odegaard") == set()
    assert people_and_kinds("Raheem Sterling's move to Arsenal: one year on") == set()
    assert people_and_kinds("Bayern eye Nick Woltemade",
                            "Woltemade's move to Newcastle from Stuttgart made him the club's record signing.") \
        == {("Nick Woltemade", "interest")}


def test_the_past_looked_back_on_by_its_speaker_is_no_claim() -> None:
    assert people_and_kinds("Trent Alexander-Arnold explains decision to leave Liverpool",
                            "The defender joined Real Madrid on a free in June.") == set()
    assert people_and_kinds("Jurgen Klopp: I never thought I would leave Liverpool") == set()
    assert people_and_kinds("Jordan Henderson: Leaving Liverpool was the hardest decision of my life") == set()
    assert people_and_kinds("Kevin De Bruyne opens up on his exit from Manchester City") == set()
    # A decision to leave, told as news, is one.
    assert people_and_kinds("Mohamed Salah set to leave Liverpool at the end of the season") == {("Mohamed Salah", "departure")}


def test_a_wish_a_hope_or_a_scenario_is_interest_not_a_done_deal() -> None:
    assert people_and_kinds("Juventus exploring a move that would see Victor Osimhen join from Galatasaray") \
        == {("Victor Osimhen", "interest")}
    assert people_and_kinds("Chelsea confident of completing Xavi Simons deal") == {("Xavi Simons", "interest")}
    assert people_and_kinds("Real Madrid would love to sign William Saliba") == {("William Saliba", "interest")}
    assert people_and_kinds("Alexander Isak could complete a move to Arsenal if Liverpool find a replacement") \
        == {("Alexander Isak", "interest")}
    assert people_and_kinds("Manchester United want Carlos Baleba",
                            "United would complete the signing of Baleba if Brighton lower their asking price.") \
        == {("Carlos Baleba", "interest")}
    assert people_and_kinds("Arsenal target Jarrad Branthwaite",
                            "Arsenal hope to finalise the signing of Branthwaite before the end of the month.") \
        == {("Jarrad Branthwaite", "interest")}
    assert people_and_kinds("Is Cole Palmer about to join Manchester City?") == {("Cole Palmer", "interest")}
    # A deal done or about to be stays what it is.
    assert people_and_kinds("Arsenal have completed the signing of Martin Zubimendi") == {("Martin Zubimendi", "completed")}
    assert people_and_kinds("Liverpool set to complete Marc Guehi signing") == {("Marc Guehi", "agreement")}


def test_a_name_describing_another_player_is_no_subject() -> None:
    assert people_and_kinds("Tottenham scout the new Son Heung-min in Korea") == set()
    assert people_and_kinds("Arsenal sign the next Thierry Henry from Lyon") == set()
    assert people_and_kinds("Newcastle agree fee for Bruno Guimaraes replacement") == set()
    assert people_and_kinds("Manchester City target Rodri cover") == set()
    assert people_and_kinds("Real Madrid join race for 'the new Kroos'") == set()
    assert people_and_kinds("Liverpool complete signing of Trent Alexander-Arnold's successor") == set()
    assert people_and_kinds("Liverpool want a Mohamed Salah-style winger") == set()
    # The player the name describes, once named, is the subject.
    assert people_and_kinds("Liverpool eye Antoine Semenyo",
                            "The Reds see the winger as a long-term Mohamed Salah replacement.") == {("Antoine Semenyo", "interest")}


def test_move_words_in_other_senses_are_no_moves() -> None:
    assert people_and_kinds("Mohamed Salah leaves Liverpool hotel for Africa Cup of Nations") == set()
    assert people_and_kinds("Erling Haaland leaves Arsenal defenders in his wake") == set()
    assert people_and_kinds("Bukayo Saka returns to Arsenal training after hamstring injury") == set()
    assert people_and_kinds("Luka Modric returns to the Bernabeu with AC Milan") == set()
    assert people_and_kinds("Martin Odegaard left frustrated by latest injury") == set()
    assert people_and_kinds("Marcus Rashford released a statement after racist abuse") == set()
    assert people_and_kinds("Wolves manager Vitor Pereira sacked") == {("Vitor Pereira", "departure")}
    assert people_and_kinds("Viktor Gyokeres joins Arsenal from Sporting") == {("Viktor Gyokeres", "completed")}


def test_a_department_head_is_staff() -> None:
    assert people_and_kinds("Chelsea appoint Sam Jewell as head of recruitment") == set()
    assert people_and_kinds("Tottenham appoint Thomas Frank as head coach") == {("Thomas Frank", "completed")}


def test_a_clubs_past_interest_and_an_earlier_event_are_history() -> None:
    assert people_and_kinds("Marc Guehi speaks out", "Liverpool were interested in Guehi.") == set()
    assert people_and_kinds("Marc Guehi speaks out", "Liverpool wanted to sign Guehi but Palace refused to sell.") == set()
    assert people_and_kinds("Marc Guehi starts for England", "Guehi was a Liverpool target before signing a new deal.") == set()
    # Interest told now, or in the headline, is news.
    assert people_and_kinds("Marc Guehi on Liverpool radar", "Liverpool are interested in Guehi.") == {("Marc Guehi", "interest")}
    assert people_and_kinds("Marc Guehi speaks out", "Liverpool are keen on Guehi, who is out of contract next summer.") \
        >= {("Marc Guehi", "interest")}


def test_an_exit_verb_whose_object_is_no_club_is_no_exit() -> None:
    assert people_and_kinds("Ruben Amorim quits press conference early") == set()
    assert people_and_kinds("Oliver Glasner leaves the door open to new Crystal Palace deal") \
        == {("Oliver Glasner", "contract_extension")}
    assert ("Thomas Frank", "departure") not in people_and_kinds("Thomas Frank leaves door open for Harry Kane return")
    assert people_and_kinds("Steve Cooper leaves Leicester by mutual consent") == {("Steve Cooper", "departure")}
    assert people_and_kinds("Russell Martin leaves Southampton job") == {("Russell Martin", "departure")}


def test_a_seller_an_ended_doubt_a_setting_and_a_description_are_no_exit() -> None:
    assert people_and_kinds("Emery: Villa will not sell to rivals",
                            "Unai Emery says Aston Villa will only sell on their own terms.") == set()
    assert people_and_kinds("Virgil van Dijk signs new Liverpool deal",
                            "Van Dijk has ended uncertainty over his future by agreeing terms until 2028.") \
        == {("Virgil van Dijk", "contract_extension")}
    assert people_and_kinds("Milos Kerkez settling in after summer switch to Liverpool") == set()
    assert people_and_kinds("Retired Wayne Rooney picks his team of the season") == set()
    assert people_and_kinds("Edu resigns as Arsenal sporting director") == set()
    # The one sold, named or described, or the topic of a club's readiness to sell, is a claim.
    assert people_and_kinds("Juventus are ready to sell Dusan Vlahovic") == {("Dusan Vlahovic", "departure")}
    assert people_and_kinds("Victor Osimhen: Napoli ready to sell striker for 75m euros") == {("Victor Osimhen", "departure")}
    assert people_and_kinds("Napoli star Victor Osimhen available as club ready to sell") == {("Victor Osimhen", "departure")}
    assert people_and_kinds("Crystal Palace willing to cash in on Adam Wharton") == {("Adam Wharton", "departure")}
    assert people_and_kinds("Steve Cooper resigns as Leicester manager") == {("Steve Cooper", "departure")}


def test_what_has_not_happened_yet_is_no_rung() -> None:
    assert people_and_kinds("Real Madrid given Dayot Upamecano hope",
                            "The Bayern Munich defender is yet to put pen to paper on fresh terms in Bavaria.") \
        == {("Dayot Upamecano", "interest")}
    assert people_and_kinds("Liverpool are yet to make an offer for Marc Guehi") == set()
    assert people_and_kinds("Ibrahima Konate signs new Liverpool contract") == {("Ibrahima Konate", "contract_extension")}


def test_a_move_done_in_a_summary_under_a_lower_rung_is_background() -> None:
    assert people_and_kinds("Arsenal make contact over Bologna defender",
                            "Arsenal have reportedly made contact with Bologna over Jhon Lucumi. The 27-year-old joined "
                            "from Genk in 2022. Bologna signed him for just €8m and would demand far more now.") \
        == {("Jhon Lucumi", "talks")}
    # The move done under its own headline, or dated to now, is news.
    assert people_and_kinds("Joao Pedro completes Chelsea move",
                            "The Brazilian joined from Brighton on Monday for £60m.") == {("Joao Pedro", "completed")}


def test_a_failed_or_earlier_attempt_is_no_claim_of_its_own() -> None:
    want = {("Kenan Yildiz", "interest")}
    assert people_and_kinds("Arsenal target Kenan Yildiz", "Arsenal failed with a £60m bid for Yildiz in January.") == want
    assert people_and_kinds("Arsenal target Kenan Yildiz",
                            "Juventus rejected a £60m bid from Arsenal for Yildiz last summer.") == want
    assert people_and_kinds("Liverpool eye Kenan Yildiz",
                            "It would not be a surprise to see Yildiz join Liverpool this summer.") == {("Kenan Yildiz", "interest")}
    # A bid rejected last night is news.
    assert people_and_kinds("Juventus reject Arsenal bid for Kenan Yildiz",
                            "Juventus rejected a £60m bid from Arsenal for Yildiz last night.") == {("Kenan Yildiz", "bid_rejected")}


def test_an_exit_supposed_or_weighed_is_no_exit() -> None:
    assert people_and_kinds("Liverpool plan for the future",
                            "Were Mohamed Salah to leave, Liverpool would look at Antoine Semenyo.") == set()
    assert people_and_kinds("Liverpool plan for the future", "Mohamed Salah's departure would leave a huge hole.") == set()
    assert people_and_kinds("Had Chelsea signed Victor Osimhen, things would be different") == set()
    assert people_and_kinds("Liverpool ready to let Mohamed Salah leave") == {("Mohamed Salah", "departure")}


def test_a_headline_description_stands_for_the_news_not_the_background() -> None:
    assert people_and_kinds("Liverpool eye Premier League striker",
                            "Arsenal signed Viktor Gyokeres in the summer, and now Liverpool want Ollie Watkins.") \
        == {("Ollie Watkins", "interest")}
    assert people_and_kinds("Chelsea want Brazilian winger",
                            "After selling Noni Madueke to Arsenal, Chelsea are keen on Savinho.") == {("Savinho", "interest")}
    assert people_and_kinds("Newcastle target Bundesliga midfielder",
                            "Newcastle, who sold Sean Longstaff to Leeds, want Angelo Stiller.") == {("Angelo Stiller", "interest")}
    # A relative clause's person is not the subject of the predicate after it.
    assert people_and_kinds("Tottenham boss under pressure",
                            "Thomas Frank, who replaced Ange Postecoglou in June, is under pressure after five defeats.") \
        == {("Thomas Frank", "departure")}


def test_a_past_attempt_and_the_speakers_own_past_are_no_claims() -> None:
    assert people_and_kinds("Wilfried Zaha: Arsenal tried to sign me twice") == set()
    assert people_and_kinds("Declan Rice: Chelsea released me at 14 and it made me stronger") == set()
    assert people_and_kinds("Declan Rice was released by Chelsea at 14") == set()
    assert people_and_kinds("Arsenal trying to sign Wilfried Zaha") == {("Wilfried Zaha", "interest")}


def test_an_exit_from_a_place_a_captaincy_or_an_agent_is_no_exit_from_a_club() -> None:
    assert people_and_kinds("Kepa Arrizabalaga under pressure for his place at Arsenal") == set()
    assert people_and_kinds("Andre Onana axed from Manchester United side") == set()
    assert people_and_kinds("Virgil van Dijk steps down as Netherlands captain") == set()
    assert people_and_kinds("Jadon Sancho parts ways with his agent") == set()
    assert people_and_kinds("Raheem Sterling quits the Chelsea group chat") == set()
    assert people_and_kinds("Pep Guardiola dismisses retirement rumours") == set()
    # A manager's job in danger, an exit from a job and a club parting with a manager stay.
    assert people_and_kinds("Enzo Maresca under pressure for his job") == {("Enzo Maresca", "departure")}
    assert people_and_kinds("Chelsea part ways with Enzo Maresca") == {("Enzo Maresca", "departure")}
    assert people_and_kinds("Steve Cooper steps down as Leicester manager") == {("Steve Cooper", "departure")}
    assert people_and_kinds("Ruben Amorim axed by Manchester United") == {("Ruben Amorim", "departure")}


def test_a_move_on_a_condition_is_a_scenario_unless_it_waits_on_a_medical() -> None:
    assert people_and_kinds("Marc Guehi will join Liverpool if the clubs agree a fee") == {("Marc Guehi", "interest")}
    assert people_and_kinds("Liverpool sign Marc Guehi if Joe Gomez leaves") == {("Marc Guehi", "interest")}
    assert people_and_kinds("Liverpool will complete the signing of Marc Guehi if he passes a medical") \
        == {("Marc Guehi", "agreement")}
    assert people_and_kinds("Marc Guehi joins Liverpool, and if he impresses Palace get a bonus") == {("Marc Guehi", "completed")}


def test_back_in_contention_after_an_injury_is_no_pursuit() -> None:
    assert people_and_kinds("Gabriel Jesus returns from ACL injury",
                            "Jesus is back in contention for Arsenal after ten months out.") == set()
    assert people_and_kinds("Mauricio Pochettino in contention for the Tottenham job") == {("Mauricio Pochettino", "interest")}


def test_charge_of_a_game_is_no_appointment() -> None:
    assert people_and_kinds("Michael Carrick takes charge of his first game as Manchester United boss") == set()
    assert people_and_kinds("Michael Carrick takes charge of Manchester United") == {("Michael Carrick", "completed")}


def test_a_past_extension_under_a_pursuit_is_background_unless_dated_to_now() -> None:
    assert people_and_kinds("Real Madrid eye William Saliba",
                            "Saliba penned a new deal in January, tying him to Arsenal until 2030.") == {("William Saliba", "interest")}
    assert people_and_kinds("Real Madrid eye William Saliba", "Saliba has just signed a new five-year contract.") \
        == {("William Saliba", "interest"), ("William Saliba", "contract_extension")}


def test_a_move_named_as_an_aim_is_interest() -> None:
    assert people_and_kinds("Completing the signing of Marc Guehi is Liverpool's priority") == {("Marc Guehi", "interest")}
    assert people_and_kinds("Liverpool make Marc Guehi signing their priority") == {("Marc Guehi", "interest")}
    assert people_and_kinds("Liverpool complete Marc Guehi signing as they target a striker") == {("Marc Guehi", "completed")}


def test_a_rivals_past_talks_under_a_completed_move_are_background() -> None:
    assert people_and_kinds("Arsenal complete Eberechi Eze signing",
                            "Tottenham were in talks for Eze before Arsenal hijacked the deal.") == {("Eberechi Eze", "completed")}
    assert people_and_kinds("Tottenham in talks for Eberechi Eze",
                            "Tottenham are in talks with Crystal Palace over Eze.") == {("Eberechi Eze", "talks")}


def test_a_piece_looking_back_reports_no_move() -> None:
    assert people_and_kinds("Throwback: when Liverpool signed Virgil van Dijk") == set()
    assert people_and_kinds("Remember when Chelsea sold Mohamed Salah?") == set()
    assert people_and_kinds("From the archive: Alan Shearer signs for Newcastle") == set()
    assert people_and_kinds("Breaking: Liverpool sign Marc Guehi") == {("Marc Guehi", "completed")}


def test_quitting_the_game_is_a_retirement() -> None:
    assert people_and_kinds("Jamie Vardy quits the game") == {("Jamie Vardy", "departure")}


def test_a_refusal_regretted_and_a_past_interest_dated_to_a_month_are_history() -> None:
    assert people_and_kinds("Everton rue their choice not to sign Nicolo Zaniolo") == set()
    assert people_and_kinds("Fulham lament the call not to sign Ross Barkley") == set()
    assert people_and_kinds("Why Marc Guehi chose Barcelona over Liverpool",
                            "Liverpool were interested in signing Guehi in January, but he chose Barcelona.") == set()
    # A refusal told now and a plan for a month ahead are claims.
    assert people_and_kinds("Liverpool will not sign Marc Guehi") == {("Marc Guehi", "denial")}
    assert people_and_kinds("Liverpool interested in Marc Guehi",
                            "Liverpool are interested in signing Guehi in January.") == {("Marc Guehi", "interest")}


def test_a_rung_dated_to_now_is_news_whatever_the_headline() -> None:
    assert people_and_kinds("Tottenham eye Joao Palhinha",
                            "Bayern Munich were in talks with Fulham over Palhinha last night.") \
        == {("Joao Palhinha", "interest"), ("Joao Palhinha", "talks")}
    assert people_and_kinds("Tottenham eye Joao Palhinha",
                            "Bayern Munich were locked in negotiations with Fulham over Palhinha throughout Tuesday.") \
        == {("Joao Palhinha", "interest"), ("Joao Palhinha", "talks")}
    assert people_and_kinds("Gossip column",
                            "Juventus were in advanced talks with Chelsea over Raheem Sterling on Wednesday evening.") \
        == {("Raheem Sterling", "talks")}
    # The same talks dated to an earlier window are history.
    assert people_and_kinds("Tottenham eye Joao Palhinha",
                            "Bayern Munich were in talks with Fulham over Palhinha last summer.") == {("Joao Palhinha", "interest")}


def test_a_date_of_now_opening_the_sentence_is_no_time_noun_of_history() -> None:
    assert people_and_kinds("This morning Wolves sacked Gary O'Neil") == {("Gary O'Neil", "departure")}
    assert people_and_kinds("This week Fulham signed Ross Barkley") == {("Ross Barkley", "completed")}
    assert people_and_kinds("Ross Barkley: the latest",
                            "This week Fulham signed Barkley from Aston Villa after a long wait for clearance.") \
        == {("Ross Barkley", "completed")}
    # A time noun another word governs is still the past.
    assert people_and_kinds("Gary O'Neil remembers the night Wolves sacked him") == set()


def test_a_return_reported_now_some_years_on_is_a_move() -> None:
    assert people_and_kinds("Ross Barkley rejoins Everton, eight years on") == {("Ross Barkley", "completed")}
    assert people_and_kinds("Ross Barkley back at Everton",
                            "Ross Barkley has rejoined Everton from Aston Villa, eight years later.") == {("Ross Barkley", "completed")}
    assert people_and_kinds("Ross Barkley's move to Chelsea: five years on") == set()


def test_a_month_is_history_only_before_the_items_month() -> None:
    # The items are dated August 2026.
    assert people_and_kinds("Brentford confirm Keith Andrews",
                            "Brentford lost Thomas Frank to Tottenham and appointed Keith Andrews in August.") \
        == {("Keith Andrews", "completed")}
    assert people_and_kinds("Brentford sacked Andrews and appointed Gary O'Neil in August") \
        == {("Andrews", "departure"), ("Gary O'Neil", "completed")}
    assert people_and_kinds("Brentford confirm Keith Andrews",
                            "Brentford lost Thomas Frank to Tottenham and appointed Keith Andrews in June.") == set()
    # A month ahead of the bid is not the bid's date.
    assert people_and_kinds("Ross Barkley latest",
                            "Fulham made a £20m bid for Ross Barkley this week ahead of a move in January.") \
        == {("Ross Barkley", "bid")}


def test_a_decision_explained_on_the_day_it_is_confirmed_is_news() -> None:
    assert people_and_kinds("Kevin De Bruyne explains decision",
                            "Kevin De Bruyne explains his decision to leave Manchester City, which was confirmed this afternoon.") \
        == {("Kevin De Bruyne", "departure")}
    assert people_and_kinds("Leon Goretzka speaks out",
                            "Leon Goretzka reveals the reasons for joining Aston Villa, completed this morning for £30m.") \
        == {("Leon Goretzka", "completed")}
