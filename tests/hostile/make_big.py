"""Hostile inputs too big to commit, made on the fly by tests/test_hostile.py and bench/bench_hostile.py.

Each function returns the bytes of one input file.  The AKN ones wrap a body in the smallest statement
the reader takes (tests/hostile/good.xml's shape, without its cover and metadata).
"""
from __future__ import annotations

AKN_HEAD = (
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><meta>'
    '<identification source="#x"><FRBRWork><FRBRthis value="/akn/un/statement/deliberation/unga/2021-12-06/76-15/!main/"/>'
    '<FRBRdate date="2021-12-06" name="adoption"/><FRBRauthor href="ga" as="author"/></FRBRWork></identification>'
    '</meta><coverPage><p><docNumber refersTo="#symbol">A/RES/76/15</docNumber></p></coverPage>'
    '<preamble><formula name="enactingFormula"><p><span class="italic">The General Assembly</span>,</p></formula>'
    '<container name="Recalling"><p><span class="italic">Recalling</span> its resolution 53/144,</p></container>'
    '</preamble><mainBody>'
)
AKN_TAIL = "</mainBody></statement></akomaNtoso>"


def akn(body: str) -> bytes:
    return (AKN_HEAD + body + AKN_TAIL).encode("utf-8")


def paragraph(n: int, inner: str) -> str:
    return f'<paragraph eId="para_{n}"><num>{n}.</num><content><p>{inner}</p></content></paragraph>'


def note(k: int) -> str:
    return f'<authorialNote marker="{k}" placement="bottom"><p>Resolution {k % 900 + 1}/1.</p></authorialNote>'


def akn_footnotes_in_one_clause(n: int) -> bytes:
    """One operative paragraph carrying n footnote markers."""
    return akn(paragraph(1, "<span>Decides</span> that" + "".join(f" word{note(k)}" for k in range(1, n + 1))))


def akn_footnotes(n: int) -> bytes:
    """n paragraphs, one footnote each."""
    return akn("".join(paragraph(k, f"<span>Decides</span> that it holds{note(k)}") for k in range(1, n + 1)))


def akn_paragraphs(n: int) -> bytes:
    return akn("".join(paragraph(k % 999 + 1, "<span>Decides</span> to remain seized of the matter.")
                       for k in range(n)))


def akn_nested(tag: str, n: int) -> bytes:
    """A paragraph whose text sits n elements deep: <span><span>...Decides...</span></span>."""
    return akn(paragraph(1, f"<{tag}>" * n + "Decides to remain seized" + f"</{tag}>" * n))


def akn_nested_lists(n: int) -> bytes:
    """Points inside lists inside points, n deep."""
    inner = "<p>(z) the end</p>"
    for k in range(n):
        inner = f'<list><point><num>({k % 26 + 1})</num><content><p>item</p></content>{inner}</point></list>'
    return akn(f'<paragraph eId="para_1"><num>1.</num><content><p><span>Decides</span>:</p></content>{inner}</paragraph>')


def akn_nested_sections(n: int) -> bytes:
    inner = paragraph(1, "<span>Decides</span> to remain seized.")
    for k in range(n):
        inner = f"<section><num>{'I' if k % 2 else 'A'}</num>{inner}</section>"
    return akn(inner)


TEXT_HEAD = "Resolution adopted by the General Assembly on 6 December 2021\n\nThe General Assembly,\n\n"


def text(body: str) -> bytes:
    return (TEXT_HEAD + body + "\n").encode("utf-8")


def text_pronouns(n: int) -> bytes:
    """The issue's 0.9 MB clause: "the National Union and demands that it cease; " n times."""
    return text("1. Condemns " + "the National Union and demands that it cease; " * n + "and remains seized.")


def text_one_line(mb: int) -> bytes:
    """One line of `mb` megabytes: a clause without a line break."""
    words = "Decides that the States concerned shall act; "
    return text("1. " + words * (mb * 1_000_000 // len(words)))


def text_long_clause(chars: int) -> bytes:
    """One clause of about `chars` characters over wrapped lines."""
    line = "and calls upon the States concerned to act in accordance with resolution 53/144,\n"
    return text("1. Decides " + line * (chars // len(line)) + "and remains seized.")


def text_clauses(n: int) -> bytes:
    return text("".join(f"{k % 999 + 1}. Decides to remain seized of the matter;\n\n" for k in range(n)))


def text_footnotes(n: int) -> bytes:
    """n paragraphs, each with a footnote marker and its note."""
    parts = []
    for k in range(1, n + 1):
        parts.append(f"{k % 999 + 1}. Decides to act on resolution 53/144,{k}\n_______________\n{k} See A/{k % 90 + 1}/1.\n\n")
    return text("".join(parts))
