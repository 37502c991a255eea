"""Wikidata, kept at arm's length: the graph links to it but never takes facts from it.

    search.py          wbsearchentities: candidate items for a label (German, then English)
    check.py           SPARQL checks of candidates: type (P31/P279*), country (P17), ISO (P300)
    review.py          scores and evidence -> the review CSV a person accepts rows from
    graph.py           what the built graph says: unlinked entities, partnerships, build date
    client.py          HTTP: User-Agent, timeouts, no retries; down vs. broken answers
    federation.py      SPARQL client that refuses truncated answers; SERVICE endpoint rewriting
    twins.py           P190 (twinned administrative body) statements, online or from a file
    diff.py            partnerships of the graph that Wikidata lacks
    quickstatements.py QuickStatements V1 lines for them
    cli.py             `kg link` and `kg wikidata-diff`

Nothing here writes to the graph: links reach it only through mappings/wikidata-alignment.csv,
copied there by a person (see docs/wikidata.md).
"""
