"""Addressees: the actors an operative clause is directed at.

"Calls upon all States and encourages non-State actors to ..." is directed at
States and non-State actors.  A directive verb (data/verbs.toml, directive =
true) may stand anywhere in the clause ("..., and urges States to ..."); its
object runs to the infinitive that says what the actor must do.  Each actor of
a list counts on its own, by a plain name without quantifiers.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from graph_builder.find.gazetteer import fold
from graph_builder.find.tries import trie_regex
from graph_builder.find.verbs import verb_table
from graph_builder.un.data import load_toml


@dataclass(frozen=True, slots=True)
class ActorMention:
    name: str  # plain name: "States", "United Nations agencies and organizations"
    start: int  # clean offsets of the printed name
    end: int
    verb: str  # the directive verb as printed


@cache
def actor_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(nouns that name actors, quantifiers to drop, words that end an actor's name)."""
    data = load_toml("actors.toml")
    return frozenset(data["nouns"]), frozenset(data["quantifiers"]), frozenset(data["stop_words"])


@cache
def directive_pattern() -> re.Pattern[str]:
    """Every printed form of a directive verb, with its object's lead, as one trie-shaped pattern
    (a plain alternation, case-insensitive, costs more than the rest of the clause's reading)."""
    forms: set[str] = set()
    for c in verb_table().concepts:
        if not c.directive:
            continue
        for f in c.forms:
            lead = {"to": " to", "that": " that"}.get(c.object, "")
            forms.add(fold(f.lower() + lead))
    forms.update(("call upon", "call on", "appeal to", "demand that", "request to", "invitation to", "decides that",
                  "decides also that", "decides further that"))
    # "reiterates its (strong) call upon", "renews its appeal to", "its demand that"
    noun_forms = r"its\s+(?:(?:strong|urgent|renewed|previous|earlier)\s+)?(?:call\s+(?:up)?on|appeal\s+to|demand\s+that|request\s+to|invitation\s+to)"
    return re.compile(rf"(?<![\w-])(?:(?P<verb>{trie_regex(sorted(forms))})|(?P<noun>{noun_forms}))(?![\w-])")


# a directive verb inside a clause follows a coordination or an adverb: "..., and urges", "further encourages"
LEAD_IN = re.compile(r"(?:^|,|;|\band|\balso|\bfurther|\bstrongly|\burgently|\bagain|\bregard|\bwhile|\bonce|\bthus|"
                     r"\btherefore|\bparticular|\bits|\bhereby|\bfurthermore|\bmoreover|\bcontinues\s+to|\bin\s+this\s+context)\s*$",
                     re.IGNORECASE)

# where an actor's name ends: the infinitive of what it must do, a relative clause, punctuation
# ("(?<!\s)\s+" starts only where a run of spaces starts: a search would otherwise rescan the run from each
# of its spaces, quadratic in a clause of spaces; the leftmost match starts there anyway)
INFINITIVE = re.compile(r"(?<!\s)\s+(?:not\s+)?to\s+(?!(?:the|all|a|an|its|their|those|these|his|her|that|this|any|each|such|both)\b)[a-z][\w-]*")
OBJECT_END = re.compile(r"[;:.]|(?<!\s)\s+(?:that|who|which|whose|where|when|while)\s|(?<!\s)\s+\(")
# a named actor of two capitalised words or more: "the National Union", "the Government of Angola" (its "t"
# first, the word boundary looked back for after it: the scanner then skips every other letter)
NAMED_ACTOR = re.compile(r"t(?<![\w-]t)he\s+(?P<name>[A-Z][\w’'\-]+(?:\s+(?:(?:of|for|the)\s+)*[A-Z][\w’'\-]+)+)")
SPLIT_COMMA = re.compile(r"(?:(?<!\s)\s+)?,\s*")
IN_PARTICULAR = re.compile(r"^(?:and\s+)?(?:in\s+particular|particularly|especially|notably)\s+(?:to\s+)?", re.I)
SHALL = re.compile(r"(?<!\s)\s+(?:shall|should|must|will|to)\s")


