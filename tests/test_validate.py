"""kg validate: SHACL core constraints through pySHACL, SHACL-SPARQL constraints through the store."""
from __future__ import annotations

import shutil

import pyoxigraph as ox

from conftest import EXAMPLES, build_into
from kg.store import Store
from kg.validate import validate


def test_a_wrong_quote_length_is_reported(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(EXAMPLES / "000_c397c42166a738cc.txt", src)
    build_into(tmp_path / "store", [src])
    store = Store(tmp_path / "store")
    conforms, _, text = validate(store)
    assert conforms, text
    # break one evidence node: its quote no longer spans its offsets
    ev = next(iter(store.ox.query("SELECT ?e WHERE { GRAPH ?g { ?e a <https://w3id.org/kgnews/ontology#Evidence> ; "  # sparql-static
                                  "<https://w3id.org/kgnews/ontology#startOffset> ?s } } LIMIT 1")))["e"]
    g = next(q.graph_name for q in store.ox.quads_for_pattern(ev, None, None, None))
    quote = ox.NamedNode("https://w3id.org/kgnews/ontology#quote")
    for q in list(store.ox.quads_for_pattern(ev, quote, None, None)):
        store.ox.remove(q)
    store.ox.add(ox.Quad(ev, quote, ox.Literal("x"), g))
    conforms, _, text = validate(store)
    assert not conforms
    assert "kg:quote is 1 characters long" in text and ev.value in text
