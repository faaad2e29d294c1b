"""The Code's timescales are data, per version; each complaint follows the version in force on
the day it was received."""

import datetime as dt

import pytest

from putright.timescales.code import CODE_VERSIONS, code_version_on, timescales_for

D = dt.date


@pytest.mark.parametrize(
    ("day", "version"),
    [
        (D(2019, 6, 1), ""),  # before the first Code: no Code timescale (NO_CODE)
        (D(2020, 6, 30), ""),
        (D(2020, 7, 1), "2020"),
        (D(2022, 3, 31), "2020"),
        (D(2022, 4, 1), "2022"),
        (D(2024, 3, 31), "2022"),  # the day before the statutory Code
        (D(2024, 4, 1), "2024"),  # the statutory Code, from 1 April 2024
        (D(2025, 11, 24), "2024"),
    ],
)
def test_code_version_on(day, version):
    assert code_version_on(day) == version


def test_the_2024_code_timescales():
    code = timescales_for("2024")
    assert code.statutory
    stage1, stage2 = code.stage(1), code.stage(2)
    assert (stage1.acknowledge_days, stage1.acknowledge_provision) == (5, "6.2")
    assert (stage1.respond_days, stage1.respond_provision) == (10, "6.3")
    assert (stage1.extension_limit_days, stage1.extension_provision) == (10, "6.4")
    assert (stage2.acknowledge_days, stage2.acknowledge_provision) == (5, "6.11")
    assert (stage2.respond_days, stage2.respond_provision) == (20, "6.14")
    assert (stage2.extension_limit_days, stage2.extension_provision) == (20, "6.15")


def test_the_2022_code_allowed_shorter_stage_2_extensions():
    assert not timescales_for("2022").statutory
    assert timescales_for("2022").stage(2).extension_limit_days == 10


def test_every_version_has_both_stages():
    for code in CODE_VERSIONS.values():
        assert [stage.stage for stage in code.stages] == [1, 2]


def test_unknown_versions_and_stages_are_refused():
    with pytest.raises(ValueError, match="unknown Code version"):
        timescales_for("2030")
    with pytest.raises(ValueError, match="no stage 3"):
        timescales_for("2024").stage(3)
