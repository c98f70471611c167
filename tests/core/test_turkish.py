"""Turkish-aware folding and the forgiving search used by the panel's lists."""

from __future__ import annotations

import pytest

from agentbar.core.turkish import (
    fold,
    matching_rows,
    search_key,
    sort_key,
    turkish_lower,
    turkish_upper,
)


def matches(query: str, name: str = "", number: str = "") -> bool:
    return matches_key(search_key((name,), (number,)), query)


def matches_key(key: str, query: str) -> bool:
    return matching_rows([key], query) in (None, [0])


def test_turkish_lower_and_upper_follow_turkish_rules():
    assert turkish_lower("İSTANBUL") == "istanbul"
    assert turkish_lower("ISPARTA") == "ısparta"
    assert turkish_lower("IŞIK") == "ışık"
    assert turkish_upper("istanbul") == "İSTANBUL"
    assert turkish_upper("ılık") == "ILIK"
    # Python's own lower() gets both wrong; ours must not.
    assert "İ".lower() != "i"
    assert turkish_lower("İ") == "i"


@pytest.mark.parametrize("letter", ["i", "ı", "İ", "I"])
def test_the_four_i_letters_fold_to_one(letter):
    assert fold(letter) == "i"


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("istanbul", "İSTANBUL"),
        ("ismail", "İSMAİL"),
        ("İSMAİL", "ismail"),
        ("ışık", "IŞIK"),
        ("IŞIK", "ışık"),
        ("isik", "Işık"),  # an English keyboard: i for ı, s for ş
        ("yildiz", "Mustafa Yıldız"),
        ("YILDIZ", "yıldız"),
        ("sahin", "Emre Şahin"),
        ("cagla", "ÇAĞLA"),
        ("ozturk", "Ahmet Öztürk"),
        ("ÖZTÜRK", "ahmet öztürk"),
        ("güneş", "GUNES"),
        ("kâzım", "Kazım"),
        ("ayse yilmaz", "Ayşe Yılmaz"),  # every word must occur, in any order
        ("yilmaz ayse", "Ayşe Yılmaz"),
    ],
)
def test_search_is_turkish_aware_and_forgiving(query, name):
    assert matches(query, name)


@pytest.mark.parametrize(
    ("query", "name"),
    [("istanbul", "ANKARA"), ("ayse demir", "Ayşe Yılmaz"), ("şule", "Sibel")],
)
def test_search_still_discriminates(query, name):
    assert not matches(query, name)


@pytest.mark.parametrize(
    "query",
    [
        "05321234567",
        "0532 123 45 67",
        "(0532) 123-4567",
        "+90 532 123 45 67",
        "0090532123",
        "4567",
        "532123",
    ],
)
def test_number_queries_compare_digits(query):
    assert matches(query, number="05321234567")


def test_number_query_does_not_match_names_or_other_numbers():
    assert not matches("0533", "Ali 0532", "05321234567")
    assert not matches("1004", number="05321234567")


def test_empty_query_matches_everything():
    assert matches("", "x")
    assert matches("   ")


def test_mixed_words_and_digits():
    assert matches("ali 0532", "Ali Acar", "05321234567")
    assert not matches("veli 0532", "Ali Acar", "05321234567")


def test_the_separator_keeps_text_and_digits_apart():
    # a word cannot match across the name and the number
    assert not matches("acar0532", "Ali Acar", "05321234567")
    assert matches("acar 0532", "Ali Acar", "05321234567")


def test_sort_key_is_turkish_alphabetical_order():
    words = [
        "zeki",
        "Işık",
        "ismail",
        "Çağla",
        "cem",
        "Şule",
        "sibel",
        "Ömer",
        "oğuz",
        "İpek",
        "ılık",
    ]
    assert sorted(words, key=sort_key) == [
        "cem",
        "Çağla",
        "ılık",
        "Işık",
        "İpek",
        "ismail",
        "oğuz",
        "Ömer",
        "sibel",
        "Şule",
        "zeki",
    ]


@pytest.mark.parametrize(
    "query",
    ["", "  ", "i", "isik", "ISIK yildiz", "0532", "+90 532 123", "ş", "xyz", "ali veli 05"],
)
def test_matching_rows_over_many_keys_agrees_with_each_key_alone(query: str) -> None:
    keys = [
        search_key((name,), (number,))
        for name, number in [
            ("Işık Yıldız", "05321234567"),
            ("ALİ VELİ", "+90 532 765 43 21"),
            ("Şule Çelik", "02125550000"),
            ("", "1004"),
            ("isik", ""),
        ]
    ]
    expected = [i for i, key in enumerate(keys) if matches_key(key, query)]
    rows = matching_rows(keys, query)
    assert (list(range(len(keys))) if rows is None else rows) == expected
    assert (rows is None) == (not query.strip())
