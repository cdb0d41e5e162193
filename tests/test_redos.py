"""Catastrophic backtracking (issue 9): every regular expression of the builder, timed on its worst inputs.

Every pattern is found, not listed by hand: the compiled patterns of every module (also those inside
tuples and dicts), the patterns built on first use from the data files (the gazetteer's tries, the verb
forms, the organs' names, the symbol series, the footnote markers) and every literal pattern passed to a
`re` function in the source.  Each is read the way the builder uses it (USAGE: searched in a whole
clause or line, matched at a position, or searched in a short window before a match), and attacked with
strings made of its own pieces: for every repetition in it, the text that leads there, then thousands
of copies of what the repetition's body can match (each branch, pairs of branches), then a character
that makes the match fail.  An ambiguous repetition (nested quantifiers, branches that overlap under a
quantifier, adjacent quantifiers over the same text) turns that into exponential or polynomial work;
a linear pattern reads it in milliseconds.

HAND lists the attacks found by reading the patterns (the issue's "paragraphs I, I, I, ..." among them),
run through the whole extraction as well.
"""
from __future__ import annotations

import ast
import fnmatch
import importlib
import itertools
import pkgutil
import re
import time
from pathlib import Path

import pytest

import graph_builder
from helpers import deadline

try:  # the parser behind re.compile: 3.11 names it re._parser
    import re._constants as sc
    import re._parser as sp
except ImportError:  # pragma: no cover
    import sre_constants as sc  # type: ignore[no-redef]
    import sre_parse as sp  # type: ignore[no-redef]

SRC = Path(graph_builder.__file__).parent
ATTACK_SECONDS = 2.0  # one attack; a linear pattern takes milliseconds
PATTERN_SECONDS = 30.0  # all the attacks on one pattern (a loaded machine is slower)




# -- every pattern -------------------------------------------------------------------------------

def _walk(obj, name: str, out: dict, depth: int = 0) -> None:
    if isinstance(obj, re.Pattern):
        out.setdefault(name, obj)
    elif depth < 3 and isinstance(obj, dict):
        for k, v in obj.items():
            _walk(v, f"{name}[{k}]", out, depth + 1)
    elif depth < 3 and isinstance(obj, (list, tuple)):
        for i, v in enumerate(obj):
            _walk(v, f"{name}[{i}]", out, depth + 1)
    elif depth < 3 and type(obj).__module__.startswith("graph_builder") and not isinstance(obj, type):
        fields = getattr(obj, "__slots__", None) or list(getattr(obj, "__dict__", {}))
        for k in fields:
            if hasattr(obj, k):
                _walk(getattr(obj, k), f"{name}.{k}", out, depth + 1)


def _literal_patterns() -> dict[str, re.Pattern]:
    """Patterns written inline: re.sub(r"...", ...), re.match(r"...", ...), ... in the source."""
    out: dict[str, re.Pattern] = {}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.func.attr in ("compile", "sub", "subn", "search", "match", "fullmatch", "finditer",
                                           "findall", "split")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                flags = 0
                for kw in node.keywords:
                    if kw.arg == "flags" and isinstance(kw.value, ast.Attribute):
                        flags |= getattr(re, kw.value.attr)
                rel = path.relative_to(SRC).with_suffix("").as_posix().replace("/", ".")
                mode = "match" if node.func.attr in ("match", "fullmatch") else "search"
                out.setdefault(f"graph_builder.{rel}:{node.lineno}:{mode}", re.compile(node.args[0].value, flags))
    return out


