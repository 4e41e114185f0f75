"""Move words in another sense, or a move looked back on, judged, asked about or taken back,
report nothing; staff coaches and bylines are no subjects. Items written for these tests, in
our own words, about real people and clubs; each test also keeps the news form it borders on."""

from __future__ import annotations

from bot.claims.extract import extract_claims

WHEN = "2026-11-20T09:00:00Z"


def kinds_of(title: str, summary: str = "") -> set[tuple[str, str]]:
    return {(c.subject, c.kind) for c in extract_claims(title, summary, published=WHEN)}


def test_leaving_the_pitch_is_no_exit() -> None:
    assert kinds_of("Bukayo Saka departs early with a thigh problem") == set()
    assert kinds_of("Declan Rice exits injured with ankle knock") == set()
    assert kinds_of("Martin Odegaard leaves after 30 minutes against Fulham") == set()
    assert kinds_of("Bukayo Saka leaves Arsenal") == {("Bukayo Saka", "departure")}


def test_a_deal_with_a_brand_is_no_move() -> None:
    assert kinds_of("Alexander Isak signs a long-term boot deal with Adidas") == set()
    assert kinds_of("Lamine Yamal pens sponsorship contract with Puma",
                    "The Barcelona winger will wear the brand's boots until 2030.") == set()
    assert kinds_of("Alexander Isak signs for Liverpool") == {("Alexander Isak", "completed")}


def test_a_milestone_game_is_no_appointment() -> None:
    assert kinds_of("Mikel Arteta takes charge of his 300th Arsenal game") == set()
    assert kinds_of("Eddie Howe took charge of his landmark 200th Newcastle match on Sunday.") == set()


def test_a_return_as_a_visit_is_no_move() -> None:
    assert kinds_of("Marco Silva savours emotional return to Everton") == set()
    assert kinds_of("Vincent Kompany returns to Burnley to face his old side",
                    "The Bayern boss is back at Turf Moor for the first time since he left.") == set()


def test_a_gerund_about_the_speakers_past_is_looked_back_on() -> None:
    assert kinds_of("Jadon Sancho: leaving Dortmund taught me a lot") == set()
    assert kinds_of("Ivan Toney: moving to Saudi Arabia changed my life") == set()
    assert kinds_of("Raheem Sterling says joining Chelsea felt like a new start") == set()
    assert kinds_of("Jordan Henderson: leaving for Ajax was the right call") == set()
    # The gerund that is the news: "X leaving confirmed", "X: leaving is not ruled out".
    assert kinds_of("Ivan Toney to leave Al-Ahli") == {("Ivan Toney", "departure")}


def test_a_ranking_of_deals_done_reports_no_move() -> None:
    assert kinds_of("The ten best signings of the summer",
                    "Florian Wirtz to Liverpool and Jamie Gittens to Chelsea top our list.") == set()
    assert kinds_of("Ranked: every Premier League deal of the window",
                    "Liverpool signed Hugo Ekitike from Eintracht Frankfurt.") == set()


def test_asked_or_judged_in_a_column_is_no_report() -> None:
    assert kinds_of("Is it time for Chelsea to sell Nicolas Jackson?") == set()
    assert kinds_of("Do Manchester United need to sell Kobbie Mainoo?") == set()
    assert kinds_of("Mailbag: sack Postecoglou, sell Richarlison") == set()
    assert kinds_of("Your say: Arsenal should sign Viktor Gyokeres") == set()
    assert kinds_of("Sell Darwin Nunez, fans tell Liverpool") == set()
    # A report in a question stays one: "X to Arsenal?" is interest.
    assert kinds_of("Manchester United ready to sell Kobbie Mainoo") == {("Kobbie Mainoo", "departure")}


def test_a_report_the_item_takes_back_is_no_claim() -> None:
    assert ("Dusan Vlahovic", "agreement") not in kinds_of(
        "Fact check: Juventus striker not heading to Barcelona",
        "An Italian paper claimed Barcelona had agreed a deal for Dusan Vlahovic. They have not.")
    assert ("Dusan Vlahovic", "agreement") not in kinds_of(
        "No, Barcelona are not signing Dusan Vlahovic",
        "A Spanish outlet reported that Barcelona had agreed a deal for Dusan Vlahovic.")


def test_talk_dismissed_is_no_exit_of_the_speaker() -> None:
    claims = kinds_of("Arteta on Saka", "Mikel Arteta has dismissed talk of Bukayo Saka leaving Arsenal.")
    assert ("Mikel Arteta", "departure") not in claims
    # Waving talk of one's own exit away is a denial, not the exit.
    assert kinds_of("Ange Postecoglou laughs off rumours about his future") == {("Ange Postecoglou", "denial")}


