"""bench/run.py's arguments, pages, verdicts and report lines, and bench/harness.py's
reading of /proc, without starting a server or timing anything."""

from types import SimpleNamespace

import pytest

from bench import harness, run


def test_by_default_the_5000_patient_clinic_is_made_and_can_be_left_out():
    assert run.parse_args([]).huge_patients == 5000
    assert run.parse_args(["--no-huge"]).huge_patients == 0
    assert run.parse_args(["--huge-patients", "0"]).huge_patients == 0
    assert run.parse_args(["--huge-patients", "2000"]).huge_patients == 2000


def test_a_negative_clinic_is_refused(capsys):
    with pytest.raises(SystemExit) as exit_:
        run.parse_args(["--huge-patients", "-1"])
    assert exit_.value.code == 2
    assert "--huge-patients" in capsys.readouterr().err


def test_the_third_clinic_is_made_only_when_asked_for():
    assert harness.clinics(500) == [("big", 500), ("small", 5)]
    assert harness.clinics(500, 5000) == [("big", 500), ("small", 5), ("huge", 5000)]


def server(huge_patients):
    return SimpleNamespace(
        session_code="c0de",
        patient="big-patient-0001",
        patients=500,
        huge_patients=huge_patients,
        step={},
    )


def test_the_5000_list_is_measured_last_as_its_lead_clinician():
    every = run.pages(server(5000))
    assert [p.key for p in every][-3:] == ["list_5", "list_500", "list_5000"]
    huge = every[-1]
    assert huge.label == "Clinician: list, 5,000 patients"
    assert (huge.path, huge.user, huge.patient_page) == ("/clinic/patients/", "huge-lead", False)
    assert "list_5000" not in {p.key for p in run.pages(server(0))}


def result(server_ms, cpu_ms, queries, *, patient_page=False):
    return {
        "server_ms": server_ms,
        "cpu_ms": cpu_ms,
        "server_ratio": 1.0,
        "cpu_ratio": 1.0,
        "ratio": 1.0,
        "patient_page": patient_page,
        "htmx": False,
        "weight": {"queries": queries, "total_bytes": 1000},
        "runs": [{"not_200": 0, "socket_errors": 0}],
    }


def test_the_5000_list_is_reported_not_judged_but_its_queries_are_checked():
    results = {
        "list_5": result(10.0, 8.0, 7),
        "list_500": result(20.0, 16.0, 7),
        "list_5000": result(90.0, 80.0, 8),
    }
    checks = run.verdicts(results, {"list_500": 2.1, "list_5000": 9.5})
    assert checks["list at 500 within 3.0x the list at 5"] == {
        "ok": True,
        "value": "2.0x (CPU 2.0x, wrk 2.1x)",
    }
    assert checks["list at 5,000 over the list at 5 (reported, no budget)"] == {
        "ok": True,
        "value": "9.0x (CPU 10.0x, wrk 9.5x)",
    }
    assert checks["list: same queries at 5 and 500 patients"]["ok"]
    assert checks["list: same queries at 5 and 5,000 patients"] == {"ok": False, "value": "7 and 8"}
    names = list(checks)  # the 5,000 line right after the 500 line
    assert names.index("list at 5,000 over the list at 5 (reported, no budget)") == (
        names.index("list at 500 within 3.0x the list at 5") + 1
    )


def test_without_the_5000_list_the_verdicts_are_as_before():
    results = {"list_5": result(10.0, 8.0, 7), "list_500": result(40.0, 16.0, 7)}
    checks = run.verdicts(results, {"list_500": 4.0})
    assert not checks["list at 500 within 3.0x the list at 5"]["ok"]
    assert not any("5,000" in name for name in checks)


def fake_proc(tmp_path, processes):
    """A /proc with processes {pid: (ppid, command, rss_kb, peak_kb)}."""
    for pid, (ppid, command, rss, peak) in processes.items():
        folder = tmp_path / str(pid)
        folder.mkdir()
        (folder / "stat").write_text(f"{pid} ({command}) S {ppid} {pid} {pid} 0 -1 4194560\n")
        (folder / "status").write_text(
            f"Name:\t{command}\nPPid:\t{ppid}\nVmPeak:\t  900000 kB\n"
            f"VmHWM:\t{peak:>8} kB\nVmRSS:\t{rss:>8} kB\nThreads:\t1\n"
        )
    (tmp_path / "self").mkdir()  # not a process number: skipped
    return tmp_path


def test_the_workers_are_the_masters_children_with_their_memory(tmp_path):
    proc = fake_proc(
        tmp_path,
        {
            100: (1, "python", 30000, 40000),  # the master
            101: (100, "python) S 7 (odd", 90000, 190000),  # a command with ") S 7 ("
            102: (100, "python", 91000, 95000),
            200: (1, "other", 5000, 5000),
        },
    )
    assert harness.children_of(100, proc) == [101, 102]
    assert harness.worker_memory(100, proc) == {
        101: {"rss_kb": 90000, "peak_kb": 190000},
        102: {"rss_kb": 91000, "peak_kb": 95000},
    }
    assert harness.memory_of(999, proc) == {}


def test_resetting_a_peak_writes_5_to_clear_refs_and_says_when_it_cannot(tmp_path):
    proc = fake_proc(tmp_path, {101: (100, "python", 1, 1)})
    assert harness.reset_peak(101, proc)
    assert (proc / "101" / "clear_refs").read_text() == "5"
    assert not harness.reset_peak(999, proc)


def test_a_pages_growth_is_the_largest_rise_of_one_workers_peak():
    before = {1: {"rss_kb": 80, "peak_kb": 80}, 2: {"rss_kb": 90, "peak_kb": 90}, 3: {}}
    after = {1: {"peak_kb": 100}, 2: {"peak_kb": 150}, 4: {"peak_kb": 900}}
    assert run.grown(before, after) == 60  # worker 4 started since: left out
    assert run.grown({}, {}) == 0


def test_the_memory_lines_say_each_workers_memory_and_each_lists():
    memory = {
        "at_start": {101: {"rss_kb": 88064, "peak_kb": 190464}},
        "after": {101: {"rss_kb": 92160, "peak_kb": 102400}},
    }
    results = {
        "list_5": {
            "label": "Clinician: list, 5 patients",
            "memory_kb": 360,
            "peak_grew_in_warmup_kb": 64,
        },
        "list_5000": {
            "label": "Clinician: list, 5,000 patients",
            "memory_kb": 12345,
            "peak_grew_in_warmup_kb": 20480,
        },
    }
    lines = run.memory_lines(memory, results)
    assert lines[0] == "workers' resident memory at start: pid 101 86.0 MB (peak 186.0 MB)"
    assert lines[1].endswith("pid 101 90.0 MB (peak 100.0 MB)")
    assert lines[3] == (
        "Clinician: list, 5,000 patients: at most 12,345 KB allocated by Python for one "
        "request; a worker's peak grew 20,480 KB during its warm-up"
    )
    assert "not known" in run.memory_lines({"at_start": {}, "after": {}}, {})[0]


def test_the_data_line_says_how_long_each_clinic_took():
    line = run.data_line({"big": 29.1, "small": 1.2, "huge": 301.5}, 500, 5000)
    assert line == (
        "make_scale_data: 500 patients in 29.1 s, 5 patients in 1.2 s, 5,000 patients in 301.5 s"
    )