def all_patterns() -> dict[str, re.Pattern]:
    out: dict[str, re.Pattern] = {}
    for m in pkgutil.walk_packages(graph_builder.__path__, "graph_builder."):
        mod = importlib.import_module(m.name)
        for k, v in vars(mod).items():
            _walk(v, f"{m.name}.{k}", out)
    from graph_builder.find import actors, gazetteer, verbs
    from graph_builder.find import symbols as find_symbols
    from graph_builder.readers import segment
    from graph_builder.un import symbols

    g = gazetteer.gazetteer()
    _walk(g, "gazetteer.gazetteer()", out)
    _walk(verbs.verb_table(), "verbs.verb_table()", out)
    _walk(actors.directive_pattern(), "actors.directive_pattern()", out)
    from graph_builder import lang

    for code in lang.available():  # every language's phrases, and its verb forms
        _walk(lang.language(code), f"lang.language({code!r})", out)
        _walk(verbs.verb_table(lang.language(code)), f"verbs.verb_table({code!r})", out)
        _walk(find_symbols._grammar(lang.language(code).symbols), f"find_symbols._grammar({code!r})", out)
        if lang.language(code).names:  # a language with names of its own has a gazetteer of its own
            _walk(gazetteer.gazetteer(lang.language(code)).pattern, f"gazetteer.gazetteer({code!r}).pattern", out)
        for label in ("1", "12", "*"):
            _walk(segment.marker_patterns(label, lang.language(code)), f"segment.marker_patterns({label!r}, {code!r})", out)
        for reading in ("", *sorted({i.name for i in symbols.issuers()})):
            _walk(find_symbols._organ_patterns(reading, lang.language(code).symbols)[:4],
                  f"find_symbols._organ_patterns({reading!r}, {code!r})", out)
    _walk(find_symbols._symbol_re(), "find_symbols._symbol_re()", out)
    for reading in ("", *sorted({i.name for i in symbols.issuers()})):
        _walk(find_symbols._organ_patterns(reading)[:4], f"find_symbols._organ_patterns({reading!r})", out)
    _walk(symbols.number_patterns(), "symbols.number_patterns()", out)
    _walk(symbols._symbol_res(), "symbols._symbol_res()", out)
    for label in ("1", "12", "*"):
        _walk(segment.marker_patterns(label), f"segment.marker_patterns({label!r})", out)
    out.update(_literal_patterns())
    # one entry per distinct pattern (the organ patterns of most organs are alike)
    seen: dict[tuple[str, int], str] = {}
    for name, rx in sorted(out.items()):
        seen.setdefault((rx.pattern, rx.flags), name)
    return {name: out[name] for name in sorted(seen.values())}


