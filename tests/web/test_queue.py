"""The work queue (H1, H2, H14, O1, O3, G2, G3): the home page's open cases, the list opening on
open cases with its filters and saved views, the officer's bulk assign and the workload, all
through the web client and the services, and in a number of queries that does not grow."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from putright.complaints.models import Complaint
from putright.complaints.services import complaint_escalate, complaint_withdraw
from putright.web.models import SavedView
from tests.factories import acknowledge, log_complaint, on_day, respond

HOME, LIST = reverse("web:home"), reverse("web:complaints")


def listed(response):
    return [c.reference for c in response.context["page"].object_list]


def later(hannah, *, received_on=dt.date(2025, 11, 10), **kw):
    """Acknowledged on the day received: the response is due 10 working days later, far past
    the home page's "due within 2 working days"."""
    complaint = log_complaint(user=hannah, received_on=received_on, **kw)
    acknowledge(complaint, user=hannah, on=received_on)
    return complaint


# --- H1, H14: the home page --------------------------------------------------------------------


def test_home_lists_my_open_cases_first_by_due_date_even_when_nothing_is_urgent(
    signed_in, hannah, harry
):
    first = later(hannah, received_on=dt.date(2025, 11, 14))
    second = later(hannah, received_on=dt.date(2025, 11, 21))
    later(harry)  # harry's, not hers
    response = signed_in(hannah).get(HOME)
    assert [c.reference for c in response.context["groups"]["open"]] == [
        first.reference,
        second.reference,
    ]
    page = response.content.decode()
    assert page.index("My open cases") < page.index("Overdue against the Code")
    assert response.context["groups"]["open_count"] == 2


def test_home_lists_each_urgent_case_once_and_handlers_by_name(signed_in, hannah, olivia):
    # Received 19 Nov: acknowledgement due 26 Nov, within 2 working days and unacknowledged.
    soon = log_complaint(user=hannah, received_on=dt.date(2025, 11, 19))
    from putright.complaints.services import complaint_assign

    complaint_assign(user=olivia, complaint=soon, handler=hannah)
    groups = signed_in(olivia).get(HOME).context["groups"]
    sections = ("overdue", "due_today", "due_soon", "awaiting", "internal_overdue")
    assert [name for name in sections if soon.pk in {c.pk for c in groups[name]}] == ["due_soon"]
    page = signed_in(olivia).get(HOME).content.decode()
    assert "<td>Hannah" in page and "<td>hannah</td>" not in page


def test_late_remedies_come_a_page_at_a_time(signed_in, hannah):
    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 10, 1))
    acknowledge(complaint, user=hannah, on=dt.date(2025, 10, 2))
    remedies = [
        {"type": "apology", "description": f"Apology {i}", "due_on": dt.date(2025, 10, 20)}
        for i in range(25)
    ]
    respond(complaint, user=hannah, on=dt.date(2025, 10, 10), remedies=remedies)
    client = signed_in(hannah)
    first = client.get(HOME).context["groups"]["late"]
    assert len(first.remedies) == 20 and first.has_next and first.count == 25
    second = client.get(HOME, {"late": 2}).context["groups"]["late"]
    assert len(second.remedies) == 5 and not second.has_next


