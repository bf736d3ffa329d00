"""The README's test command is exactly what CI runs, and the documents
(README.md and docs/) name only real tasks and link only to real places."""

import re

from conftest import ROOT

DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


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


def test_ci_runs_the_readme_first_command_as_written():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "readme_command", ROOT / ".ci/readme_command.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert module.commands(text) == code_blocks("The two commands")
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8").splitlines()
    assert "bash .ci/first-command" in ci
    stage = (ROOT / ".ci/first-command").read_text(encoding="utf-8")
    assert "readme_command.py 1" in stage and "setsid" in stage


def test_readme_stays_short():
    # Details live in docs/; the README is the entry point for everyone.
    assert len((ROOT / "README.md").read_bytes()) <= 10 * 1024


def test_every_documented_task_exists():
    import tasks

    named = set()
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        named |= set(re.findall(r"`invoke ([a-z0-9-]+)", text))
    defined = {
        getattr(tasks, name).name
        for name in dir(tasks)
        if hasattr(getattr(tasks, name), "body")
    }
    assert named <= defined


def prose(text):
    """Markdown without code blocks and code spans."""
    text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    return re.sub(r"``.+?``|`[^`]*`", "", text, flags=re.DOTALL)


def anchors(text):
    """GitHub's heading anchors: lower case, punctuation dropped, spaces
    to hyphens, and -1, -2… for repeated headings."""
    text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    found, seen = set(), {}
    for heading in re.findall(r"^#{1,6} +(.+?) *$", text, flags=re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    return found


def test_links_between_documents_resolve():
    broken = []
    for document in DOCUMENTS:
        text = prose(document.read_text(encoding="utf-8"))
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"^[a-z]+:", target):
                continue  # another site
            path, _, fragment = target.partition("#")
            linked = (document.parent / path).resolve() if path else document
            if not linked.exists():
                broken.append(f"{document.name}: {target} (no such file)")
            elif fragment and fragment not in anchors(
                linked.read_text(encoding="utf-8")
            ):
                broken.append(f"{document.name}: {target} (no such heading)")
    assert not broken, "\n".join(broken)