# How the builder applies a pattern, by name (fnmatch, first that fits):
#   ("search", n)  searched (or finditer, split, sub) in a text of up to n characters (a clause, a line)
#   ("match", n)   matched at one position of such a text
# A pattern used only in a short window is attacked at the window's size; everything else with 50,000
# characters, where a quadratic pattern takes seconds and a linear one milliseconds.
BIG = 50_000
USAGE: list[tuple[str, tuple[str, int]]] = [
    # searched in the 200 characters before a keyword (find_symbols._find_citations)
    ("graph_builder.find.symbols._DRAFT", ("search", 200)),
    ("graph_builder.find.symbols._ITS", ("search", 200)),
    ("graph_builder.find.symbols._PREV_WORD", ("search", 200)),
    ("graph_builder.find.symbols._WORD_BEFORE", ("search", 200)),
    ("find_symbols._grammar(*).prov_before", ("search", 200)),
    ("lang.language(*).symbols.provision_of", ("search", 200)),
    ("lang.language(*).symbols.organ_its", ("search", 200)),
    ("lang.language(*).symbols.organ_including", ("search", 200)),
    ("find_symbols._organ_patterns(*)[0]", ("search", 200)),
    ("find_symbols._organ_patterns(*)[1]", ("search", 200)),
    ("find_symbols._organ_patterns(*)[3]", ("search", 200)),
    # matched where a list of numbers goes on
    ("find_symbols._organ_patterns(*)[2]", ("match", BIG)),
    ("graph_builder.find.symbols._*", ("match", BIG)),
    ("find_symbols._grammar(*).*", ("match", BIG)),
    ("symbols.number_patterns()*", ("match", BIG)),
    # searched in a whole line or clause
    ("graph_builder.readers.cover.ADOPTED_AT", ("search", BIG)),
    ("graph_builder.readers.segment.DRAFT_FOLLOWS", ("search", BIG)),
    ("graph_builder.readers.segment.STRAY_MARKER", ("search", BIG)),
    # matched at the start of a line, a clause, a symbol, or where a verb ends
    ("graph_builder.readers.normalize.*", ("match", BIG)),
    ("graph_builder.readers.cover.*", ("match", BIG)),
    ("graph_builder.readers.segment.*", ("match", BIG)),
    ("graph_builder.find.verbs.TRAILING", ("match", BIG)),
    ("graph_builder.find.verbs.WORD", ("match", BIG)),
    ("verbs.verb_table().pattern", ("match", BIG)),
    ("verbs.verb_table().by_first[*]", ("match", BIG)),  # the part of the pattern for one first word
    ("graph_builder.find.verbs.FIRST_WORD", ("match", BIG)),
    ("symbols._symbol_res()*", ("match", BIG)),
    # searched in the 120 characters before an instrument's name
    ("graph_builder.find.names.PROVISION", ("search", 120)),
    # matched where an instrument's name ends ("…, in particular article 1")
    ("graph_builder.find.names.PROVISION_AFTER", ("match", BIG)),
    # the issuer rule (resolve.is_issuer_mention): matched where a name ends, or searched in a window before it
    ("lang.language(*).resolver.issuer_after", ("match", BIG)),
    ("lang.language(*).resolver.author_after", ("match", BIG)),
    ("lang.language(*).resolver.issuer_before", ("search", 40)),
    ("lang.language(*).resolver.issuer_list_before", ("search", 90)),
    ("lang.language(*).resolver.author_before", ("search", 200)),
    ("lang.language(*).resolver.resolution_adopted_by", ("search", 160)),
    # a report's lead, searched in the 30 characters before its author; the possessive matched where it ends
    ("lang.language(*).resolver.report_lead", ("search", 30)),
    ("lang.language(*).resolver.possessive_report", ("match", BIG)),
    # the readers' lines (lang [reader]): matched at a line's start, but for these searched in a line
    ("lang.language(*).reader.adopted_at", ("search", BIG)),
    ("lang.language(*).reader.draft_follows", ("search", BIG)),
    ("lang.language(*).reader.closing_meeting", ("search", BIG)),
    ("lang.language(*).reader.*", ("match", BIG)),
    # around a cited number (lang [symbols]): searched in the 200 characters before the keyword, matched after it
    ("lang.language(*).symbols.draft", ("search", 200)),
    ("lang.language(*).symbols.its", ("search", 200)),
    ("lang.language(*).symbols.date_after", ("match", BIG)),
    ("lang.language(*).symbols.*", ("match", BIG)),
    # the words after a verb form, matched where it ends; every language's forms, matched at a clause's start
    ("lang.language(*).verbs.trailing", ("match", BIG)),
    ("verbs.verb_table(*).pattern", ("match", BIG)),
    # open names (open_names.py): matched where a name's words end; a comma list within its window
    ("graph_builder.find.open_names.COMMA_LIST", ("match", 300)),
    ("graph_builder.find.open_names.SESSION_OF", ("match", BIG)),
    ("graph_builder.find.open_names.LOWER_TOPIC", ("match", BIG)),
    ("graph_builder.find.open_names.ACRONYM_AFTER", ("match", BIG)),
    # the PDF reader's patterns are matched against one printed line or a clause id; a line's end is searched
    ("graph_builder.readers.pdf.OPEN_END", ("search", BIG)),
    ("graph_builder.readers.pdf.*", ("match", BIG)),
    # a record's agenda scheme ("A/78/251"), matched whole
    ("graph_builder.graph.rdf._AGENDA_SCHEME", ("match", BIG)),
    # searched in the 40 characters before a directive verb
    ("graph_builder.find.actors.LEAD_IN", ("search", 40)),
    # matched at the start of a resolution number (un.symbols) or of a clause id's last part (resolve.resolver)
    ("graph_builder.un.symbols._ROMAN_SESSION", ("match", BIG)),
    ("graph_builder.un.symbols._DIGITS", ("match", BIG)),
    ("graph_builder.resolve.resolver.PARAGRAPH_ID", ("match", BIG)),
    # inline patterns: as their call uses them
    ("graph_builder.*:match", ("match", BIG)),
    # everything else: searched in a whole clause or line
    ("*", ("search", BIG)),
]


def usage(name: str) -> tuple[str, int]:
    plain = name.replace("[", "<").replace("]", ">")  # an index [1] is no character class here
    for glob, use in USAGE:
        if fnmatch.fnmatchcase(plain, glob.replace("[", "<").replace("]", ">")):
            return use
    raise AssertionError(name)


# -- attacks made of a pattern's pieces ------------------------------------------------------------

_REPEATS = (sc.MAX_REPEAT, sc.MIN_REPEAT) + ((sc.POSSESSIVE_REPEAT,) if hasattr(sc, "POSSESSIVE_REPEAT") else ())
_WIDE = 6  # samples kept at each step


def _chars(op, av) -> list[str] | None:
    if op is sc.LITERAL:
        return [chr(av)]
    if op is sc.NOT_LITERAL:
        return ["a" if av != ord("a") else "b"]
    if op is sc.ANY:
        return ["a"]
    if op is sc.CATEGORY:
        return _category(av)
    if op is sc.IN:
        if any(o is sc.NEGATE for o, _ in av):
            return ["a", " ", "1"]
        out: list[str] = []
        for o, a in av:
            if o is sc.LITERAL:
                out.append(chr(a))
            elif o is sc.RANGE:
                out += [chr(a[0]), chr(a[1])]
            elif o is sc.CATEGORY:
                out += _category(a)
        return out[:_WIDE] or ["a"]
    return None


