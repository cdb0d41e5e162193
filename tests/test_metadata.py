"""The UN's metadata records: Member States by one name and code, subjects that are subjects."""
from __future__ import annotations

import json
import re
import tomllib
from importlib.resources import files

import pytest

from graph_builder.readers.metadata import member_states, read_state_list, read_states


def test_every_member_and_observer_state_has_one_iso_code():
    states = member_states()
    countries = tomllib.loads(files("graph_builder").joinpath("data/countries.toml").read_text(encoding="utf-8"))
    members = {c["name"] for c in countries["country"] if c.get("status") == "member"}
    observers = {c["name"] for c in countries["country"] if c.get("status") == "observer"}
    assert len(members) == 193 and observers == {"Holy See", "State of Palestine"}
    assert set(states.code) == members | observers
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in states.code.values())
    assert len(set(states.code.values())) == len(states.code)  # no two States share a code
    # a few codes that differ from the name's first letters
    assert {states.code[n] for n in ("Germany", "Côte d’Ivoire", "Democratic People’s Republic of Korea", "Holy See",
                                    "Switzerland", "State of Palestine")} == {"DEU", "CIV", "PRK", "VAT", "CHE", "PSE"}


@pytest.mark.parametrize("entry, states", [
    ("COTE D'IVOIRE", ("Côte d’Ivoire",)),
    ("Côte d’Ivoire", ("Côte d’Ivoire",)),
    ("CÔTE D'IVOIRE", ("Côte d’Ivoire",)),
    ("DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", ("Democratic People’s Republic of Korea",)),
    ("REPUBLIC OF KOREA", ("Republic of Korea",)),
    ("UNITED STATES AND VIET NAM", ("United States of America", "Viet Nam")),
    ("MAURITANIA AND UNITED REPUBLIC OF TANZANIA", ("Mauritania", "United Republic of Tanzania")),
    ("BARBADOS. DOMINICAN REPUBLIC", ("Barbados", "Dominican Republic")),
    ("GE RMANY", ("Germany",)),
    ("THEREPUBLIC OF KOREA", ("Republic of Korea",)),
    ("ANTIGUA AND BARBUDA", ("Antigua and Barbuda",)),
    ("NIGER", ("Niger",)),
    ("Nigeria (on behalf of the States Members of the United Nations that are members of the Group of African "
     "States) and Portugal", ("Nigeria", "Portugal")),
    ("INDONESIA (ON BEHALF OF THE STATES MEMBERS OF THE UNITED NATIONS THAT ARE MEMBERS OF THE ASSOCIATION OF "
     "SOUTH-EAST ASIAN NATIONS AND THE STATES PARTIES TO THE TREATY ON THE SOUTHEAST ASIA NUCLEAR-WEAPON-FREE ZONE "
     "(BANGKOK TREATY))", ("Indonesia",)),
    ("Albania, Belgium (on behalf of the States Members of the United Nations that are members of the European "
     "Union), the Dominican Republic, Japan, the United Kingdom, the United States and Viet Nam",
     ("Albania", "Belgium", "Dominican Republic", "Japan", "United Kingdom of Great Britain and Northern Ireland",
      "United States of America", "Viet Nam")),
    # not States, or not only States: nothing, never a guess
    ("SUBMITTED BY THE CHAIR OF THE COMMITTEE", ()),
    ("INTRODUCED IN THE COMMITTEE BY THE REPRESENTATIVE OF AUSTRIA ON BEHALF OF THE BUREAU", ()),
    ("THE REPRESENTATIVE OF BRAZIL ON BEHALF OF THE BUREAU", ()),
    ("GUINEA BISSAUX", ()),
    ("NORTHERN IRELAND", ()),
    ("CHILEs", ()),
])
def test_entries_are_read_to_states(entry, states):
    assert read_states(entry)[0] == states


def test_a_name_broken_over_two_entries_is_one_state():
    assert read_state_list(("CÔTE.", "D'IVOIRE", "SOLOMON", "ISLANDS", "CHINA")) == (
        "Côte d’Ivoire", "Solomon Islands", "China")


