"""From a letter's plain-text body to the HTML and PDF a resident receives.

The body is escaped and laid out (paragraphs, lists, headings) inside the landlord's letterhead.
PDFs are made by WeasyPrint with Debian's installed fonts and a URL fetcher that fetches nothing
but inline data: the logo is embedded, and a letter can never reach the network or the disk.
"""

from __future__ import annotations

import base64
import logging
import re

import pyphen
import textstat
from django.template.loader import render_to_string
from django.utils.html import escape
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from putright.letters.elements import html_to_text

# WeasyPrint reports each rendering step at INFO; only its warnings belong in the log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

# Flesch reading ease below this is hard for many readers ("fairly difficult" and worse); the
# Code asks for clear, plain language in responses (6.9, 6.19).
PLAIN_ENGLISH_THRESHOLD = 50.0


def body_html(body: str) -> str:
    """Plain text to HTML: blank lines part paragraphs, "- " starts a list item, "## " a
    heading. Everything is escaped: the body never carries markup of its own."""
    blocks = re.split(r"\n\s*\n", body.replace("\r\n", "\n").strip())
    parts = []
    for block in blocks:
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.lstrip().startswith("- ") for line in lines):
            items = "".join(f"<li>{escape(line.lstrip()[2:].strip())}</li>" for line in lines)
            parts.append(f"<ul>{items}</ul>")
        elif len(lines) == 1 and lines[0].startswith("## "):
            parts.append(f"<h2>{escape(lines[0][3:].strip())}</h2>")
        else:
            parts.append("<p>" + "<br>".join(escape(line) for line in lines) + "</p>")
    return "\n".join(parts)


def logo_data_uri(branding) -> str:
    if branding is None or not branding.logo:
        return ""
    with branding.logo.open("rb") as handle:
        encoded = base64.b64encode(handle.read()).decode("ascii")
    return f"data:{branding.logo_content_type or 'image/png'};base64,{encoded}"


def letter_html(*, subject: str, body: str, data: dict, branding, draft: bool = False) -> str:
    """The whole letter as a standalone HTML document."""
    landlord = data.get("landlord", {})
    return render_to_string(
        "letters/letter.html",
        {
            "subject": subject,
            "body": body_html(body),
            "data": data,
            "draft": draft,
            "logo": logo_data_uri(branding),
            "address": (branding.address if branding and branding.address else "")
            or landlord.get("address", ""),
            "signature": branding.signature if branding else "",
            "footer": branding.footer if branding else "",
        },
    )


class LocalOnlyFetcher(URLFetcher):
    """Refuses every URL that is not inline data: no network, no files."""

    def __init__(self):
        super().__init__(allowed_protocols=("data",), allow_redirects=False)


def letter_pdf(html: str) -> bytes:
    return HTML(string=html, url_fetcher=LocalOnlyFetcher(), base_url=None).write_pdf()


_hyphenator = pyphen.Pyphen(lang="en_GB")


def _syllables(word: str) -> int:
    return len(_hyphenator.positions(word)) + 1


def readability(body: str) -> float | None:
    """Flesch reading ease of the letter body (higher is easier; 60 to 70 is plain English).

    Words and sentences are counted by textstat; syllables by Pyphen's bundled English
    dictionary, because textstat's own syllable count downloads NLTK's CMU dictionary at run
    time and nothing may be downloaded at run time.
    """
    text = html_to_text(body_html(body))
    words = textstat.lexicon_count(text, removepunct=True)
    sentences = max(1, textstat.sentence_count(text))
    if words < 30:
        return None  # too short to score meaningfully
    syllables = sum(_syllables(word) for word in re.findall(r"[A-Za-z]+", text))
    score = 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)
    return round(score, 1)


def readability_warning(score: float | None) -> str:
    if score is None or score >= PLAIN_ENGLISH_THRESHOLD:
        return ""
    return (
        f"This letter may be hard to read (reading ease {score:.0f}; aim for "
        f"{PLAIN_ENGLISH_THRESHOLD:.0f} or more). Use shorter sentences and everyday words: "
        "responses must be in clear, plain language (6.9, 6.19)."
    )
