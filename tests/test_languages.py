"""Languages are folders: adding one adds data, not code; a language without a folder is reported.

The toy language "xx" is a copy of the French folder in a temporary directory named by
LIAISON_LEXICON_DIRS: nothing in the code knows it, and it has no spaCy pipeline, so whatever is
found in it comes from the lexicons alone.
"""
from __future__ import annotations

import json
import shutil

import pytest

from liaison import lexicon
from liaison.errors import LanguageNotSupported
from liaison.records import Document
from liaison.settings import get_settings

TEXT = ("Le ministre de l'Intérieur, Gérald Darmanin, a reçu le 12 mars 2024 à Paris son homologue "
        "marocain, Abdelouafi Laftit.")


@pytest.fixture
def toy_language(tmp_path, monkeypatch):
    folder = tmp_path / "xx"
    shutil.copytree(lexicon.LEXICONS / "fr", folder)
    info = json.loads((folder / "language.json").read_text(encoding="utf-8"))
    (folder / "language.json").write_text(json.dumps({**info, "name": "Toy"}), encoding="utf-8")
    monkeypatch.setenv("LIAISON_LEXICON_DIRS", json.dumps([str(tmp_path)]))
    get_settings.cache_clear()
    lexicon.reset()
    yield "xx"
    monkeypatch.delenv("LIAISON_LEXICON_DIRS")
    get_settings.cache_clear()
    lexicon.reset()


def _analysed(lang: str) -> Document:
    from liaison.pipeline import STAGES, run_stages
    doc = Document(id="toy", source="toy.txt", text=TEXT, lang=lang, published="2024-03-13")
    return run_stages([doc], STAGES[:3])[0][0]


def test_a_language_added_as_a_folder_is_analysed(toy_language):
    assert toy_language in lexicon.languages()
    doc = _analysed(toy_language)
    people = {e.name: e for e in doc.entities if e.kind == "person"}
    assert set(people) == {"Gérald Darmanin", "Abdelouafi Laftit"}
    assert [r.title for r in people["Gérald Darmanin"].roles] == ["Minister of the Interior"]
    assert "counterpart" in people["Abdelouafi Laftit"].explanation
    dates = [m.value for m in doc.mentions if m.kind == "date"]
    assert any(d and d.get("start") == "2024-03-12" for d in dates)


def test_a_language_without_a_folder_is_reported_not_read_as_english():
    from liaison.understand.mentions import find_mentions
    doc = Document(id="qq", source="qq.txt", text=TEXT, lang="qq")
    with pytest.raises(LanguageNotSupported):
        find_mentions(doc)
    assert not [e for e in _analysed("qq").entities if e.kind == "person"]


def test_an_unsupported_article_is_stored_with_its_issue(store):
    from liaison.ingest.clean import clean
    from liaison.records import RawDocument
    from liaison.scale import process
    doc = clean(RawDocument(source="qq.txt", raw=TEXT, lang="qq"))
    store.insert_document(doc, None)
    process([], store)                  # analyses what is stored and waiting
    issues = [i for i in store.list_issues() if i["source"] == "qq.txt"]
    assert [i["stage"] for i in issues] == ["mentions"] and "L401" in issues[0]["message"]