def test_reading_entries_is_linear_on_a_long_hostile_entry():
    import time

    entry = "AND, " * 20000 + "THE (" * 5000 + "CONGO"
    start = time.perf_counter()
    read_states(entry)
    assert time.perf_counter() - start < 5


def test_the_corpus_records_name_only_known_states(shared_dir):
    """Every vote entry of every record of the shared corpus: read to States, or dropped with its reason."""
    entries, read, unread = 0, 0, []
    for path in sorted((shared_dir / "corpus").glob("unxml-*/metadata/*.json")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip().strip('"').strip()
            if not line:
                continue
            try:
                record, _ = json.JSONDecoder().raw_decode(line)
            except ValueError:
                continue
            for key in ("MS_in_favour", "MS_against", "MS_abstaining"):
                for entry in record.get(key) or []:
                    entries += 1
                    found, rest = read_states(entry)
                    read += bool(found)
                    if not found:
                        unread.append(entry)
    assert entries > 100_000
    # the votes name States one an entry; the few left are fragments of a name broken over entries
    assert read / entries > 0.999, sorted(set(unread))[:20]


def test_subjects_agenda_items_and_schemes(tmp_path):
    from pyoxigraph import RdfFormat, parse

    from graph_builder.graph.rdf import metadata_ntriples
    from graph_builder.readers.metadata import MetadataRecord

    record = MetadataRecord(symbol="A/HRC/RES/60/1", subjects=(
        ("HUMAN RIGHTS", "UNBIS Thesaurus"), ("Human Rights", "UNBIS Thesaurus"), ("11", "A/HRC/60/1/Rev.1"),
        ("The situation in Cyprus.", "S/"), ("UN. Security Council", "DHLAUTH"),
        ("Security Council resolution 2337 (2017) [on ...]", "DHL"), ("RACIAL DISCRIMINATION", "UNBIS Thesaurus|1004700")),
        in_favour=("COTE D'IVOIRE", "Côte d’Ivoire", "UNITED STATES AND VIET NAM"))
    doc = "https://example.org/unres/doc/A/HRC/RES/60/1"
    triples = [(q.subject.value, q.predicate.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1], q.object.value)
               for q in parse(metadata_ntriples(record, doc), format=RdfFormat.N_TRIPLES)]
    subjects = {o for s, p, o in triples if p == "subject"}
    assert subjects == {"https://example.org/unres/subject/unbis-thesaurus/human-rights",
                        "https://example.org/unres/subject/dhlauth/un-security-council",
                        "http://metadata.un.org/thesaurus/1004700"}
    labels = {s: o for s, p, o in triples if p == "prefLabel"}
    assert labels["https://example.org/unres/subject/unbis-thesaurus/human-rights"] == "HUMAN RIGHTS"
    items = {o for s, p, o in triples if p == "underAgendaItem"}
    assert len(items) == 2
    assert {o for s, p, o in triples if p == "label" and s in items} == {
        "A/HRC/60/1/Rev.1, item 11", "The situation in Cyprus (S/)"}
    schemes = {o for s, p, o in triples if p == "inScheme"}
    assert all("/scheme/" in s for s in schemes)
    voted = sorted(o for s, p, o in triples if p == "votedInFavour")
    assert voted == ["https://example.org/unres/state/civ", "https://example.org/unres/state/usa",
                     "https://example.org/unres/state/vnm"]


def test_one_preferred_label_per_subject_whatever_the_spelling():
    from graph_builder.graph.iri import Minter
    from graph_builder.graph.rdf import subject_triples
    from graph_builder.graph.terms import NT

    added = []
    for label in ("Co\u0302te d'Ivoire. Forces", "Côte d’Ivoire. Forces", "CÔTE D'IVOIRE. FORCES",
                  "A" * 130 + " one", "A" * 130 + " two"):
        subject_triples(lambda s, p, o: added.append((s, p, o)), Minter(), "https://example.org/unres/doc/X", label,
                        "DHLAUTH")
    pref = {}
    for s, p, o in added:
        if p == NT.SKOS_prefLabel:
            pref.setdefault(s, set()).add(o)
    assert len(pref) == 3 and all(len(labels) == 1 for labels in pref.values())
