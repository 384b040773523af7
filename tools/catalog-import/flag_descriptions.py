#!/usr/bin/env python3
"""Turn the Kubernetes website's component reference pages into kube-flag-descriptions.json.

Input: a folder with one file per component, <component>.html, holding the text of
content/en/docs/reference/command-line-tools-reference/<component>.md (or excerpts of it in the
same HTML row form): each `<td colspan="2">--name …</td>` cell is followed by a `<p>…</p>`
description cell. Output: for each flag the first sentence of its description as plain text.

    python3 tools/catalog-import/flag_descriptions.py PAGES_DIR \
        --source kubelet=kubernetes/website@SHA --note kubelet="flag set equals the 1.34 reference" …

The "(DEPRECATED: …)" notes are dropped: the catalog carries deprecation as data already.
"""
import argparse
import html
import json
import os
import re
import sys

COMPONENTS = ["kube-apiserver", "kubelet", "kube-proxy", "kube-controller-manager", "kube-scheduler"]
PATH = "content/en/docs/reference/command-line-tools-reference/%s.md"
MAX_CHARS = 200

ROW = re.compile(r'<td colspan="2">(.*?)</td>.*?<p>(.*?)</p>', re.S)
FLAG = re.compile(r'(?:^|,\s*)(--[A-Za-z0-9_-]+)')
DEPRECATED = re.compile(r'\s*\(DEPRECATED:.*$', re.S)
# a sentence ends at ". " before an upper-case letter, a digit, an opening bracket or quote; abbreviations stay whole
ABBREVIATIONS = ("e.g.", "i.e.", "Ex.", "etc.", "vs.")


def plain(cell):
    text = re.sub(r'<br\s*/?>', ' ', cell)
    text = re.sub(r'<[^>]+>', '', text)
    text = html.unescape(text).replace('\u00a0', ' ')
    return re.sub(r'\s+', ' ', text).strip()


def first_sentence(text):
    text = DEPRECATED.sub('', text).strip()
    for m in re.finditer(r"""[.:]\s+(?=[A-Z0-9<(["'])|\.$""", text):
        end = m.start() + 1
        if text[end - 1] == ':':
            continue
        if any(text[:end].endswith(a) for a in ABBREVIATIONS):
            continue
        text = text[:end]
        break
    return shorten(text)


def shorten(text, limit=MAX_CHARS):
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(' ')
    return (cut[:space] if space > 0 else cut).rstrip(' ,;:') + '\u2026'


def parse(page):
    out = {}
    for head, cell in ROW.findall(page):
        m = FLAG.search(plain(head))
        if m is None:
            continue
        sentence = first_sentence(plain(cell))
        if sentence:
            out[m.group(1)] = sentence
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", help="folder with <component>.html")
    ap.add_argument("--source", action="append", default=[], metavar="COMPONENT=OWNER/REPO@COMMIT",
                    help="where a component's page was read (required for each page)")
    ap.add_argument("--note", action="append", default=[], metavar="COMPONENT=TEXT",
                    help="a note on a component's source; all=TEXT for the whole file")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "kube-flag-descriptions.json"))
    args = ap.parse_args(argv)
    sources = dict(s.split("=", 1) for s in args.source)
    notes = dict(n.split("=", 1) for n in args.note)
    doc = {"source": {
        "license": "Text from the Kubernetes documentation (kubernetes/website), CC BY 4.0: the first sentence of "
                   "each flag's description in the component reference, HTML removed, at most %d characters, "
                   "without its (DEPRECATED: ...) note." % MAX_CHARS,
        "use": "import.py writes each text into every kube/<minor>.json whose component has the flag ('_' and '-' "
               "alike); the minors' texts are not compared. A flag with no text here gets no description.",
        "note": notes.get("all", ""),
        "files": {},
    }, "components": {}}
    for comp in COMPONENTS:
        path = os.path.join(args.pages, comp + ".html")
        if not os.path.exists(path):
            continue
        if comp not in sources:
            ap.error("no --source for %s" % comp)
        repo, commit = sources[comp].split("@", 1)
        with open(path, encoding="utf-8") as f:
            flags = parse(f.read())
        doc["source"]["files"][comp] = {"repository": "github.com/" + repo, "commit": commit, "path": PATH % comp,
                                        "note": notes.get(comp, "")}
        doc["components"][comp] = dict(sorted(flags.items()))
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write("\n")
    for comp, flags in doc["components"].items():
        print("%s: %d descriptions" % (comp, len(flags)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
