"""The main navigation: each page a role can use, and only those (so that governance, which
reads everything and changes nothing, is not offered "Log a complaint" or the e-mail triage,
and a handler is not offered the oversight pages that answer them 403).

The rules are the services' own: letter templates are edited by the complaints officer,
managers and administrators (letters.templating._require_template_editor); e-mail is filed from
triage by anyone who acts on cases (letters.inbound); complaints are logged by anyone who can
change cases."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from putright.oversight.permissions import can_read_oversight


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    sections: tuple[str, ...]  # the url names (or namespaces) this link is current for


def nav_links(user) -> list[NavLink]:
    links = [
        NavLink("Home", reverse("web:home"), ("web:home",)),
        NavLink(
            "Complaints",
            reverse("web:complaints"),
            ("web:complaints", "web:complaint", "web:complaint-action"),
        ),
    ]
    if user.can_change_cases:
        links.append(
            NavLink("Log a complaint", reverse("web:complaint-log"), ("web:complaint-log",))
        )
    links.append(NavLink("Workload", reverse("web:workload"), ("web:workload",)))
    links.append(
        NavLink("Service requests", reverse("web:service-requests"), ("web:service-requests",))
    )
    if user.can_change_cases:
        links.append(NavLink("E-mail triage", reverse("letters:triage"), ("letters:triage",)))
    if user.can_change_cases and (user.acts_on_any_case or user.manages_settings):
        links.append(
            NavLink(
                "Letter templates",
                reverse("letters:templates"),
                ("letters:templates", "letters:template_edit", "letters:branding"),
            )
        )
    if can_read_oversight(user):  # the oversight pages' own check (403 for handlers)
        links.append(NavLink("Oversight", reverse("oversight:dashboard"), ("oversight",)))
        links.append(NavLink("Governance", reverse("governance:index"), ("governance",)))
        links.append(NavLink("Training", reverse("training:register"), ("training",)))
        links.append(NavLink("Contractors", reverse("contractors:register"), ("contractors",)))
    links.append(NavLink("Self-assessment", reverse("selfassessment:list"), ("selfassessment",)))
    links.append(NavLink("Surveys", reverse("surveys:list"), ("surveys",)))
    links.append(
        NavLink(
            "Compensation guide",
            reverse("web:compensation-guide"),
            ("web:compensation-guide", "web:compensation-band", "web:compensation-band-add"),
        )
    )
    return links


def current(link: NavLink, match) -> bool:
    """Whether `link` is the current section for the resolved URL `match`."""
    if match is None:
        return False
    return match.view_name in link.sections or match.namespace in link.sections
