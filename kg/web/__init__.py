"""The pages of `kg serve`: home page with the competency questions, linked-data pages for
every IRI, the dataset description, the dumps and the dashboard. They read the graph only
through SPARQL over HTTP; the front server mounts this app beside /query."""

from kg.web.app import create_web_app

__all__ = ["create_web_app"]
