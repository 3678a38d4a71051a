"""What each search entry is found by, and how strongly: the weighted terms of the
default postings (subject, number, signer, Kính gửi/Nơi nhận, topics, headings…; the
numbers it names, by how it names them). The body's words are `terms.word_terms`."""

from __future__ import annotations

from collections import defaultdict

from .entries import Entry
from .terms import TermCache, exact_terms, number_terms, syllables, word_terms

MAX_WEIGHT = 35  # one base-36 digit
# Field weights of the default index (a term in several fields adds up).
WEIGHTS = {"title": 6, "number": 20, "number_full": 5, "topics": 3, "headings": 2,
           "type": 2, "issuer": 2, "summary": 1, "date": 1, "people": 3, "addressees": 2}
# Weight of a number the document names, by how: the directive's own page (number,
# number_full) first, then the documents carrying it out, then those citing it.
CITE_WEIGHTS = {"implements": 12, "subject": 10, "cites": 6, "text": 4}


def default_terms(entry: Entry, cache: TermCache | None = None) -> dict[str, int]:
    weights: dict[str, int] = defaultdict(int)

    def add(terms, weight: int) -> None:
        for term in terms:
            weights[term] += weight

    def words(text: str) -> set[str]:
        return word_terms(text, cache)

    # A topic page's title weighs as a topic: documents with the words in their subject come first.
    add(words(entry.title), WEIGHTS["topics" if entry.kind == "topic" else "title"])
    add(set(syllables(entry.number, cache)), WEIGHTS["title"])
    for term in number_terms(entry.number, cache):
        add([term], WEIGHTS["number"] + (WEIGHTS["number_full"] if term.count("/") else 0))
    add(words(" ".join(entry.topic_titles)), WEIGHTS["topics"])
    add(words(entry.headings), WEIGHTS["headings"])
    add(words(entry.type_label), WEIGHTS["type"])
    add(words(entry.issuer), WEIGHTS["issuer"])
    add(words(entry.summary), WEIGHTS["summary"])
    add(words(entry.date_display), WEIGHTS["date"])
    add(words(entry.people), WEIGHTS["people"])
    add(words(entry.addressees), WEIGHTS["addressees"])
    cited: dict[str, int] = {}
    for number, how in entry.cites:
        for term in number_terms(number, cache):
            cited[term] = max(cited.get(term, 0), CITE_WEIGHTS.get(how, CITE_WEIGHTS["text"]))
    for term, weight in cited.items():
        if term not in weights:  # its own number counts once, as its own
            weights[term] = weight
    # Syllables as written, weighted by field like their folded forms: a query typed
    # with diacritics puts the documents that spell it that way first.
    for text, field in ((entry.title, "topics" if entry.kind == "topic" else "title"), (" ".join(entry.topic_titles), "topics"),
                        (entry.headings, "headings"), (entry.issuer, "issuer"), (entry.summary, "summary"),
                        (entry.people, "people"), (entry.addressees, "addressees")):
        add(exact_terms(text, cache), WEIGHTS[field])
    return {term: min(weight, MAX_WEIGHT) for term, weight in weights.items()}
