"""Partnerschaftsgraph: the international partnerships of the German Länder as a knowledge graph.

The pipeline, one module per stage, data flowing one way:

    documents.read      file (text, Markdown, PDF)   -> Document (clean blocks with line numbers)
    extract.extract     Document                      -> Extraction (records with their passages)
    resolve.resolve     all Extractions               -> Resolution (one record per fact and entity)
    mapping.to_quads    Resolution                    -> RDF, one named graph per source document
    validate.validate   RDF                           -> Report (SHACL, before any inference)
    reason.inferred_triples  each graph's triples     -> what they imply, in a graph of their own
    store.build_store   all of the above              -> an Oxigraph store, swapped in atomically
"""

__version__ = "0.1.0"