def addressees(text: str, clause_verb_end: int = 0) -> list[ActorMention]:
    """Actors the clause directs, in order, each once."""
    nouns, quantifiers, stops = actor_words()
    pat = directive_pattern()
    matches = [m for m in pat.finditer(text)
               if m.start() == 0 or m.group("noun") or LEAD_IN.search(text, max(0, m.start() - 40), m.start())]
    out: list[ActorMention] = []
    seen: set[str] = set()
    named = _NamedActors(text)
    for i, m in enumerate(matches):
        start = m.end()
        limit = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        segment = text[start:limit]
        verb = m.group(0)
        is_that = verb.lower().rstrip().endswith("that")
        cut = len(segment)
        for rx in (INFINITIVE, OBJECT_END) if not is_that else (SHALL, re.compile(r"[;:.,]")):
            mm = rx.search(segment)
            if mm:
                cut = min(cut, mm.start())
        if is_that:
            pronoun = re.match(r"\s*(it|they)\b", segment)
            if pronoun:
                # "condemns the National Union ... and demands that it cease": the last name before the pronoun
                n = named.last_before(m.start())
                if n is not None:
                    plain = n.group("name")
                    if plain.casefold() not in seen:
                        seen.add(plain.casefold())
                        out.append(ActorMention(plain, n.start("name"), n.end("name"), verb))
                continue
            # "demands that the parties cease": the subject of the clause that follows
            subj = re.match(r"\s*((?:all\s+|the\s+)?(?:[A-Z][\w’'\-]*|of|for|the|and)(?:\s+(?:[A-Z][\w’'\-]*|of|for|the|and|parties|States|actors|groups))*)", segment[:cut])
            if not subj or not subj.group(1).strip():
                continue
            cut = subj.end(1)
        obj = segment[:cut]
        for name, s, _e in split_actors(obj, start):
            plain = clean_actor(name, quantifiers, stops)
            if not plain or not is_actor(plain, nouns):
                continue
            if plain.casefold() in seen:
                continue
            seen.add(plain.casefold())
            off = name.find(plain) if plain in name else 0
            out.append(ActorMention(plain, s + max(off, 0), s + max(off, 0) + len(plain), verb))
    return out


