"""An automated WCAG 2.1 AA check of a page in Chromium with axe-core (axe-playwright-python bundles
axe.min.js, so it runs offline): each page's violations are collected and reported together, readably,
so one run shows everything that is wrong rather than only the first page."""

import json

from axe_playwright_python.base import AXE_SCRIPT, AxeResults

# Only the rules of WCAG 2.0 and 2.1, levels A and AA (what EN 301 549 and the Web Accessibility
# Directive require); axe's best-practice rules are advice, not the standard.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}

RUN = f"axe.run(document, {json.dumps(OPTIONS)})"

# Two checks of WCAG 2.1 that axe no longer makes, or only leaves "to review", so they are failures
# here: an id used twice (4.1.1 Parsing, still in 2.1; a label or hint may point at the other
# element), and an aria-describedby or aria-labelledby naming an id that is not on the page (1.3.1: the
# hint or label it should read out is not tied to the field).
DUPLICATE_IDS = """() => [...document.querySelectorAll("[id]")]
    .filter(element => document.querySelectorAll("#" + CSS.escape(element.id)).length > 1)
    .map(element => ({html: element.outerHTML, target: ["#" + element.id]}))"""
BROKEN_REFERENCES = """() => [...document.querySelectorAll("[aria-describedby], [aria-labelledby]")].flatMap(
    element => ["aria-describedby", "aria-labelledby"].flatMap(attribute =>
        (element.getAttribute(attribute) || "").split(/\\s+/).filter(id => id && !document.getElementById(id))
            .map(id => ({html: element.outerHTML, target: [attribute + " -> #" + id]}))))"""
OWN_CHECKS = [
    ("duplicate-id", "serious", "An id must be used once on a page", DUPLICATE_IDS),
    (
        "aria-reference-missing",
        "serious",
        "aria-describedby and aria-labelledby must name ids that are on the page",
        BROKEN_REFERENCES,
    ),
]


def own_checks(page):
    found = []
    for rule, impact, help_text, script in OWN_CHECKS:
        nodes = page.evaluate(script)
        if nodes:
            found.append({"id": rule, "impact": impact, "help": help_text, "nodes": nodes})
    return found


class Sweep:
    """Runs axe on each page it is shown and remembers what it found, for one assertion at the end."""

    def __init__(self, page):
        self.page = page
        # axe comes with every page the browser loads: handing its 550 kB to each page over the
        # DevTools connection, as Axe.run does, took as long as the check itself.
        page.context.add_init_script(script=AXE_SCRIPT)
        self.found = []  # (what the page is, its address, violation)
        self.checked = []

    def check(self, name):
        """Check the page as it is now. No rule is left out anywhere, the admin's pages included: what
        the sweep found there the portal's own admin templates and static/css/admin.css put right."""
        if not self.page.evaluate("typeof axe !== 'undefined'"):  # a page written by set_content
            self.page.evaluate(AXE_SCRIPT)
        results = AxeResults(self.page.evaluate(RUN))
        self.checked.append(name)
        for violation in results.response["violations"] + own_checks(self.page):
            self.found.append((name, self.page.url, violation))

    def report(self):
        lines = [f"{len(self.found)} WCAG 2.1 AA violation(s) on {len(self.checked)} page(s) checked:"]
        for name, url, violation in self.found:
            lines.append(f"\n[{name}] {url}")
            lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}")
            for node in violation["nodes"]:
                lines.append(f"    {' '.join(node['html'].split())}")
                lines.append(f"      at {', '.join(str(t) for t in node['target'])}")
                why = node.get("failureSummary") or ""
                lines.extend(f"      {line.strip()}" for line in why.splitlines() if line.strip())
        return "\n".join(lines)

    def assert_clean(self):
        assert not self.found, self.report()