def _category(a) -> list[str]:
    n = str(a)
    if "NOT" in n:
        return ["!"] if "WORD" in n or "DIGIT" in n else ["a"]
    if "DIGIT" in n:
        return ["1"]
    if "SPACE" in n:
        return [" ", "\n"]
    return ["a", "A", "1"]


_SAMPLES: dict[int, tuple[object, list[str]]] = {}


def samples(seq) -> list[str]:
    """A few of the strings a subpattern matches, its branches varied (remembered: a trie nests deep)."""
    hit = _SAMPLES.get(id(seq))
    if hit is not None and hit[0] is seq:
        return hit[1]
    out = _samples(seq)
    _SAMPLES[id(seq)] = (seq, out)
    return out


def _samples(seq) -> list[str]:
    outs = [""]
    for op, av in seq:
        opts = _chars(op, av)
        if opts is None:
            if op is sc.SUBPATTERN:
                opts = samples(av[-1])
            elif op is sc.BRANCH:
                opts = [s for b in av[1] for s in samples(b)]
            elif op in _REPEATS:
                lo, hi, body = av
                opts = [s * max(lo, 1) for s in samples(body)] + ([""] if lo == 0 else [])
            elif op is getattr(sc, "ATOMIC_GROUP", None):
                opts = samples(av)
            else:  # assertions, anchors, group references: no text
                opts = [""]
        outs = sorted({a + b for a in outs for b in opts[:_WIDE]}, key=lambda s: (len(s), s))[:_WIDE]
    return outs


def _node_samples(op, av) -> list[str]:
    key = ("node", id(av))
    hit = _SAMPLES.get(key)  # type: ignore[call-overload]
    if hit is not None and hit[0] is av:
        return hit[1]
    out = _samples([(op, av)])
    _SAMPLES[key] = (av, out)  # type: ignore[index]
    return out


def repetitions(seq, before: list[str]):
    """(what leads to it, what its body matches) for each unbounded or long repetition."""
    for op, av in seq:
        if op in _REPEATS:
            lo, hi, body = av
            if hi is sc.MAXREPEAT or hi > 8:
                yield before, samples(body)
            yield from repetitions(body, before)
        elif op is sc.SUBPATTERN:
            yield from repetitions(av[-1], before)
        elif op is sc.BRANCH:
            for b in av[1]:
                yield from repetitions(b, before)
        elif op in (sc.ASSERT, sc.ASSERT_NOT):
            yield from repetitions(av[1], before)
        elif op is getattr(sc, "ATOMIC_GROUP", None):
            yield from repetitions(av, before)
        nxt = _node_samples(op, av)
        before = sorted({a + b for a in before for b in nxt}, key=len)[:3]


