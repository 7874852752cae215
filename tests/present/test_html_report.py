from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from fogline.errors import InputError
from fogline.present import render_html, write_html
from fogline.present.html_report import CSP
from fogline.present.index import anchor


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def ids_and_links(html: str) -> tuple[list[str], list[str]]:
    tags = parse(html).tags
    ids = [attrs["id"] for _, attrs in tags if "id" in attrs]
    hrefs = [attrs["href"] for _, attrs in tags if "href" in attrs]
    return ids, hrefs


def test_hostile_text_is_escaped(result: dict[str, Any], hostile: Any) -> None:
    html = render_html(result)
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    text = "".join(parse(html).text)
    assert hostile.script in text
    assert hostile.html_speaker in text
    assert "Selm update <March 14>" in text


def test_only_expected_tags_and_no_event_handlers(result: dict[str, Any]) -> None:
    tags = parse(render_html(result)).tags
    names = {tag for tag, _ in tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "form", "base"}
    # The dependence graph is inline SVG of a few plain shapes: nothing that runs, loads
    # or pulls in other content.
    assert names & {"svg", "path", "rect"}
    assert not names & {"foreignobject", "image", "use", "animate", "set", "feimage"}
    for _, attrs in tags:
        assert not [a for a in attrs if a.startswith("on")]
    assert [attrs for tag, attrs in tags if tag == "link"] == [{"rel": "icon", "href": "data:,"}]


