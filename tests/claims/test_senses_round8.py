"""Move words in another sense, or a move looked back on, judged, asked about or taken back,
report nothing; staff coaches and bylines are no subjects. Items written for these tests, in
our own words, about real people and clubs; each test also keeps the news form it borders on."""

from __future__ import annotations

from tests.claims.reading import Reader

WHEN = "2026-11-20T09:00:00Z"


people_and_kinds = Reader(published=WHEN).people_and_kinds


def test_leaving_the_pitch_is_no_exit() -> None:
    assert people_and_kinds("Bukayo Saka departs early with a thigh problem") == set()
    assert people_and_kinds("Declan Rice exits injured with ankle knock") == set()
    assert people_and_kinds("Martin Odegaard leaves after 30 minutes against Fulham") == set()
    assert people_and_kinds("Bukayo Saka leaves Arsenal") == {("Bukayo Saka", "departure")}


def test_a_deal_with_a_brand_is_no_move() -> None:
    assert people_and_kinds("Alexander Isak signs a long-term boot deal with Adidas") == set()
    assert people_and_kinds("Lamine Yamal pens sponsorship contract with Puma",
                            "The Barcelona winger will wear the brand's boots until 2030.") == set()
    assert people_and_kinds("Alexander Isak signs for Liverpool") == {("Alexander Isak", "completed")}


def test_a_milestone_game_is_no_appointment() -> None:
    assert people_and_kinds("Mikel Arteta takes charge of his 300th Arsenal game") == set()
    assert people_and_kinds("Eddie Howe took charge of his landmark 200th Newcastle match on Sunday.") == set()


def test_a_return_as_a_visit_is_no_move() -> None:
    assert people_and_kinds("Marco Silva savours emotional return to Everton") == set()
    assert people_and_kinds("Vincent Kompany returns to Burnley to face his old side",
                            "The Bayern boss is back at Turf Moor for the first time since he left.") == set()


def test_a_gerund_about_the_speakers_past_is_looked_back_on() -> None:
    assert people_and_kinds("Jadon Sancho: leaving Dortmund taught me a lot") == set()
    assert people_and_kinds("Ivan Toney: moving to Saudi Arabia changed my life") == set()
    assert people_and_kinds("Raheem Sterling says joining Chelsea felt like a new start") == set()
    assert people_and_kinds("Jordan Henderson: leaving for Ajax was the right call") == set()
    # The gerund that is the news: "X leaving confirmed", "X: leaving is not ruled out".
    assert people_and_kinds("Ivan Toney to leave Al-Ahli") == {("Ivan Toney", "departure")}


def test_a_ranking_of_deals_done_reports_no_move() -> None:
    assert people_and_kinds("The ten best signings of the summer",
                            "Florian Wirtz to Liverpool and Jamie Gittens to Chelsea top our list.") == set()
    assert people_and_kinds("Ranked: every Premier League deal of the window",
                            "Liverpool signed Hugo Ekitike from Eintracht Frankfurt.") == set()


def test_asked_or_judged_in_a_column_is_no_report() -> None:
    assert people_and_kinds("Is it time for Chelsea to sell Nicolas Jackson?") == set()
    assert people_and_kinds("Do Manchester United need to sell Kobbie Mainoo?") == set()
    assert people_and_kinds("Mailbag: sack Postecoglou, sell Richarlison") == set()
    assert people_and_kinds("Your say: Arsenal should sign Viktor Gyokeres") == set()
    assert people_and_kinds("Sell Darwin Nunez, fans tell Liverpool") == set()
    # A report in a question stays one: "X to Arsenal?" is interest.
    assert people_and_kinds("Manchester United ready to sell Kobbie Mainoo") == {("Kobbie Mainoo", "departure")}


def test_a_report_the_item_takes_back_is_no_claim() -> None:
    assert ("Dusan Vlahovic", "agreement") not in people_and_kinds(
        "Fact check: Juventus striker not heading to Barcelona",
        "An Italian paper claimed Barcelona had agreed a deal for Dusan Vlahovic. They have not.")
    assert ("Dusan Vlahovic", "agreement") not in people_and_kinds(
        "No, Barcelona are not signing Dusan Vlahovic",
        "A Spanish outlet reported that Barcelona had agreed a deal for Dusan Vlahovic.")


def test_talk_dismissed_is_no_exit_of_the_speaker() -> None:
    claims = people_and_kinds("Arteta on Saka", "Mikel Arteta has dismissed talk of Bukayo Saka leaving Arsenal.")
    assert ("Mikel Arteta", "departure") not in claims
    # Waving talk of one's own exit away is a denial, not the exit.
    assert people_and_kinds("Ange Postecoglou laughs off rumours about his future") == {("Ange Postecoglou", "denial")}


