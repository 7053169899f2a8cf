"""What a person with a screen reader or without a mouse would hit on a page, read from its HTML:
error-summary links that go nowhere, inputs without a label, radios outside a fieldset with a legend,
duplicate ids, aria-describedby naming a hint or error that is not there. Only the page's <main> is
checked (the header belongs to base.html)."""

import re
from html.parser import HTMLParser

UNLABELLED_OK = {"hidden", "submit", "button", "image", "reset"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.label_for: set[str] = set()
        self.controls: list[dict] = []
        self.fieldsets: list[dict] = []
        self.described_by: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"])
        for target in (a.get("aria-describedby") or "").split():
            self.described_by.append((a.get("name") or a.get("id") or tag, target))
        if tag == "label" and a.get("for"):
            self.label_for.add(a["for"])
        elif tag == "fieldset":
            self.fieldsets.append({"legend": False})
        elif tag == "legend" and self.fieldsets:
            self.fieldsets[-1]["legend"] = True
        elif tag in ("input", "select", "textarea"):
            kind = a.get("type", "text") if tag == "input" else tag
            if kind in UNLABELLED_OK:
                return
            self.controls.append(
                {
                    "name": a.get("name"),
                    "id": a.get("id"),
                    "type": kind,
                    "aria": bool(a.get("aria-label") or a.get("aria-labelledby")),
                    "in_legend_fieldset": bool(self.fieldsets) and self.fieldsets[-1]["legend"],
                }
            )

    def handle_endtag(self, tag):
        if tag == "fieldset" and self.fieldsets:
            self.fieldsets.pop()


def main_of(html: str) -> str:
    match = re.search(r"<main\b.*?</main>", html, re.S)
    assert match, "the page has no <main>"
    return match.group(0)


def error_summary_links(html: str) -> list[str]:
    match = re.search(r'<div class="error-summary".*?</ul>', html, re.S)
    return re.findall(r'href="#([^"]*)"', match.group(0)) if match else []


def problems(html: str) -> list[str]:
    main = main_of(html)
    page = _Page()
    page.feed(main)
    ids = set(page.ids)
    found = []
    for anchor in error_summary_links(main):
        if not anchor or anchor not in ids:
            found.append(f"error summary links to #{anchor}, which is not on the page")
    for element, target in page.described_by:
        if target not in ids:
            found.append(f"{element} is described by #{target}, which is not on the page")
    for duplicate in {i for i in page.ids if page.ids.count(i) > 1}:
        found.append(f"id {duplicate} is used twice")
    for control in page.controls:
        if not control["aria"] and (not control["id"] or control["id"] not in page.label_for):
            found.append(f"{control['type']} {control['name']} has no label")
        if control["type"] == "radio" and not control["in_legend_fieldset"]:
            found.append(f"radio {control['name']} is not in a fieldset with a legend")
    return found


def has_error_summary(html: str) -> bool:
    return bool(error_summary_links(main_of(html))) or 'class="error-summary"' in html