def _count(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return len(captured)


@pytest.mark.parametrize("user_name", ["hannah", "olivia"])
def test_home_and_list_cost_the_same_queries_at_two_sizes(
    user_name, request, signed_in, hannah, olivia, django_assert_num_queries
):
    user = request.getfixturevalue(user_name)
    client = signed_in(user)

    def grow(n, start):
        for i in range(start, start + n):
            complaint = later(hannah, resident={"name": f"R{i}", "tenancy_reference": f"T{i}"})
            if i % 2:
                respond(
                    complaint,
                    user=hannah,
                    on=dt.date(2025, 11, 12),
                    remedies=[
                        {"type": "apology", "description": "Sorry", "due_on": dt.date(2025, 11, 20)}
                    ],
                )
            log_complaint(user=hannah, resident={"name": f"N{i}", "tenancy_reference": f"U{i}"})

    grow(2, 0)
    client.get(HOME)  # warm the session
    home, listing = _count(client, HOME), _count(client, LIST)
    grow(12, 2)
    with django_assert_num_queries(home):
        client.get(HOME)
    with django_assert_num_queries(listing):
        client.get(LIST)


# --- H2: the list ------------------------------------------------------------------------------


def test_the_list_opens_on_open_cases_and_any_status_shows_the_rest(signed_in, hannah, olivia):
    open_ = later(hannah)
    gone = log_complaint(user=hannah, received_on=dt.date(2025, 11, 12))
    with on_day(dt.date(2025, 11, 13)):
        complaint_withdraw(user=olivia, complaint=gone, withdrawn_on=dt.date(2025, 11, 13))
    client = signed_in(hannah)
    assert listed(client.get(LIST)) == [open_.reference]
    assert set(listed(client.get(LIST, {"status": "any"}))) == {open_.reference, gone.reference}


def test_the_list_filters_mine_unassigned_due_this_week_and_category(
    signed_in, hannah, harry, olivia
):
    mine = later(hannah, category="repairs")  # response due 24 Nov: today, this week
    theirs = later(harry, received_on=dt.date(2025, 11, 21), category="damp_mould")
    # Acknowledgement due 28 Nov (5 working days): this week too; theirs is due 5 Dec.
    nobody = log_complaint(user=olivia, received_on=dt.date(2025, 11, 21))
    client = signed_in(hannah)
    assert listed(client.get(LIST, {"handler": "me"})) == [mine.reference]
    assert listed(client.get(LIST, {"handler": "none"})) == [nobody.reference]
    assert set(listed(client.get(LIST, {"overdue": "week"}))) == {mine.reference, nobody.reference}
    assert listed(client.get(LIST, {"category": "damp_mould"})) == [theirs.reference]


def test_the_list_numbers_its_pages_to_the_last(signed_in, hannah):
    for i in range(80):
        log_complaint(user=hannah, resident={"name": f"R{i}", "tenancy_reference": f"T{i}"})
    page = signed_in(hannah).get(LIST, {"page": 2}).content.decode()
    assert (
        'page=4"' in page
        and 'aria-current="page"><span class="pr-visually-hidden">Page </span>2' in page
    )


def test_saved_views_are_saved_listed_used_and_deleted_by_their_owner_only(
    signed_in, client, hannah, harry
):
    mine = later(hannah, category="repairs")
    later(hannah, category="damp_mould")
    signed_in(hannah)
    response = client.post(
        reverse("web:saved-view-save"),
        {"name": "My repairs", "query": "handler=me&category=repairs&bogus=1"},
    )
    view = SavedView.objects.get(user=hannah)
    assert view.query == "status=open&handler=me&category=repairs"  # re-read, never echoed
    assert response["Location"].endswith("?" + view.query)
    page = client.get(LIST)
    assert "My repairs" in page.content.decode()
    assert listed(client.get(LIST + "?" + view.query)) == [mine.reference]
    signed_in(harry)
    assert "My repairs" not in client.get(LIST).content.decode()
    client.post(reverse("web:saved-view-delete", args=[view.pk]))
    assert SavedView.objects.filter(pk=view.pk).exists()  # not his to delete
    signed_in(hannah)
    client.post(reverse("web:saved-view-delete", args=[view.pk]))
    assert not SavedView.objects.filter(pk=view.pk).exists()


# --- O1: bulk assign ---------------------------------------------------------------------------


def _stage_2_handled_at_stage_1_by(hannah, olivia):
    complaint = later(hannah, received_on=dt.date(2025, 11, 3))
    respond(complaint, user=hannah, on=dt.date(2025, 11, 7))
    with on_day(dt.date(2025, 11, 10)):
        complaint_escalate(user=olivia, complaint=complaint, requested_on=dt.date(2025, 11, 10))
    return complaint


def test_officer_assigns_ticked_cases_and_is_told_which_the_code_refused(
    signed_in, hannah, harry, olivia
):
    one = log_complaint(user=olivia, received_on=dt.date(2025, 11, 20))
    two = log_complaint(user=olivia, received_on=dt.date(2025, 11, 21))
    stage_2 = _stage_2_handled_at_stage_1_by(hannah, olivia)
    client = signed_in(olivia)
    page = client.get(LIST).content.decode()
    assert 'name="complaints"' in page and 'form="bulk-assign"' in page
    # Its handler is not the filters' handler: one id each, so each label names its own field.
    assert page.count('id="id_handler"') == 1 and page.count('id="id_assign_handler"') == 1
    response = client.post(
        reverse("web:complaints-assign"),
        {"complaints": [one.reference, two.reference, stage_2.reference], "handler": "hannah"},
        follow=True,
    )
    for complaint in (one, two):
        assert Complaint.objects.get(pk=complaint.pk).stages.get(number=1).handler == hannah
    assert Complaint.objects.get(pk=stage_2.pk).stages.get(number=2).handler is None
    text = response.content.decode()
    assert "Assigned 2 to Hannah" in text
    assert f"{stage_2.reference} not assigned" in text and "provision 6.13" in text
    # Reassigning the same cases to someone else goes through the same form.
    client.post(
        reverse("web:complaints-assign"),
        {"complaints": [one.reference], "handler": "harry"},
    )
    assert Complaint.objects.get(pk=one.pk).stages.get(number=1).handler == harry


@pytest.mark.parametrize("user_name", ["hannah", "grace"])
def test_only_those_who_assign_are_offered_bulk_assign(user_name, request, signed_in):
    user = request.getfixturevalue(user_name)
    log_complaint(user=request.getfixturevalue("olivia"))
    client = signed_in(user)
    page = client.get(LIST).content.decode()
    assert 'name="complaints"' not in page and "Assign ticked" not in page
    complaint = Complaint.objects.get()
    response = client.post(
        reverse("web:complaints-assign"), {"complaints": [complaint.reference], "handler": "hannah"}
    )
    assert response.status_code == 403
    assert complaint.stages.get().handler is None


# --- O3: workload ------------------------------------------------------------------------------


def test_workload_counts_open_cases_per_handler(signed_in, hannah, harry, olivia):
    later(hannah)  # response due today: this week
    later(hannah, received_on=dt.date(2025, 11, 3))  # response due 17 Nov: overdue
    log_complaint(user=olivia, received_on=dt.date(2025, 11, 21))  # unassigned
    later(harry, received_on=dt.date(2025, 11, 21))
    response = signed_in(olivia).get(reverse("web:workload"))
    rows = {(r.handler.username if r.handler else None): r for r in response.context["rows"]}
    assert (rows["hannah"].open, rows["hannah"].overdue, rows["hannah"].due_this_week) == (2, 1, 1)
    assert (rows["harry"].open, rows["harry"].overdue) == (1, 0)
    assert rows[None].open == 1 and rows["olivia"].open == 0
    assert reverse("web:workload") in signed_in(olivia).get(LIST).content.decode()


# --- G2, G3, O5: who sees what -----------------------------------------------------------------


def test_governance_home_is_the_oversight_pages_not_a_work_queue(signed_in, grace, hannah):
    later(hannah)
    response = signed_in(grace).get(HOME)
    page = response.content.decode()
    assert "groups" not in response.context
    assert reverse("oversight:dashboard") in page and "/oversight/pack/" in page
    assert "My cases" not in page and "What needs doing" not in page


@pytest.mark.parametrize(
    "user_name, shown, hidden",
    [
        ("grace", ["Oversight"], ["Log a complaint", "E-mail triage", "Letter templates"]),
        ("hannah", ["Log a complaint", "E-mail triage"], ["Letter templates", "Oversight"]),
        ("olivia", ["Log a complaint", "E-mail triage", "Letter templates", "Oversight"], []),
    ],
)
def test_navigation_offers_each_role_the_pages_it_can_use(
    user_name, shown, hidden, request, signed_in
):
    client = signed_in(request.getfixturevalue(user_name))
    nav = client.get(LIST).content.decode().split('aria-label="Main"')[1].split("</nav>")[0]
    for label in shown:
        assert f">{label}</a>" in nav, label
    for label in hidden:
        assert f">{label}</a>" not in nav, label
    # Each link offered opens.
    links = [part.split('"')[0] for part in nav.split('href="')[1:]]
    for link in links:
        assert client.get(link).status_code == 200, link


def test_governance_sees_no_forms_it_cannot_use_on_home_list_and_search(signed_in, grace, hannah):
    later(hannah)
    client = signed_in(grace)
    for url, params in ((HOME, {}), (LIST, {}), (LIST, {"q": "leak", "status": "any"})):
        page = client.get(url, params).content.decode()
        assert 'method="post"' not in page.replace(
            f'method="post" action="{reverse("web:logout")}"', ""
        ).replace(f'method="post" action="{reverse("web:saved-view-save")}"', ""), url