def test_staff_coaches_are_no_subjects() -> None:
    assert people_and_kinds("Wales appoint new assistant coach",
                            "The FAW have named former Swansea midfielder Leon Britton as assistant to the head coach.") == set()
    assert people_and_kinds("Chelsea confirm exit",
                            "Chelsea have confirmed that fitness coach Bryce Cavanagh has left the club.") == set()
    # A player's position, and a former assistant made head coach, stay claims.
    assert people_and_kinds("Wolves to release goalkeeper Jose Sa") == {("Jose Sa", "departure")}
    assert people_and_kinds("Ghana appoint ex-Manchester United assistant Carlos Queiroz as head coach") == {
        ("Carlos Queiroz", "completed")}


def test_a_byline_is_no_person() -> None:
    claims = people_and_kinds("Arsenal in talks to sign Serie A defender",
                              "By Sam Dean. Arsenal have opened talks with Bologna over Riccardo Calafiori.")
    assert ("Sam Dean", "talks") not in claims
    assert ("Riccardo Calafiori", "talks") in claims


def test_staying_in_a_mood_is_no_stay_at_a_club() -> None:
    assert people_and_kinds("Pochettino on why Christian Pulisic is staying positive") == set()
    assert people_and_kinds("Bukayo Saka stays calm despite England snub") == set()
    assert people_and_kinds("Bukayo Saka stays at Arsenal") == {("Bukayo Saka", "denial")}


def test_other_parties_and_occasions_are_no_moves() -> None:
    assert people_and_kinds("Gary Lineker signs new deal with the BBC") == set()
    assert people_and_kinds("Alexander Isak in talks with Liverpool medical staff over his groin") == set()
    assert people_and_kinds("Thomas Tuchel takes charge of England for the 20th time") == set()
    assert people_and_kinds("Harry Kane joins Bayern teammates at the club's Christmas party") == set()
    assert people_and_kinds("On this day: Liverpool sign Luis Suarez from Ajax") == set()
    assert people_and_kinds("Marcus Rashford on leaving Manchester United: no regrets") == set()
    # The job itself stays news.
    assert people_and_kinds("Thomas Frank takes charge of Tottenham") == {("Thomas Frank", "completed")}


def test_the_speakers_own_past_at_any_rung_is_looked_back_on() -> None:
    assert people_and_kinds("Alexis Mac Allister: I was close to joining Manchester City") == set()
    assert people_and_kinds("Xabi Alonso: we had talks with Bayern Munich back then") == set()
    # The present and the perfect are news.
    assert people_and_kinds("Mikel Arteta: we are in talks with Chelsea over Raheem Sterling") == {
        ("Raheem Sterling", "talks")}


def test_a_report_called_false_is_taken_back() -> None:
    assert ("Marcus Rashford", "agreement") not in people_and_kinds(
        "Rashford latest", "A Spanish paper claimed Barcelona had agreed a deal for Marcus Rashford. "
        "That is wide of the mark, according to people close to the forward.")
    assert ("Alexander Isak", "agreement") not in people_and_kinds(
        "Arteta on Isak", "There is no truth in reports that Arsenal have agreed a fee for Alexander Isak, says Mikel Arteta.")
    # A report left standing stays a claim.
    assert people_and_kinds("Newcastle news", "Sky Sports reported on Monday that Newcastle had agreed a fee with "
                            "Brentford for Yoane Wissa.") == {("Yoane Wissa", "agreement")}


def test_every_gerund_move_the_speaker_looks_back_on() -> None:
    assert people_and_kinds("Raheem Sterling: being loaned out by Chelsea was tough") == set()
    assert people_and_kinds("Marcus Rashford: going on loan to Aston Villa saved my career") == set()
    assert people_and_kinds("Philippe Coutinho: leaving Liverpool is my biggest regret") == set()
    assert people_and_kinds("Gareth Southgate: stepping down was the right thing to do") == set()
    # A decision told in the present is news.
    assert people_and_kinds("Mohamed Salah: leaving Liverpool is the right decision") == {("Mohamed Salah", "departure")}


def test_more_verdicts_and_media_deals() -> None:
    assert people_and_kinds("Are Arsenal right to sell Eddie Nketiah?") == set()
    assert people_and_kinds("Gary Neville signs new Sky deal") == set()
    assert people_and_kinds("Erling Haaland agrees new Nike contract") == set()
    # An assistant leaving for a head coach's job is a manager's news.
    assert people_and_kinds("Liverpool assistant manager Johnny Heitinga leaves for Ajax job") == {
        ("Johnny Heitinga", "departure")}