def attacks(rx: re.Pattern, size: int, limit: int = 48) -> list[str]:
    recipes: set[tuple[str, str, str]] = set()  # (lead, repeated unit, killer)
    for before, bodies in repetitions(list(sp.parse(rx.pattern, rx.flags)), [""]):
        units = {b for b in bodies if b}
        for a, b in itertools.combinations(sorted(units)[:4], 2):
            units |= {a + b, a + " " + b}
        for u in units:
            for lead in before[:2]:
                for kill in ("\x00", "!"):
                    recipes.add((lead, u, kill))
    # long repetitions of one piece first, then the most varied ones
    ranked = sorted(recipes, key=lambda r: (len(set(r[1])), len(r[1]), r))
    if len(ranked) > limit:
        ranked = ranked[: limit // 2] + ranked[::-1][: limit - limit // 2]
    return [lead + u * max(1, (size - len(lead)) // len(u)) + kill for lead, u, kill in ranked]


PATTERNS = all_patterns()


def test_every_pattern_is_found():
    # the discovery must see the ones the issue names, the data-built ones and the inline ones
    names = set(PATTERNS)
    for want in ("graph_builder.find.names.PROVISION", "find_symbols._grammar('en').prov_before",
                 "graph_builder.find.actors.NAMED_ACTOR", "gazetteer.gazetteer().pattern", "verbs.verb_table('en').pattern",
                 "actors.directive_pattern()"):
        assert want in names, want
    assert any(n.startswith("graph_builder.readers.normalize:") for n in names)
    assert len(PATTERNS) > 100


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_its_own_pieces(name):
    rx = PATTERNS[name]
    mode, size = usage(name)
    cases = attacks(rx, size)
    t0 = time.perf_counter()
    for s in cases:
        try:
            with deadline(ATTACK_SECONDS):
                if mode == "match":
                    rx.match(s)
                else:
                    for _ in rx.finditer(s):
                        pass
        except TimeoutError:
            pytest.fail(f"{name} ({mode}) takes more than {ATTACK_SECONDS} s on {s[:60]!r}... ({len(s)} chars)")
    assert time.perf_counter() - t0 < PATTERN_SECONDS


def test_the_attacks_find_a_known_bad_pattern():
    # the generator is no test if it cannot fail: the issue's PROVISION before its fix, and two classic cases
    bad = [r"(?:\d{1,3}|[IVXLC]{1,7}|[A-Z](?=\W))(?:(?:\s*,\s*)(?:\d{1,3}|[IVXLC]{1,7}|[A-Z](?=\W)))*\s+of\s+$",
           r"^(?:a+)+$", r"\s+x"]
    for p, (mode, size) in zip(bad, [("search", 120), ("match", 60), ("search", BIG)]):
        rx = re.compile(p)
        with pytest.raises(TimeoutError):
            with deadline(1.0):
                for s in attacks(rx, size * 4 if mode == "search" and size < BIG else size):
                    if mode == "match":
                        rx.match(s)
                    else:
                        for _ in rx.finditer(s):
                            pass


# -- hand-made worst cases, through the whole extraction --------------------------------------------

def _clause(body: str) -> str:
    return "The General Assembly,\n\n1. " + body + "\n"


HAND = [
    # the issue's case: a list of lone capitals that two branches of a number both took
    ("roman-list-before-its-resolution", _clause("Decides that paragraphs " + ", ".join(["I"] * 40)
                                                  + " xx its resolution 53/144 applies;")),
    ("roman-list-before-an-instrument", _clause("Recalls articles " + ", ".join(["I"] * 40)
                                                 + " zz of the International Covenant on Civil and Political Rights;")),
    ("letters-and-romans", _clause("Recalls paragraphs " + " and ".join(["V", "B", "I", "C"] * 15)
                                   + " to of its resolution 53/144;")),
    ("adopted-by-the-and-spaces", "Resolution adopted by the" + " " * 20000 + "x\n\n" + _clause("Decides;")),
    ("adopted-at-its", "Adopted by the " + "Adopted by the " * 3000 + "\n\n" + _clause("Decides;")),
    ("agenda-item-spaces", "Agenda item 5" + " " * 9000 + "x\n\n" + _clause("Decides;")),  # within MAX_FIELD_CHARS
    ("spaces-after-a-directive-verb", _clause("Calls upon States" + " " * 30000 + "x;")),
    ("spaces-and-commas", _clause("Calls upon States" + " " * 30000 + ", and others;")),
    ("intensifiers", _clause("Expresses " + "deep " * 5000 + "concern;")),
    ("many-names", _clause("Decides " + "the Special Rapporteur on the " * 800 + "x;")),
    ("many-keywords", _clause("Recalls " + "its resolution " * 3000 + "53/144;")),
    ("many-numbers", _clause("Recalls resolutions " + "53/144, " * 3000 + "and 53/145;")),
    ("topics-between-numbers", _clause("Recalls resolutions 53/144 " + "on the question of " * 2000 + "53/145;")),
    ("dates", _clause("Recalls resolution 53/144 of " + "1 and " * 3000 + "2 May 1999;")),
]


@pytest.mark.parametrize("name,text", HAND, ids=[h[0] for h in HAND])
def test_hand_made_worst_cases_read_in_time(name, text):
    from graph_builder.models import DocumentInfo
    from graph_builder.pipeline import extract, read_bytes

    with deadline(10.0):
        res = extract(read_bytes(text.encode("utf-8"), name + ".txt", DocumentInfo(symbol="A/RES/99/1")))
    assert res.clauses


def test_the_issue_case_still_finds_the_resolution():
    from graph_builder.models import DocumentInfo
    from graph_builder.pipeline import extract, read_bytes

    text = _clause("Decides that paragraphs " + ", ".join(["I"] * 40) + " of its resolution 53/144 apply;")
    with deadline(10.0):
        res = extract(read_bytes(text.encode(), "x.txt", DocumentInfo(symbol="A/RES/99/1")))
    refs = [(r.kind, r.key) for c in res.clauses for r in c.references]
    assert ("resolution", "A/RES/53/144") in refs
    assert ("provision", "A/RES/53/144, paragraph I") in refs
