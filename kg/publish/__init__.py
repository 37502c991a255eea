"""`kg publish`: push the current build to a triple store someone else runs, graph by graph.

    client.py   HTTP: credentials (environment or netrc), basic/digest, retries, clear errors
    graphs.py   the build's named graphs as sorted N-Triples, with their hashes
    state.py    per target, what it has received (publish-state.json in the store folder)
    target.py   replace a graph (staged, then MOVEd over the old one), delete one, query
    verify.py   triple counts and competency-question answers, target against build
    run.py      one publish: plan, send, delete, check
"""

from kg.publish.client import Client, PublishError, Refused, Retry, Unreachable
from kg.publish.run import Outcome, publish
from kg.publish.state import StateError
from kg.publish.target import Target, endpoints_beside

__all__ = ["Client", "Outcome", "PublishError", "Refused", "Retry", "StateError",
           "Target", "Unreachable", "endpoints_beside", "publish"]
