"""Where the product's own files are: beside the package in a checkout, inside it in a wheel."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _resource_root() -> Path:
    override = os.environ.get("KG_HOME")
    if override:
        return Path(override)
    bundled = _PACKAGE / "resources"
    return bundled if bundled.is_dir() else _PACKAGE.parent


ROOT = _resource_root()
ONTOLOGY_DIR = ROOT / "ontology"
MAPPINGS_DIR = ROOT / "mappings"
QUERIES_DIR = ROOT / "queries"
DOCUMENTS_DIR = ROOT / "documents"

ONTOLOGY_FILE = ONTOLOGY_DIR / "partnerschaftsgraph.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
SOURCES_FILE = DOCUMENTS_DIR / "sources.csv"

DEFAULT_STORE = Path(os.environ.get("KG_STORE", "store"))
