"""Loads the Code's JSON files into the database; run by the data migration and safe to
repeat (it updates texts in place)."""

from __future__ import annotations

import datetime as dt

from putright.codes import catalogue


def load_codes(CodeVersion, Section, Provision, versions=catalogue.VERSIONS) -> None:
    for key in versions:
        data = catalogue.load(key)
        version, _ = CodeVersion.objects.update_or_create(
            key=key,
            defaults={
                "title": data["title"],
                "in_force_from": dt.date.fromisoformat(data["in_force_from"]),
                "statutory": data["statutory"],
            },
        )
        position = 0
        for section_data in data["sections"]:
            section, _ = Section.objects.update_or_create(
                code_version=version,
                number=int(section_data["number"]),
                defaults={"title": section_data["title"]},
            )
            for item in section_data["provisions"]:
                position += 1
                Provision.objects.update_or_create(
                    code_version=version,
                    ref=item["ref"],
                    defaults={
                        "section": section,
                        "text": item["text"],
                        "kind": item.get("kind") or "must",
                        "position": position,
                    },
                )
