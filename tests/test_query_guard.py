"""The read-only guard in front of every query: updates, SERVICE and LOAD never run, however hidden."""
from __future__ import annotations

import pytest

from kg.store import StoreError, check_read_only

REFUSED = [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "CLEAR DEFAULT",
    "LOAD <http://127.0.0.1:9/x.ttl>",
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "select * where { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }",
    # a comment holding triple quotes once hid the clause from a regex-based check
    '# """\nSELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } # """',
    "# '''\nSELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
]
ALLOWED = [
    'SELECT ?s WHERE { ?s ?p "SERVICE and LOAD are words" }',
    "SELECT ?s WHERE { ?s <http://example.org/LOAD> ?o }   # SERVICE in a comment",
    "SELECT ?service WHERE { ?service ?p ?o }",
]


@pytest.mark.parametrize("query", REFUSED)
def test_refused(query):
    with pytest.raises(StoreError):
        check_read_only(query)


@pytest.mark.parametrize("query", ALLOWED)
def test_allowed(query):
    check_read_only(query)


@pytest.mark.parametrize("query, expected", [
    ("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }", True),
    ("SELECT * FROM NAMED kgr:entities WHERE { GRAPH ?g { ?s ?p ?o } }", True),
    ("select * from :g where { ?s ?p ?o }", True),
    ('SELECT * WHERE { ?s ?p "FROM <urn:g>" }', False),          # in a string
    ("SELECT ?from  ?x WHERE { ?from ?p ?x }", False),           # a variable
    ("SELECT * WHERE { ?s ?p ?o } # FROM <urn:g>", False),       # in a comment
])
def test_a_dataset_clause_is_found_where_the_grammar_has_one(query, expected):
    from kg.store import has_dataset_clause
    assert has_dataset_clause(query) is expected
