"""Checks: the warnings a record carries (no date, a defaulted effective day, a count mismatch, a step seen and left
out, …), each a function of (``Source``, ``Draft``) returning a warning or None; ``rules.CHECKS`` lists them in the order
the record lists them (that order is behaviour).

One module a kind of check (split52, session 52: they were one module of 3,700 lines), a new check goes in the module
of what it asks about:

- ``basics``: what every record states: its publication date, its number, its effective date, a day at odds with the
  number or the publication; one notice to a page.
- ``counts``: the entities read against the counts the text states (the notice's, a list's, an annex's total line, per
  country, after the names of a step) and a count with nothing read. A listing's counts in the places a count stands
  (title, 【标题】, decision, measures, annex headings) are ``tallies``'s.
- ``tallies``: a listing's counts in the places a count stands (its title, the 【标题】 line, the decision, the measures'
  "上述N家", the annex headings) compared with one another (session 52, count52; in ``rules`` until session 53).
- ``terms``: terms and ends: a step's term or end said apart per notice or per entity, 分别, in another clause or
  sentence, in words the dates cannot read, at odds with itself; a lift or restore at a suspension's end.
- ``starts``: starts and days: a step's start said apart per notice, "自同日起", from the end of the term before, in words
  the dates cannot read, a day moved.
- ``notices``: which notices a step acts on: a notice named in a clause, a range, a bare number, by its day, counted
  ("上述两份公告"), or a step elided after its sentence's verb; a suspension whose notices were not found.
- ``targets``: which entities or measures of a notice a step reaches: limited to an entity not read, some of them
  counted or named, an object before or after the verb, some measures only, some entities or one of its notices
  excepted.
- ``barred``: a step on one measure of an earlier listing, named by what it bars, and measures said to apply no longer
  to someone ("不再对…适用…措施") (session 52, blind53; in ``rules`` until session 53).
- ``answers``: answers and notices telling steps: an answer's step decided with no notice, by a yearless number, after a
  term ended, denied, told as taken before ("商务部已于…发布公告"), planned or held off, adjusted, undone, corrected by its
  speaker, under a condition; a title's steps beside the body's.
- ``decided``: whether an answer's step is decided: a transcript's step with no decision word, a formal release's whose
  clause says more before the verb than who decides (its grounds, its speaker, a plain lead-in).
- ``listings``: listings, removals and moves: a whole list published again, a removal of annexed entities none read, a
  move beside another step, items listing on two lists (and an item's own day), an answer's listing, another list after
  将上述, an export ban.
- ``corrections``: corrections and items: a numbered item whose step was not read, a new name no rename covers, an
  annex's entry amended, a list corrected, a step on measures or a term changed beside the steps read.
- ``common``: what several kinds of check share: the warning's ending for a step left out (LEFT_OUT), and the small
  readings of sentences, clauses and decisions more than one module of checks asks.

The package re-exports nothing (struct53, session 53): import a name from the module that holds it.
"""