class _NamedActors:
    """The last NAMED_ACTOR match in text[:end], in linear time over a clause's pronouns.

    The names of the whole text are found once.  text[:end] reads the names that end by `end` the same
    way; only a name that `end` cuts can read differently (shorter, or not at all), so text[:end] is
    scanned again from that name's start only.  Rescanning from 0 for each pronoun was quadratic in a
    clause of many of them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.names: list[re.Match[str]] = []
        self.ends: list[int] | None = None

    def last_before(self, end: int) -> re.Match[str] | None:
        if self.ends is None:
            self.names = list(NAMED_ACTOR.finditer(self.text))
            self.ends = [n.end() for n in self.names]
        i = bisect.bisect_right(self.ends, end)
        if i < len(self.names) and self.names[i].start() < end:
            cut = None
            for cut in NAMED_ACTOR.finditer(self.text, self.names[i].start(), end):  # noqa: B007 (the last one)
                pass
            if cut is not None:
                return cut
        return self.names[i - 1] if i else None


def split_actors(obj: str, base: int) -> list[tuple[str, int, int]]:
    """'Member States, United Nations agencies and non-governmental organizations' -> three.
    A bare noun after 'and' shares the modifier before it: 'agencies and organizations' is one."""
    out: list[tuple[str, int, int]] = []
    lone: list[tuple[str, int, int]] = []  # the comma list's modifiers just before: "international, "
    pos = 0
    for part in SPLIT_COMMA.split(obj):
        at = obj.find(part, pos)
        pos = at + len(part)
        lead = IN_PARTICULAR.match(part)
        if lead:
            at += lead.end()
            part = part[lead.end():]
        if re.match(r"^(?:including|inter\s+alia|as\s+appropriate|where\s+appropriate|if\s+appropriate|within|in|with|for|on|at|by|from|through|under|upon|among|notably|such\s+as|both|as\s+well\s+as|acting|whose|who|which)\b", part, re.I):
            also = re.match(r"^as\s+well\s+as\s+", part, re.I)
            if also is None:
                continue
            at += len(also.group(0))
            part = part[len(also.group(0)):]
        pieces = [cut_at_stop(re.sub(r"^to\s+", "", p)) for p in re.split(r"(?<!\s)\s+(?:and|or|as\s+well\s+as)\s+", part)]
        merged: list[str] = []
        joined: set[int] = set()  # merged names whose modifiers share one head ("regional and subregional organizations")
        for p in pieces:
            if merged and shares_head(merged[-1], p):
                merged[-1] = merged[-1] + " and " + p
                joined.add(len(merged) - 1)
            elif merged and shares_modifier(p):
                merged[-1] = merged[-1] + " and " + p
            elif p:
                merged.append(p)
        q = 0
        for i, p in enumerate(merged):
            first = p.split(" and ")[0]
            k = part.find(first, q)
            k = k if k >= 0 else q
            q = k + len(first)
            start = base + at + k
            if i in joined and lone:
                # "international, regional and non-governmental organizations": a list of modifiers shares the
                # head, so each is an actor of its own ("international organizations", ...)
                head = p.split()[-1]
                out.extend((f"{word} {head}", s, e) for word, s, e in lone)
                for word in p.removesuffix(" " + head).split(" and "):
                    s = max(obj.find(word, start - base), 0) + base
                    out.append((f"{word} {head}", s, s + len(word)))
            else:
                out.append((p, start, start + len(p)))
        # a part that is one modifier alone waits for the head a later part gives it
        if len(merged) == 1 and is_modifier(merged[0]):
            lone.append((merged[0], base + at, base + at + len(merged[0])))
        else:
            lone = []
    return out


def cut_at_stop(part: str) -> str:
    """'Governments that have not yet responded' -> 'Governments' (leading quantifiers kept)."""
    _, quantifiers, stops = actor_words()
    words = part.strip().split()
    i = 0
    while i < len(words) and words[i].lower() in quantifiers:
        i += 1
    for j in range(i, len(words)):
        w = words[j]
        if w.lower() in stops or (w.endswith("ly") and w.islower() and len(w) > 4):  # "parties strictly to abide"
            return " ".join(words[:j])
    return " ".join(words)


def shares_modifier(p: str) -> bool:
    """A bare plural noun ('organizations') shares the words before 'and'."""
    return bool(re.fullmatch(r"[a-z][a-z\-]*s", p.strip()))


def shares_head(before: str, p: str) -> bool:
    """A lone modifier ('the Olympic', 'regional') shares the head noun of a modified name after 'and'
    ('Paralympic movements', 'subregional organizations'): one actor, 'the Olympic and Paralympic movements'.
    Both modifiers are written alike (capitalised or not), so 'Liberia and neighbouring countries' stays two."""
    nouns, quantifiers, _ = actor_words()
    lone = [w for w in before.split() if w.lower() not in quantifiers]
    words = p.split()
    # one modifier and the head after "and": "other relevant stakeholders" is a name of its own
    if len(lone) != 1 or len(words) != 2 or words[-1] not in nouns or words[0].lower() in quantifiers:
        return False
    first, second = lone[0], words[0]
    return (not {first, first.lower(), second, second.lower()} & nouns
            and first[:1].isupper() == second[:1].isupper())


def is_modifier(word: str) -> bool:
    """One word that names no actor itself and could modify one: 'international', 'regional'."""
    nouns, quantifiers, stops = actor_words()
    return (word.lower() not in quantifiers
            and word not in nouns and word.lower() not in nouns and word.lower() not in stops
            and bool(re.fullmatch(r"[a-z][a-z\-]+", word)))


def clean_actor(name: str, quantifiers: frozenset[str], stops: frozenset[str]) -> str:
    words = name.strip().split()
    while words and words[0].lower() in quantifiers:
        words.pop(0)
    for i, w in enumerate(words):
        if w.lower() in stops:
            words = words[:i]
            break
    return " ".join(words).strip(" ,;:")


def is_actor(name: str, nouns: frozenset[str]) -> bool:
    """The name's head (the last word before 'of', or the last word) is an actor noun, or it is a proper name."""
    head_part = re.split(r"(?<!\s)\s+of\s+", name)[0]
    words = head_part.split()
    if not words:
        return False
    head = words[-1].strip("’'")
    if head.lower() in nouns or head in nouns:
        return True
    # a proper name: "Secretary-General", "National Union for the Total Independence of Angola"
    return name[:1].isupper() and all(w[:1].isupper() or w in ("of", "for", "the", "and", "on", "in") for w in name.split())
