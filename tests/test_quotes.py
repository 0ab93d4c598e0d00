"""Quotes: marks, paragraphs, split quotes, cues, speakers, partial quotes, the seeds, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc import Quote, extract_quotes
from tests.conftest import fixture_inputs

FIXTURES = Path(__file__).parent / "fixtures"


def _only(text: str) -> Quote:
    quotes = extract_quotes(text)
    assert len(quotes) == 1, quotes
    return quotes[0]


def _texts(text: str) -> list[str]:
    return [quote.text for quote in extract_quotes(text)]


# -- 1. mark styles --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "“The bridge opens in May,” the mayor said.",
        '"The bridge opens in May," the mayor said.',
        "''The bridge opens in May,'' the mayor said.",
        "``The bridge opens in May,'' the mayor said.",
        "„The bridge opens in May“, the mayor said.",
        "« The bridge opens in May », the mayor said.",
        "»The bridge opens in May«, the mayor said.",
    ],
)
def test_every_mark_style(text: str) -> None:
    quote = _only(text)
    assert quote.text == "The bridge opens in May"
    assert quote.speaker == "the mayor"
    assert quote.cue == "said"


def test_straight_marks_take_their_direction_from_the_spaces_around_them() -> None:
    text = 'He called it "fair" and then said: "We will sign on Monday."'
    assert _texts(text) == ["fair", "We will sign on Monday."]


def test_single_quotes_inside_double_ones_are_content() -> None:
    quote = _only("“They told me ‘no way’ twice,” Ann Lee said.")
    assert quote.text == "They told me ‘no way’ twice"


def test_apostrophes_are_never_marks() -> None:
    text = "The Clintons’ house, built in the ’90s, isn’t for sale, the agent said. Don't ask."
    assert extract_quotes(text) == ()


# -- 2. paragraphs and stray marks -----------------------------------------------------------


def test_a_quote_reopened_in_the_next_paragraph_is_one_quote() -> None:
    text = (
        "“We will rebuild the harbour,” the minister said. “The work starts in spring.\n\n"
        "“It will take three years.”"
    )
    quotes = extract_quotes(text)
    assert len(quotes) == 2
    assert quotes[1].text == "The work starts in spring.\n\n“It will take three years."
    assert quotes[1].speaker == "the minister"


def test_one_stray_mark_does_not_lose_the_rest_of_the_quotes() -> None:
    text = (
        "The council met on “Monday at noon.\n\n"
        "“We approved the budget,” the mayor said.\n\n"
        "“The vote was unanimous,” the clerk added."
    )
    quotes = extract_quotes(text)
    assert [(q.text, q.speaker) for q in quotes[-2:]] == [
        ("We approved the budget", "the mayor"),
        ("The vote was unanimous", "the clerk"),
    ]


def test_offsets_point_into_the_text() -> None:
    text = "Intro.\n\n“First,” said Ann Lee. “Second.”"
    for quote in extract_quotes(text):
        assert text[quote.start : quote.end] == quote.text


# -- 3. split quotes ---------------------------------------------------------------------------


def test_a_quote_split_by_its_attribution_gives_both_parts_the_same_speaker() -> None:
    text = (
        "“This is a disgusting day,” said Maria Lopez, head of the tenants’ union. "
        "“The owners have broken every promise.”"
    )
    first, second = extract_quotes(text)
    assert (first.text, second.text) == (
        "This is a disgusting day",
        "The owners have broken every promise.",
    )
    assert first.speaker == second.speaker == "Maria Lopez"


# -- 4. where the cue sits ---------------------------------------------------------------------


def test_cue_after_with_a_pronoun_resolved_to_the_name() -> None:
    text = "Foreign minister Anna Berg met the envoy. “Threats are not diplomacy,” she said."
    assert _only(text).speaker == "Anna Berg"


def test_cue_before_with_a_colon() -> None:
    text = "Judge Peter Stone scolded him: “You knew the rules.”"
    quote = _only(text)
    assert (quote.speaker, quote.cue) == ("Peter Stone", "scolded")


def test_cue_in_the_previous_paragraph() -> None:
    text = "The Evening Courier reports:\n\n“The port will close for a week.”"
    assert _only(text).speaker == "Evening Courier"


def test_inverted_cue_takes_the_name_not_the_title() -> None:
    text = "“We will win this seat,” said Donna Reyes, the interim chairwoman of the party."
    assert _only(text).speaker == "Donna Reyes"


def test_dash_credit() -> None:
    text = "“Mr. Lamb embodies the worst of this campaign.” — Sonia Hart"
    assert _only(text).speaker == "Sonia Hart"


def test_according_to() -> None:
    text = "The plan is “dead on arrival,” according to Senator Tom Wells."
    quote = _only(text)
    assert (quote.speaker, quote.cue) == ("Tom Wells", "according to")


# -- 5. cues beyond "say" ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("“Vote early,” Ann Lee tweeted.", "tweeted"),
        ("“Vote early,” Ann Lee wrote.", "wrote"),
        ("“Vote early,” Ann Lee told reporters.", "told"),
        ("“Vote early,” Ann Lee added.", "added"),
        ("“Vote early,” Ann Lee insisted.", "insisted"),
        ("“Vote early,” Ann Lee warned.", "warned"),
        ("“Will you vote early?” Ann Lee asked.", "asked"),
        ("“Vote early,” the leaflet reads.", "reads"),
    ],
)
def test_reporting_verbs(sentence: str, cue: str) -> None:
    assert _only(sentence).cue == cue


# -- 6. speakers -------------------------------------------------------------------------------


def test_a_surname_is_resolved_to_the_full_name() -> None:
    text = "Mayor Sarah Wouters opened the bridge. “It took ten years,” Wouters said."
    assert _only(text).speaker == "Sarah Wouters"


def test_pronouns_agree_in_gender() -> None:
    text = (
        "Mr. Karel Maes and Mrs. Ilse Peeters both spoke. "
        "“The river is rising,” she warned.\n\n“We must act,” he said."
    )
    first, second = extract_quotes(text)
    assert first.speaker == "Ilse Peeters"
    assert second.speaker == "Karel Maes"


def test_first_person_inside_the_quote_is_never_the_speaker() -> None:
    quote = _only("Ann Lee arrived late. “I think we will win,” she said.")
    assert quote.speaker == "Ann Lee"


def test_organisations_and_documents_speak_too() -> None:
    assert _only("“The line is closed,” the ministry said.").speaker == "the ministry"
    assert _only("“Applications close on Friday,” the statement reads.").speaker == (
        "the statement"
    )


def test_nobody_named_gives_no_speaker() -> None:
    quote = _only("“Nobody saw it coming.”")
    assert quote.speaker is None


def test_a_paragraph_that_is_only_a_quote_inherits_the_previous_speaker() -> None:
    text = "“We are ready,” coach Lena Smit said.\n\n“The team has never been fitter.”"
    assert [quote.speaker for quote in extract_quotes(text)] == ["Lena Smit", "Lena Smit"]


# -- 6b. where the speaker stands in the writer's sentence ---------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A participle after a comma belongs to the subject of the clause's verb.
        (
            "Mayor Tom Wuyts took to the radio on Monday, saying, “The pool stays open.”",
            "Tom Wuyts",
        ),
        # Without the comma, a thing that carries words says them itself.
        ("A fan held up a sign saying “Bring back the tram.”", "a sign"),
        # Whatever stands between a quote ending with a comma and its verb is the subject.
        (
            "“We will appeal,” the union's longtime negotiator Karel Peeters told reporters.",
            "Karel Peeters",
        ),
        (
            "“We will appeal,” the soft-spoken, 64-year-old negotiator said.",
            "the soft-spoken, 64-year-old negotiator",
        ),
        # An age between commas is an appositive, a place after the name qualifies it.
        ("“We will appeal,” Karel Peeters, 64, said.", "Karel Peeters"),
        ("“We will appeal,” Karel Peeters of the Antwerp dockers' union wrote.", "Karel Peeters"),
        # "his deputy" introduces the name; "his" is not the speaker.
        ("“We will appeal,” added his deputy Mark Olsen.", "Mark Olsen"),
        # "her post" is a noun, not the verb "post".
        (
            "Ann Lee asked the judge to leave her post and said, “The court has lost its way.”",
            "Ann Lee",
        ),
    ],
)
def test_the_speaker_in_the_writers_sentence(text: str, speaker: str) -> None:
    assert _only(text).speaker == speaker


def test_a_participle_after_a_comma_belongs_to_the_subject_of_the_clause() -> None:
    text = "“The pool stays open,” Ines Maes said, adding: “We found the money.”"
    assert [quote.speaker for quote in extract_quotes(text)] == ["Ines Maes", "Ines Maes"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A source label before a colon, as digests write them.
        ("More from the audit office: “The books do not balance.”", "the audit office"),
        ("Turnout was high - Pollster Ruth Maes: “Nobody expected this.”", "Ruth Maes"),
        # A sentence that opens with a phrase, then its subject, then a colon.
        (
            "In a radio interview on Friday, Mayor Tom Wuyts went further: “It is a scandal.”",
            "Tom Wuyts",
        ),
        (
            "A footnote in the report makes it clear: “These figures are estimates.”",
            "A footnote in the report",
        ),
        # A reporting verb among the last words, with no colon.
        ("The ad claims “Jan is the candidate you can trust.”", "The ad"),
        # The name before the appositives, not a place inside them.
        ("Piet Claes, of Ghent, Belgium, said, “The harbour will close.”", "Piet Claes"),
        (
            "At one point on Sunday, Els Wouters, who has many followers, wrote, "
            "“The harbour will close.”",
            "Els Wouters",
        ),
        # A party label's period does not end the sentence.
        ("“We will vote no,” Sen. Maria Lopez (D-Fla.) said on Monday.", "Maria Lopez"),
        # An adverb between the subject and the verb.
        ("Ann Lee initially said in May, when the story broke, “I sent nothing.”", "Ann Lee"),
        # A chain of participles led by a name.
        (
            "Critics piled on, with Tom Baker tweeting that it was a disaster and asking, "
            "“Who approved this?”",
            "Tom Baker",
        ),
        # Inverted after an opening clause.
        (
            "Because of how the rules were written, explained Rosenberg, “the race is over.”",
            "Rosenberg",
        ),
        # The sentence before names the speaker with its last words.
        (
            "Or maybe it is the mayor, consultant Phil Musser says. “People want a change.”",
            "Phil Musser",
        ),
        # A part of a group speaks.
        (
            "“There is no path,” said one of those advisers, who asked not to be named.",
            "one of those advisers",
        ),
        # An opening time phrase before the subject, then a participle.
        (
            "Hours later, Tom Baker returned the compliment to the mayor, telling reporters, "
            "“We will pay.”",
            "Tom Baker",
        ),
        # The subject of the verb an infinitive depends on.
        ("Ann Lee was quick to add: “Nobody will lose their job.”", "Ann Lee"),
        # A name that is the object of a participle inside the subject is not the speaker.
        (
            "A second official speaking to Radio Noord said, “The dike held.”",
            "A second official",
        ),
        # Two-word reporting verbs.
        ("“That is simply untrue,” Tom Baker shot back.", "Tom Baker"),
        ("“And another thing,” Ann Lee went on.", "Ann Lee"),
        # A role with its "of" complement before the name.
        ("“Welcome, all of you,” said master of ceremonies Piet Claes.", "Piet Claes"),
        ("“The talks are over,” said Minister of Finance Ann Lee.", "Ann Lee"),
        # The subject of the main clause, after a subordinate clause of its own.
        (
            "When asked whom she would vote for, Ms. Ann Lee smiled and said, “Nobody yet.”",
            "Ann Lee",
        ),
        # An appositive the writer did not close with a comma.
        (
            "“The polls are wrong,” Tom Baker, the analyst who founded the site tweeted.",
            "Tom Baker",
        ),
    ],
)
def test_more_places_a_speaker_is_named(text: str, speaker: str) -> None:
    assert _only(text).speaker == speaker


def test_a_dash_credit_on_the_line_below_names_the_speaker() -> None:
    text = (
        "The fact check looked at three claims.\n\n"
        "“The harbour has never been busier.”\n\n— Ann Lee.\n\n"
        "Traffic rose by two percent, the port says."
    )
    assert _only(text).speaker == "Ann Lee"


def test_a_sentence_adverb_is_not_a_speaker() -> None:
    text = "Wait, there is more:\n\n“The council never voted on the plan at all.”"
    assert _only(text).speaker != "Wait"


@pytest.mark.parametrize("repeats", [1, 12])  # a short text, and one of over 20,000 characters
def test_a_word_the_text_also_writes_in_lower_case_is_not_a_name(repeats: int) -> None:
    paragraph = "The officials of the district met again on Monday about the bridges. " * 20
    surnames = [f"Quarrington{letter}" for letter in "abcdefghijklmnopqrst"]
    named = "".join(
        f"“Point {number} stands,” {surname} said.\n\nThe meeting ended.\n\n"
        for number, surname in enumerate(surnames)
    )
    text = (paragraph + "\n\n") * repeats + named + "“The road stays shut,” Bridges said."
    quotes = extract_quotes(text)
    # Twenty names no lower-case word matches, then "Bridges": a common word, not a name.
    assert [quote.speaker for quote in quotes] == [*surnames, None]


def test_a_quote_after_the_first_ones_attribution_goes_on_with_it() -> None:
    text = "“The plan is dead,” Cruz told reporters in Fort Mill, S.C. “It never had a chance.”"
    assert [quote.speaker for quote in extract_quotes(text)] == ["Cruz", "Cruz"]


@pytest.mark.parametrize(
    "text",
    [
        # A subject after an opening phrase outranks the person it acts on.
        "On Tuesday, Ann Peeters criticized officer Lisa Maes for the arrest.\n\n"
        "“How many times must we see this,” she said.",
        # Titles and roles before the name leave it the subject.
        "Conservative economist Ann Peeters said the plan was vague, and Lisa Maes agreed.\n\n"
        "Later, Ann Peeters spoke again.\n\n“I see no details,” she said.",
        # A name followed by a reporting verb is the latest speaker, even with no quote.
        "“We are ready,” said Lisa Maes.\n\nThe harbour may close, Ann Peeters said in her "
        "interview.\n\n“If it closes, thousands lose work,” she said.",
    ],
)
def test_she_is_the_subject_who_spoke_last(text: str) -> None:
    assert extract_quotes(text)[-1].speaker == "Ann Peeters"


def test_a_name_inside_a_quote_is_not_the_next_pronouns_antecedent() -> None:
    text = "Tom Baker wrote a column.\n\n“If Karel Peeters wants this, he should say so,” he wrote."
    assert _only(text).speaker == "Tom Baker"


def test_a_title_inside_a_run_of_capitals_starts_the_name() -> None:
    text = "Former Antwerp Gov. Ed Rendell spoke first.\n\n“We will win this,” he said."
    assert _only(text).speaker == "Ed Rendell"


def test_a_time_is_not_a_person() -> None:
    text = (
        "Jan Smit walked in the park. Late Saturday the curfew was lifted.\n\n"
        "“It was calm,” he said."
    )
    assert _only(text).speaker == "Jan Smit"


def test_a_new_sentence_after_a_quote_that_reports_more_speech_is_not_its_attribution() -> None:
    text = (
        "“We will appeal,” Karel Peeters said. “The ruling is wrong.” "
        "Governor Anna Berg said she would not intervene."
    )
    assert [quote.speaker for quote in extract_quotes(text)] == ["Karel Peeters", "Karel Peeters"]


def test_a_sentence_after_a_quote_that_ends_with_a_colon_leads_into_the_next_quote() -> None:
    text = (
        "At a press conference, Ann Lee firmly declared, “I sent nothing.” "
        "The minister reiterated: “I know the rules.”"
    )
    assert [quote.speaker for quote in extract_quotes(text)] == ["Ann Lee", "The minister"]


def test_a_lead_in_with_a_comma_beats_the_next_sentence() -> None:
    text = (
        "Omar wrote to Lisa Stone, telling her, “You are the best!” She replied that it was kind."
    )
    assert _only(text).speaker == "Omar"


# -- 7. partial quotes, scare quotes, titles, nicknames ------------------------------------------


def test_a_partial_quote_has_its_speaker() -> None:
    quote = _only("Minister Jan Claes described the plan as “unacceptable”.")
    assert quote.partial
    assert quote.speaker == "Jan Claes"


def test_titles_and_nicknames_are_not_quotes() -> None:
    assert extract_quotes("She appeared on “Fox News Sunday” last week.") == ()
    assert extract_quotes('Marcia "Cia" Price won the seat.') == ()


def test_a_scare_quote_nobody_said_is_not_a_quote() -> None:
    assert extract_quotes("The so-called “reform” raised taxes.") == ()


# -- 8. languages ------------------------------------------------------------------------------


def test_marks_work_in_any_language_and_dutch_has_a_lexicon() -> None:
    quote = _only("„We zijn klaar”, zei burgemeester Anne Vos.")
    assert quote.text == "We zijn klaar"
    dutch = extract_quotes("“We zijn klaar”, zei burgemeester Anne Vos.", language="nl")
    assert dutch[0].speaker == "Anne Vos"
    assert dutch[0].cue == "zei"


def _speakers(text: str, language: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.cue) for q in extract_quotes(text, language=language)]


def test_german_has_a_lexicon_with_compound_roles_and_so() -> None:
    text = (
        "Verbandschefin Karin Holm kritisierte den Plan am Montag. „Das geht zu weit“, sagte "
        "sie in Kiel. „Wir klagen notfalls“, so Holm. Laut Ministerium ist das „unbegründet“."
    )
    assert _speakers(text, "de") == [
        ("Das geht zu weit", "Karin Holm", "sagte"),
        ("Wir klagen notfalls", "Karin Holm", "so"),
        ("unbegründet", "Ministerium", "laut"),
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (
            "en",
            'The MEP Ruth Hale was unconvinced: "The rules come too late."',
            [("The rules come too late.", "Ruth Hale", None)],
        ),
        (
            "de",
            "Die Bürgermeisterin Lena Brandt eröffnete die Brücke. „Endlich“, sagte Brandt. "
            "Der FDP-Politiker Tim Seidel bemängelte die Kosten: „Viel zu teuer.“",
            [("Endlich", "Lena Brandt", "sagte"), ("Viel zu teuer.", "Tim Seidel", "bemängelte")],
        ),
        (
            "fr",
            "Le sénateur Luc Faure a critiqué le projet : « Il arrive trop tard. »",
            [("Il arrive trop tard.", "Luc Faure", "critiqué")],
        ),
        (
            "it",
            "«Apriamo a maggio», ha detto Sara Conti. Il consigliere Enzo Greco era scettico: "
            "«Non ci credo».",
            [("Apriamo a maggio", "Sara Conti", "detto"), ("Non ci credo", "Enzo Greco", None)],
        ),
        (
            "nl",
            'Wethouder Bram Mulder was tevreden: "De brug ligt er eindelijk." Raadslid Eva Smit '
            'kritiseerde de kosten: "Veel te duur."',
            [
                ("De brug ligt er eindelijk.", "Bram Mulder", None),
                ("Veel te duur.", "Eva Smit", "kritiseerde"),
            ],
        ),
    ],
)
def test_a_role_and_its_article_before_a_name_are_not_the_speaker(
    language: str, text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    # And a new person who opens the sentence before a colon speaks, not the previous speaker.
    assert _speakers(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("it", "Mirko Bianchi e Gaia Rossi hanno discusso. «È falso», ha detto lei.", "Gaia Rossi"),
        ("nl", 'Piet Jansen en Femke Smit debatteerden. "Dat klopt niet", zei ze.', "Femke Smit"),
        ("es", 'Iñaki Ruiz y Nerea Gómez debatieron. "Eso es falso", dijo ella.', "Nerea Gómez"),
    ],
)
def test_a_pronoun_agrees_with_the_first_names_of_the_texts_language(
    language: str, text: str, speaker: str
) -> None:
    # Each lexicon language has a file of first names with their gender, as English has.
    assert [quote.speaker for quote in extract_quotes(text, language=language)] == [speaker]


def test_a_german_role_and_what_it_serves_is_not_a_person() -> None:
    # "Sprecherin der Stadt" is not a name "sie" could stand for.
    text = (
        "Jana Roth, Sprecherin der Stadt, teilte mit: „Der Haushalt steht.“ Der Rat stimmte "
        "zu. „Wir sind zufrieden“, sagte sie."
    )
    assert [speaker for _, speaker, _ in _speakers(text, "de")] == ["Jana Roth", "Jana Roth"]


def test_french_compound_past_inversion_and_elision() -> None:
    text = (
        "Émilie Vasseur a quitté Lyon lundi. « Je reviendrai », a-t-elle affirmé. "
        "« Le budget est bouclé », a déclaré le bourgmestre lors du conseil. "
        "D'après l'ambassadeur, la crise est « profonde ». "
        "« Nous avons gagné », s'est réjoui D'Angelo Marchal."
    )
    assert _speakers(text, "fr") == [
        ("Je reviendrai", "Émilie Vasseur", "affirmé"),
        ("Le budget est bouclé", "le bourgmestre", "déclaré"),
        ("profonde", "l'ambassadeur", "d'après"),
        ("Nous avons gagné", "D'Angelo Marchal", "réjoui"),
    ]


def test_french_pronoun_after_the_verb() -> None:
    text = (
        "Paul Garnier, député de la Somme, a voté contre. « C'est une erreur », "
        "estime-t-il. « Il faut tout revoir », ajoute-t-il."
    )
    assert _speakers(text, "fr") == [
        ("C'est une erreur", "Paul Garnier", "estime"),
        ("Il faut tout revoir", "Paul Garnier", "ajoute"),
    ]


def test_spanish_drops_the_subject_and_names_after_the_role() -> None:
    text = (
        "Lucía Ferrer visitó la planta de Vigo. «Es un buen día», dijo el martes. "
        "«No habrá despidos», aseguró la portavoz de la empresa, Marta Ibáñez. "
        "Según el sindicato, el acuerdo es «insuficiente»."
    )
    assert _speakers(text, "es") == [
        ("Es un buen día", "Lucía Ferrer", "dijo"),
        ("No habrá despidos", "Marta Ibáñez", "aseguró"),
        ("insuficiente", "el sindicato", "según"),
    ]


def test_spanish_dialogue_dashes_are_quotation_marks() -> None:
    text = (
        "El alcalde, Tomás Vidal, presentó el plan de barrios el lunes.\n"
        "—Estamos listos —dijo Vidal—. Empezamos mañana.\n"
        "—¿Y el presupuesto? —preguntó una vecina.\n"
        "La reunión terminó a las diez."
    )
    quotes = newsdoc.extract_quotes(text, language="es")
    assert [(q.text, q.speaker, q.cue, q.partial) for q in quotes] == [
        ("Estamos listos", "Tomás Vidal", "dijo", False),
        ("Empezamos mañana.", "Tomás Vidal", "dijo", False),
        ("¿Y el presupuesto?", "una vecina", "preguntó", False),
    ]
    assert all(text[q.start : q.end] == q.text for q in quotes)


def test_marks_inside_dialogue_speech_and_dashes_in_other_languages() -> None:
    text = "Vidal habló con la prensa.\n—«Basta ya», nos dijeron los vecinos —explicó Vidal."
    quotes = newsdoc.extract_quotes(text, language="es")
    assert [(q.text, q.speaker) for q in quotes] == [
        ("«Basta ya», nos dijeron los vecinos", "Vidal")
    ]
    # An English paragraph that opens with a dash is not speech.
    assert newsdoc.extract_quotes("The mayor spoke.\n—We are ready —said the mayor.") == ()


def test_japanese_and_chinese_corner_brackets_are_quotation_marks() -> None:
    text = (
        "港湾局長は会見で「工事は予定通り進んでいる」と述べた。\n"
        "住民は「『安心』できる港にしてほしい」と語った。\n"
        "いわゆる「スマート港湾」とは、荷役を自動化した港のことだ。"
    )
    quotes = newsdoc.extract_quotes(text, language="ja")
    assert [(q.text, q.partial) for q in quotes] == [
        ("工事は予定通り進んでいる", False),
        ("『安心』できる港にしてほしい", False),
    ]
    assert all(text[q.start : q.end] == q.text for q in quotes)
    chinese = "港务局长表示：「工程按计划进行。」"
    assert [q.text for q in newsdoc.extract_quotes(chinese, language="zh")] == ["工程按计划进行。"]


def test_japanese_quotes_have_the_subject_marked_before_or_after_them() -> None:
    text = (
        "港湾局長は会見で「工事は予定通り進んでいる」と述べた。\n"
        "「住民の理解を得たい」と、山田太郎氏は記者団に語った。"
        "彼は「来年には完成する」とも話した。\n"
        "市は「脱獄」とは何かを説明した。"
    )
    assert _speakers(text, "ja") == [
        ("工事は予定通り進んでいる", "港湾局長", "述べた"),
        ("住民の理解を得たい", "山田太郎", "語った"),
        ("来年には完成する", "山田太郎", "話した"),
    ]


def test_chinese_quotes_have_the_speaker_before_the_verb_without_the_role() -> None:
    text = (
        "当天，交通部发言人陈明在会上表示：“工程按计划进行。”他还指出：“明年完工。”\n"
        "“我们会继续监督，”市长王丽说。\n"
        "她称这一做法“不可接受”。"
    )
    assert _speakers(text, "zh") == [
        ("工程按计划进行。", "陈明", "表示"),
        ("明年完工。", "陈明", "指出"),
        ("我们会继续监督，", "王丽", "说"),
    ]


def test_korean_quotes_have_the_subject_its_particle_marks() -> None:
    text = (
        "박지훈 장관은 기자회견에서 “다리는 내년에 완공된다”고 말했다. "
        "그는 “예산은 충분하다”고 덧붙였다.\n"
        "“공사가 늦었다”라고 최유나 의원이 비판했다.\n"
        "정민호 항만국장은 “예정대로 진행된다”고 밝혔다.\n"
        "주민들은 “드디어” 같은 글을 남겼다."
    )
    assert _speakers(text, "ko") == [
        ("다리는 내년에 완공된다", "박지훈", "말했다"),
        ("예산은 충분하다", "박지훈", "덧붙였다"),
        ("공사가 늦었다", "최유나", "비판했다"),
        ("예정대로 진행된다", "정민호", "밝혔다"),  # a compound title goes whole
    ]


@pytest.mark.parametrize(
    ("language", "text", "speaker"),
    [
        ("ko", "하지만 박지훈 장관은 답변을 피했다. 그는 “나중에 말하겠다”고 말했다.", "박지훈"),
        ("ja", "しかし山田太郎氏は会見を開いた。彼は「反省している」と話した。", "山田太郎"),
        ("ja", "市は計画を発表した。彼は「反省している」と話した。", None),
    ],
)
def test_an_east_asian_pronoun_stands_for_the_subject_of_the_sentence_before(
    language: str, text: str, speaker: str | None
) -> None:
    assert [quote.speaker for quote in extract_quotes(text, language=language)] == [speaker]


def test_italian_compound_past_and_dropped_subject() -> None:
    text = (
        "«Siamo pronti», ha detto il sindaco Marco Gatti ai cronisti. "
        "«Nessuno resterà indietro», ha aggiunto. "
        "Secondo la procura, il reato è «grave»."
    )
    assert _speakers(text, "it") == [
        ("Siamo pronti", "Marco Gatti", "detto"),
        ("Nessuno resterà indietro", "Marco Gatti", "aggiunto"),
        ("grave", "la procura", "secondo"),
    ]


def test_a_name_after_a_role_and_a_comma_is_the_speaker() -> None:
    quote = _only("“The figures are wrong,” said the agency spokeswoman, Dana Whitfield.")
    assert quote.speaker == "Dana Whitfield"
    # Without a name after it, the role is the speaker.
    assert _only("“The figures are wrong,” said the agency spokeswoman.").speaker == (
        "the agency spokeswoman"
    )


def test_names_with_accented_and_other_latin_capitals_are_people() -> None:
    quote = _only("Łukasz Wiśniewski left the talks early. “It is over,” he said.")
    assert quote.speaker == "Łukasz Wiśniewski"


# -- the seeds ---------------------------------------------------------------------------------


def test_seed_000_quotes() -> None:
    doc = newsdoc.load(FIXTURES / "prezly/000_8ad76214cebdd4ac.txt")
    by_start = {quote.text.split(",")[0][:40]: quote for quote in doc.quotes}
    for opening in (
        "Threatening embassies is not diplomacy",
        "Belgium is not going anywhere. We are st",
        "The solution to end this cycle of escala",
    ):
        quote = by_start[opening]
        assert quote.speaker == "Maxime Prévot"
        assert not quote.partial
    centres = by_start["decision-making centres"]
    assert centres.partial
    assert centres.speaker is not None
    assert "Foreign Ministry" in centres.speaker
    # The related story's card ("Russia does not attack cities...") is not this story's quote.
    assert all("Russia does not attack" not in quote.text for quote in doc.quotes)


def test_seed_002_quotes() -> None:
    first, second = newsdoc.load_all(FIXTURES / "text/002_cfe5ab7040de100c.txt")
    speakers = {quote.text: quote.speaker for quote in (*first.quotes, *second.quotes)}
    assert speakers["Russia is not an enemy but an ally"] == "Philip Deventer"
    complicit = next(text for text in speakers if text.startswith("complicit in crimes"))
    assert speakers[complicit] == "Dmytro Kuleba"
    assert speakers["it will be too late"] == "Dmytro Kuleba"


# -- offsets, everywhere -----------------------------------------------------------------------


def _fixture_documents() -> list[newsdoc.Document]:
    return [doc for path in fixture_inputs() for doc in newsdoc.load_all(path)]


def test_every_fixture_quote_is_a_slice_of_its_body() -> None:
    documents = _fixture_documents()
    assert sum(len(doc.quotes) for doc in documents) >= 15
    for doc in documents:
        for quote in doc.quotes:
            assert doc.body[quote.start : quote.end] == quote.text


@given(
    st.text(
        alphabet=st.sampled_from(list("ab .,:\n“”\"'„«»`’—SaidHe「」『』と")),
        max_size=300,
    )
)
def test_any_text_gives_quotes_that_are_slices_of_it(text: str) -> None:
    for quote in extract_quotes(text):
        assert text[quote.start : quote.end] == quote.text
        assert quote.start <= quote.end


@given(
    st.text(
        alphabet=st.sampled_from(list("ab .,:;¿?\n«»“”—― dijoEl")),
        max_size=300,
    )
)
def test_any_spanish_text_with_dialogue_dashes_gives_slices_of_it(text: str) -> None:
    for quote in extract_quotes(text, language="es"):
        assert text[quote.start : quote.end] == quote.text
        assert quote.start <= quote.end


def test_a_first_name_tells_which_person_he_or_she_stands_for() -> None:
    text = (
        "Melanie Hart and Bryan Lodge spoke to reporters after the vote.\n\n"
        "“We did not expect to win by this much,” she said."
    )
    assert _only(text).speaker == "Melanie Hart"
    assert _only(text.replace("she said", "he said")).speaker == "Bryan Lodge"


def test_a_name_after_the_end_of_a_title_is_the_next_pronouns_antecedent() -> None:
    text = (
        "“We will respond in kind,” said Tom Reyes, the defence minister.\n\n"
        "Secretary of State Carl Porter said the talks would resume next week.\n\n"
        "“We remain open to talks,” he said."
    )
    assert [quote.speaker for quote in extract_quotes(text)] == ["Tom Reyes", "Carl Porter"]


def test_a_name_inverted_after_its_verb_is_the_next_pronouns_antecedent() -> None:
    text = (
        "“The race is close,” said Tom Reyes, a pollster.\n\n"
        "Debates rarely change a race this late, noted NBC’s Dante Chinni.\n\n"
        "“Most voters have made up their minds,” he wrote."
    )
    assert [quote.speaker for quote in extract_quotes(text)] == ["Tom Reyes", "Dante Chinni"]


def test_the_outlet_a_writer_writes_for_is_not_the_speaker() -> None:
    text = "“The impact of the debate is still small,” wrote Cameron Easley for Morning Consult."
    assert _only(text).speaker == "Cameron Easley"


def test_a_person_introduced_with_a_role_is_the_next_pronouns_antecedent() -> None:
    text = (
        "“Turnout will decide it,” said Tom Reyes, a pollster.\n\n"
        "The gap worries Henry Crespo, president of the county's Democratic caucus.\n\n"
        "“Nobody is writing songs for this campaign,” he said."
    )
    assert [quote.speaker for quote in extract_quotes(text)] == ["Tom Reyes", "Henry Crespo"]


def test_a_title_after_an_abbreviation_does_not_open_a_sentence() -> None:
    text = (
        "Ms. Aung Lwin presided over a summit and set up a commission, overseen by former "
        "U.N. secretary general Kofi Annan, to make recommendations.\n\n"
        "“Unity also means prosperity,” she said."
    )
    assert _only(text).speaker == "Aung Lwin"


def test_a_headline_in_title_case_is_not_one_long_name() -> None:
    text = (
        "Chris Christie Calls Hillary Clinton ‘A Disgrace’ Over Her Comments\n\n"
        "Chris Christie described Hillary Clinton as a disgrace after her remarks.\n\n"
        "On a radio show on Tuesday, Clinton criticized police officer Betty Shelby over the "
        "shooting.\n\n"
        "“How many times do we have to see this?” she said."
    )
    assert _only(text).speaker == "Hillary Clinton"


def test_a_name_after_the_end_of_a_sentence_is_not_lost() -> None:
    text = (
        "“The seat could decide the Senate,” said David Wasserman, an analyst.\n\n"
        "Business leaders met Bobby Scott at the Northern Virginia Urban League. Scott joked "
        "that the race was tighter than it looked.\n\n"
        "“I have always disliked that term,” he told the group."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["David Wasserman", "Bobby Scott"]


def test_the_subject_of_a_participle_after_with_is_the_next_pronouns_antecedent() -> None:
    text = (
        "“The losses would outstrip the gains,” said Lily Batchelder, a law professor.\n\n"
        "It has become an issue in the campaign, with Hillary Clinton — who has called for "
        "higher taxes on the rich — attacking the plan.\n\n"
        "“It would be trickle-down economics all over again,” she said."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Lily Batchelder", "Hillary Clinton"]


def test_a_lead_in_that_opens_with_a_full_date_has_its_subject_after_the_year() -> None:
    text = (
        "Senator Ann Lee spoke on the radio.\n\n"
        "On July 6, 2015, Lee made the following comment:\n\n"
        "“Young people who dropped out of school face a real jobless rate of 51 percent.”"
    )
    assert _only(text).speaker == "Ann Lee"


def test_the_noun_after_a_preposition_is_not_the_speaker() -> None:
    text = (
        "The protesters defied the curfew all night. Protesters marching through the "
        'streets chanted "What curfew?" and kept going until 2 a.m.'
    )
    quote = _only(text)
    assert (quote.speaker, quote.partial) == ("Protesters", True)


def test_a_count_after_of_belongs_to_the_speaker_before_it() -> None:
    text = 'Asked why fathers were left out, the mother of three replied, "It helps everyone."'
    assert _only(text).speaker == "the mother of three"


def test_a_name_before_a_participle_followed_by_a_time_phrase_is_the_speaker() -> None:
    text = "The ad ends with a clip of Ann Lee saying at a rally last week, “We will win this.”"
    assert _only(text).speaker == "Ann Lee"


def test_a_document_before_the_colon_speaks_when_the_sentence_names_nobody() -> None:
    by_finding = "The scale of it is shown by this finding: “Nine firms hold 800 subsidiaries.”"
    assert _only(by_finding).speaker == "this finding"
    by_ministry = "The ministry published the following statement: “We regret the decision.”"
    assert _only(by_ministry).speaker == "The ministry"
