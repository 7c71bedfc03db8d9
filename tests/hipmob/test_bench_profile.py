"""bench/profile_pages.py's arguments and pages, without starting a server."""

from types import SimpleNamespace

import pytest

from bench import profile_pages, run


def test_by_default_every_patient_page_is_profiled_and_not_the_baseline():
    args = profile_pages.parse_args([])
    assert args.page == ["today", "step", "step_post", "history"]
    assert args.requests == 200


def test_pages_can_be_chosen_and_repeats_are_dropped():
    args = profile_pages.parse_args(["--page", "history", "--page", "today", "--page", "history"])
    assert args.page == ["history", "today"]


def test_every_page_it_profiles_is_a_page_the_bench_measures():
    server = SimpleNamespace(
        session_code="c0de", patient="big-patient-0001", patients=500, huge_patients=0, step={}
    )
    measured = {page.key for page in run.pages(server)}
    assert set(profile_pages.PAGES) <= measured


@pytest.mark.parametrize("argv", [["--page", "clinic"], ["--requests", "0"], ["--warmup", "-1"]])
def test_bad_arguments_are_refused(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        profile_pages.parse_args(argv)
    assert exit_.value.code == 2
    assert "error:" in capsys.readouterr().err
