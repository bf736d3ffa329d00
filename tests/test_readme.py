"""The README's test command is exactly what CI runs."""

import re

from conftest import ROOT


def code_blocks(section):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    body = text.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", body, flags=re.DOTALL)


def test_ci_runs_the_readme_test_command():
    build_and_serve, run_tests = code_blocks("The two commands")
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == run_tests
    assert "invoke build serve" in build_and_serve
    assert "requirements.txt" in build_and_serve


def test_every_readme_task_exists():
    import tasks

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`invoke ([a-z0-9-]+)", text))
    defined = {
        getattr(tasks, name).name
        for name in dir(tasks)
        if hasattr(getattr(tasks, name), "body")
    }
    assert named <= defined
