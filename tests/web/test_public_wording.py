"""Wording and branding on the public pages (review finding R7)."""

from django.urls import reverse

from putright.landlord.selectors import landlord_settings

# The details page, as the first question page sends a resident to it.
DETAILS = reverse("web:complain-form") + "?who=resident&preferred_contact_method=email"


def test_no_label_doubles_its_brackets(client, db):
    page = client.get(DETAILS).content.decode()
    assert ") (optional)" not in page
    assert "Tenancy reference (optional)" in page


def test_public_pages_carry_the_landlords_name_in_the_header_and_tab(client, db):
    name = landlord_settings().name
    for url in [
        reverse("web:complain"),
        reverse("web:complain-who"),
        DETAILS,
        reverse("web:track-find"),
    ]:
        page = client.get(url).content.decode()
        title = page.split("<title>")[1].split("</title>")[0]
        header = page.split('class="pr-header__service">')[1].split("</a>")[0]
        assert name in title and "Putright" not in title
        assert name in header and "Putright" not in header


def test_staff_pages_keep_the_products_name(signed_in, hannah):
    page = signed_in(hannah).get(reverse("web:complaints")).content.decode()
    assert "Putright</title>" in page


def test_phone_numbers_are_tap_to_call_links(client, db):
    landlord = landlord_settings()
    page = client.get(reverse("web:complain")).content.decode()
    digits = "".join(c for c in landlord.complaints_phone if c.isdigit() or c == "+")
    assert f'href="tel:{digits}"' in page
    ombudsman = "".join(c for c in landlord.ombudsman_phone if c.isdigit() or c == "+")
    assert f'href="tel:{ombudsman}"' in page
