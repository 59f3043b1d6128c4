"""Who makes a claim, in constructions of the sixth round: an age between a name and its
verb ("X, 64, who …, said"), an office with a nationality ("the Danish envoy"), an office
noun for a person ("the organiser", "директорка «X»"), a pronoun after an office holder, a
time between the subject and its verb ("минулого тижня попередило", "last week warned"),
"repeated", "рассчитывают", and "in writing", which is no one writing. Sentences written
for these tests."""

from __future__ import annotations

from test_claimant_readings5 import _claimant


def test_an_age_between_the_name_and_the_verb_is_skipped():
    text = ("Residents are angry. Mary Holt, 64, who lives on Elm Road, said the drains had "
            "overflowed twice.")
    assert _claimant(text, "the drains had overflowed twice", {"Mary Holt": 1}, {1}) == 1


def test_an_office_with_a_nationality_is_the_person_named_with_it():
    text = ("Talks resumed in Oslo. Danish envoy Karin Lund and Nils Berg met at noon. "
            "\"We are close,\" the Danish envoy said.")
    assert _claimant(text, "\"We are close,\"", {"Karin Lund": 1, "Nils Berg": 2},
                     {1, 2}) == 1


def test_the_organiser_is_the_person_introduced_as_one():
    text = ("Lena Ford, chief organiser of the Tenants' Union, spoke first. Then the mayor "
            "spoke. The organiser added that the union would strike in June.")
    assert _claimant(text, "the union would strike in June",
                     {"Lena Ford": 1, "Tenants' Union": 2}, {1}) == 1


def test_an_office_before_its_body_is_the_person_not_the_body():
    text = ("Директорка компанії Ірина Коваль відвідала підстанцію. Потім приїхали "
            "рятувальники. Директорка «Світлої мережі» заявила, що ремонт завершено. "
            "«Ми впоралися», — сказала вона.")
    tags = {"Ірина Коваль": 1, "Світлої мережі": 2}
    assert _claimant(text, "ремонт завершено", tags, {1}) == 1
    assert _claimant(text, "«Ми впоралися»", tags, {1}) == 1


def test_a_time_between_the_subject_and_the_verb_is_skipped():
    text = ("Міністерство освіти минулого тижня попередило, що канікули можуть подовжити.")
    assert _claimant(text, "канікули можуть подовжити", {"Міністерство освіти": 1}) == 1
    text = "The ministry last week warned that the canal would close."
    assert _claimant(text, "the canal would close", {"ministry": 2}) == 2


def test_repeated_and_rasschityvayut_report_speech():
    text = "Brussels, for its part, repeated that the old quotas stand."
    assert _claimant(text, "the old quotas stand", {"Brussels": 1}) == 1
    text = "Власти Таджикистана рассчитывают, что экспорт вырастет."
    assert _claimant(text, "экспорт вырастет", {"Таджикистана": 2}) == 2


def test_in_writing_is_no_one_writing():
    text = ("Ruth Cole said the offer had been sent to the Port Board in writing and that no "
            "reply had come.")
    assert _claimant(text, "no reply had come", {"Ruth Cole": 1, "Port Board": 2}, {1}) == 1


def test_its_voice_is_the_body_named_before():
    text = ("The World Bank has funded roads here since 2015. The bank will pay for six "
            "bridges, its office in Baku said.")
    assert _claimant(text, "The bank will pay for six bridges", {"World Bank": 1}) == 1


def test_a_bodys_plan_says_what_it_expects():
    text = "По плану Минфина, дефицит бюджета сократится вдвое."
    assert _claimant(text, "дефицит бюджета сократится вдвое", {"Минфина": 1}) == 1
    text = "За планом Мінфіну, дефіцит скоротиться."
    assert _claimant(text, "дефіцит скоротиться", {"Мінфіну": 2}) == 2


def test_a_participle_clause_between_the_speaker_and_the_verb():
    text = ("The Roads Agency has promised new signs. An agency official, asked about the "
            "cost, said the signs were cheap.")
    assert _claimant(text, "the signs were cheap", {"Roads Agency": 1, "agency": 1}) == 1


def test_according_to_after_a_conjunction_heads_the_clause_after_it():
    text = ("Тогда мэрия пообещала новый договор, но, по данным профсоюза, его так и не "
            "подписали.")
    assert _claimant(text, "его так и не подписали", {"мэрия": 1, "профсоюза": 2}) == 2
    text = "The city offered a deal, but, according to the union, it was never signed."
    assert _claimant(text, "it was never signed", {"city": 1, "union": 2}) == 2