def test_staff_coaches_are_no_subjects() -> None:
    assert kinds_of("Wales appoint new assistant coach",
                    "The FAW have named former Swansea midfielder Leon Britton as assistant to the head coach.") == set()
    assert kinds_of("Chelsea confirm exit",
                    "Chelsea have confirmed that fitness coach Bryce Cavanagh has left the club.") == set()
    # A player's position, and a former assistant made head coach, stay claims.
    assert kinds_of("Wolves to release goalkeeper Jose Sa") == {("Jose Sa", "departure")}
    assert kinds_of("Ghana appoint ex-Manchester United assistant Carlos Queiroz as head coach") == {
        ("Carlos Queiroz", "completed")}


def test_a_byline_is_no_person() -> None:
    claims = kinds_of("Arsenal in talks to sign Serie A defender",
                      "By Sam Dean. Arsenal have opened talks with Bologna over Riccardo Calafiori.")
    assert ("Sam Dean", "talks") not in claims
    assert ("Riccardo Calafiori", "talks") in claims


def test_staying_in_a_mood_is_no_stay_at_a_club() -> None:
    assert kinds_of("Pochettino on why Christian Pulisic is staying positive") == set()
    assert kinds_of("Bukayo Saka stays calm despite England snub") == set()
    assert kinds_of("Bukayo Saka stays at Arsenal") == {("Bukayo Saka", "denial")}


def test_other_parties_and_occasions_are_no_moves() -> None:
    assert kinds_of("Gary Lineker signs new deal with the BBC") == set()
    assert kinds_of("Alexander Isak in talks with Liverpool medical staff over his groin") == set()
    assert kinds_of("Thomas Tuchel takes charge of England for the 20th time") == set()
    assert kinds_of("Harry Kane joins Bayern teammates at the club's Christmas party") == set()
    assert kinds_of("On this day: Liverpool sign Luis Suarez from Ajax") == set()
    assert kinds_of("Marcus Rashford on leaving Manchester United: no regrets") == set()
    # The job itself stays news.
    assert kinds_of("Thomas Frank takes charge of Tottenham") == {("Thomas Frank", "completed")}


def test_the_speakers_own_past_at_any_rung_is_looked_back_on() -> None:
    assert kinds_of("Alexis Mac Allister: I was close to joining Manchester City") == set()
    assert kinds_of("Xabi Alonso: we had talks with Bayern Munich back then") == set()
    # The present and the perfect are news.
    assert kinds_of("Mikel Arteta: we are in talks with Chelsea over Raheem Sterling") == {
        ("Raheem Sterling", "talks")}


def test_a_report_called_false_is_taken_back() -> None:
    assert ("Marcus Rashford", "agreement") not in kinds_of(
        "Rashford latest", "A Spanish paper claimed Barcelona had agreed a deal for Marcus Rashford. "
        "That is wide of the mark, according to people close to the forward.")
    assert ("Alexander Isak", "agreement") not in kinds_of(
        "Arteta on Isak", "There is no truth in reports that Arsenal have agreed a fee for Alexander Isak, says Mikel Arteta.")
    # A report left standing stays a claim.
    assert kinds_of("Newcastle news", "Sky Sports reported on Monday that Newcastle had agreed a fee with "
                    "Brentford for Yoane Wissa.") == {("Yoane Wissa", "agreement")}


def test_every_gerund_move_the_speaker_looks_back_on() -> None:
    assert kinds_of("Raheem Sterling: being loaned out by Chelsea was tough") == set()
    assert kinds_of("Marcus Rashford: going on loan to Aston Villa saved my career") == set()
    assert kinds_of("Philippe Coutinho: leaving Liverpool is my biggest regret") == set()
    assert kinds_of("Gareth Southgate: stepping down was the right thing to do") == set()
    # A decision told in the present is news.
    assert kinds_of("Mohamed Salah: leaving Liverpool is the right decision") == {("Mohamed Salah", "departure")}


def test_more_verdicts_and_media_deals() -> None:
    assert kinds_of("Are Arsenal right to sell Eddie Nketiah?") == set()
    assert kinds_of("Gary Neville signs new Sky deal") == set()
    assert kinds_of("Erling Haaland agrees new Nike contract") == set()
    # An assistant leaving for a head coach's job is a manager's news.
    assert kinds_of("Liverpool assistant manager Johnny Heitinga leaves for Ajax job") == {
        ("Johnny Heitinga", "departure")}