def test_no_external_references(result: dict[str, Any]) -> None:
    html = render_html(result)
    for _, attrs in parse(html).tags:
        for name in ("href", "src", "action", "srcset", "poster", "data"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith(("#", "data:")), (name, value)
    assert "url(" not in html.split("</style>")[0]
    assert "@import" not in html
    # Document URLs are there, but only as text.
    text = "".join(parse(html).text)
    assert "https://tarnwire.example/selm-hearing?ref=rss&x=1" in text
    assert "http://isc.example/update?id=1&x=<y>" in text


def test_csp_meta_comes_first_in_head(result: dict[str, Any]) -> None:
    html = render_html(result)
    tags = parse(html).tags
    metas = [a for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert metas == [{"http-equiv": "Content-Security-Policy", "content": CSP}]
    assert "default-src 'none'" in CSP and "img-src data:" in CSP
    assert "style-src 'unsafe-inline'" in CSP
    assert html.index("Content-Security-Policy") < html.index("<title>")


def test_render_is_deterministic(result: dict[str, Any]) -> None:
    first = render_html(result)
    assert render_html(copy.deepcopy(result)) == first
    assert render_html(result) == first


def test_every_statement_and_sentence_has_an_anchor(result: dict[str, Any]) -> None:
    ids, hrefs = ids_and_links(render_html(result))
    assert len(ids) == len(set(ids)), "element ids must be unique"
    for statement in result["statements"]:
        assert f"st-{statement['id']}" in ids
    for doc in result["documents"]:
        assert f"doc-{doc['id']}" in ids
        for sentence in doc["sentences"]:
            assert f"doc-{doc['id']}-s{sentence['index']}" in ids
    for source in result["sources"]:
        assert f"src-{source['id']}" in ids
    dangling = [h for h in hrefs if h.startswith("#") and h[1:] not in ids]
    assert dangling == []


def test_evidence_rows_link_to_what_is_behind_them(result: dict[str, Any]) -> None:
    html = render_html(result)
    links = [a["href"] for t, a in parse(html).tags if t == "a" and a.get("class") == "ev-link"]
    statement_of = {c["id"]: c["statement"] for c in result["claims"]}
    expected = {
        f"#st-{statement_of[c]}"
        for ev in result["questions"][0]["evidence"]
        for c in ev["claims"]
        if statement_of[c]
    }
    assert expected <= set(links)
    # c7 has no statement: its row links to the sentence that contains it.
    wire = result["documents"][0]["id"]
    assert f"#doc-{wire}-s3" in links


def test_statement_sentences_are_highlighted(result: dict[str, Any]) -> None:
    tags = parse(render_html(result)).tags
    said = {a["id"] for t, a in tags if t == "span" and a.get("class") == "s said"}
    expected = {f"doc-{s['document']}-s{s['sentence_index']}" for s in result["statements"]}
    assert said == expected


def test_question_section_shows_hypotheses_and_majority_vote(result: dict[str, Any]) -> None:
    html = render_html(result)
    for h in result["questions"][0]["hypotheses"]:
        assert h["text"] in html
    assert "71%" in html and "55\u201384%" in html
    assert 'style="width: 71.0%"' in html
    assert "Majority vote picks <b>Aldmark was repelled from Selm</b>" in html
    assert "(the model disagrees)" in html
    assert "+0.52" in html and "\u22120.30" in html
    assert "log-likelihood ratio" in html


def test_each_report_stance_on_each_hypothesis(result: dict[str, Any]) -> None:
    html = render_html(result)
    section = html.split("<h3>Each report's stance</h3>", 1)[1].split("</section>", 1)[0]
    # c1 and c2 come from one report: its cell shows the stronger (0.91) and counts both.
    assert '<span class="tag supports">supports</span> 0.91 <span class="muted">(2 claims)' in (
        section
    )
    assert "0.77" in section and "0.95" not in section  # "unrelated" is no stance
    assert "A cell is the report's most confident stance" in section
    result["stances"] = []
    assert "No report takes a stance on this question." in render_html(result)


def test_statements_show_how_check_worthy_they_are(result: dict[str, Any]) -> None:
    html = render_html(result)
    assert ">Check-worthy</th>" in html
    statement = next(c["statement"] for c in result["claims"] if c["id"] == "c1")
    row = html.split(f'id="{anchor("st", statement)}"', 1)[1].split("</tr>", 1)[0]
    assert '<td class="num">0.73</td>' in row


def test_empty_and_sparse_results_render(result: dict[str, Any]) -> None:
    html = render_html({})
    assert "No statements were found." in html
    sparse = copy.deepcopy(result)
    sparse["questions"][0]["hypotheses"][0]["probability"] = None
    sparse["questions"][0]["hypotheses"][1]["interval"] = "junk"
    sparse["questions"][0]["evidence"][0]["contributions"] = None
    sparse["statements"][0]["document"] = "no-such-document"
    sparse["claims"][0]["statement"] = "no-such-statement"
    html = render_html(sparse)
    ids, hrefs = ids_and_links(html)
    assert [h for h in hrefs if h.startswith("#") and h[1:] not in ids] == []


def test_unusual_ids_still_give_working_anchors(result: dict[str, Any]) -> None:
    odd = copy.deepcopy(result)
    old = odd["statements"][0]["id"]
    new = 'st "1" <a> #x'
    odd["statements"][0]["id"] = new
    for claim in odd["claims"]:
        if claim["statement"] == old:
            claim["statement"] = new
    html = render_html(odd)
    ids, hrefs = ids_and_links(html)
    assert [h for h in hrefs if h.startswith("#") and h[1:] not in ids] == []
    assert all(" " not in i and '"' not in i and "<" not in i for i in ids)


def test_write_html_is_atomic_and_replaces(result: dict[str, Any], tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    write_html(result, target)
    assert target.read_text(encoding="utf-8") == render_html(result)
    assert os.stat(target).st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_write_html_errors_are_fogline_errors(result: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        write_html(result, tmp_path / "missing" / "report.html")
    with pytest.raises(InputError, match="is a directory"):
        write_html(result, tmp_path)


def _large_result(n_statements: int = 2000, sentences_per_doc: int = 12) -> dict[str, Any]:
    n_docs = n_statements // 10
    documents = [
        {
            "id": f"d{d:04x}",
            "title": f"Report {d} <b>",
            "outlet": f"Outlet {d % 17}",
            "url": f"https://example.org/{d}",
            "path": f"corpus/{d}.txt",
            "sentences": [
                {"index": i, "start": i * 50, "end": i * 50 + 49, "text": f"Sentence {i} of {d}."}
                for i in range(sentences_per_doc)
            ],
        }
        for d in range(n_docs)
    ]
    statements = [
        {
            "id": f"s{n:05x}",
            "document": f"d{n % n_docs:04x}",
            "sentence_index": n % sentences_per_doc,
            "speaker": f"Speaker {n % 300}",
            "actor": f"a{n % 300}",
            "actor_name": f"Actor {n % 300}",
            "cue": "said",
            "content": f"statement {n} <i>",
            "direct": n % 2 == 0,
            "hedges": ["may"] if n % 5 == 0 else [],
        }
        for n in range(n_statements)
    ]
    claims = [
        {"id": f"c{n}", "document": s["document"], "statement": s["id"], "text": s["content"]}
        for n, s in enumerate(statements)
    ]
    hyps = ["h0", "h1", "h2"]
    question = {
        "id": "q",
        "text": "Which?",
        "hypotheses": [
            {"id": h, "text": f"hypothesis {h}", "probability": p, "interval": [p / 2, p]}
            for h, p in zip(hyps, (0.6, 0.3, 0.1), strict=True)
        ],
        "majority_vote": "h1",
        "evidence": [
            {
                "id": f"e{n}",
                "source": f"a{n % 300}",
                "hypothesis": hyps[n % 3],
                "label": "supports",
                "weight": 0.5,
                "factors": {"reliability": 0.7},
                "claims": [f"c{n}"],
                "contributions": {h: (0.3 if i == n % 3 else -0.15) for i, h in enumerate(hyps)},
            }
            for n in range(n_statements)
        ],
    }
    sources = [{"id": f"a{n}", "name": f"Actor {n}", "kind": "person"} for n in range(300)]
    return {
        "documents": documents,
        "statements": statements,
        "claims": claims,
        "questions": [question],
        "sources": sources,
    }


def test_large_result_renders_completely() -> None:
    large = _large_result()
    html = render_html(large)
    ids, hrefs = ids_and_links(html)
    id_set = set(ids)
    assert len(ids) == len(id_set)
    assert all(f"st-{s['id']}" in id_set for s in large["statements"])
    assert [h for h in hrefs if h.startswith("#") and h[1:] not in id_set] == []
    assert html.count('class="ev-link"') == 2000
    assert "Report 7 &lt;b&gt;" in html and "Report 7 <b>" not in html
    assert "statement 1999 &lt;i&gt;" in html


def test_identical_across_processes(result: dict[str, Any], tmp_path: Path) -> None:
    """Byte-identical output does not depend on hash randomisation or process state."""
    source = tmp_path / "result.json"
    source.write_text(json.dumps(result), encoding="utf-8")
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"report-{seed}.html"
        code = (
            "import json, sys; from pathlib import Path; from fogline.present import write_html; "
            "write_html(json.loads(Path(sys.argv[1]).read_text('utf-8')), Path(sys.argv[2]))"
        )
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code, str(source), str(out)], check=True, env=env)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == render_html(result).encode("utf-8")


def test_propositions_voiced_more_than_once_most_sources_first(result: dict[str, Any]) -> None:
    result["propositions"].append({"id": "p3", "text": "Said once", "claims": ["c6"]})
    html = render_html(result)
    section = html[
        html.index('<section id="propositions">') : html.index('<section id="statements">')
    ]
    assert section.index("Aldmarkian forces hold ground in Selm") < section.index(
        "The Aldmarkian breakthrough attempt was repelled"
    )
    assert "Said once" not in section
    _, hrefs = ids_and_links(section)
    assert hrefs and all(h.startswith("#") for h in hrefs)
    assert set(h[1:] for h in hrefs) <= set(ids_and_links(html)[0])
