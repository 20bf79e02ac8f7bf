"""Every ```python block of README.md runs, and prints the output that its comments show.

A block states its expected output in one of two ways. A block with an
``# Output:`` comment line expects the comment lines after it, one per line
printed. Any other block expects, for each line that starts with ``print(``,
the text of that line's trailing comment, in order, so such a block must not
call print in a loop.
"""

from __future__ import annotations

import contextlib
import io
import tokenize
from pathlib import Path
from typing import NamedTuple

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
OUTPUT_MARKER = "# Output:"


class Block(NamedTuple):
    line: int
    """The line number in README.md of the block's first line of code."""
    code: str


def _python_blocks(text: str) -> list[Block]:
    """Return each fenced block of README text whose info string is ``python``."""
    blocks: list[Block] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        if lines[index].strip() != "```python":
            index += 1
            continue
        start = index + 1
        end = start
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        if end == len(lines):
            pytest.fail(f"README.md:{index + 1}: the ```python block is not closed")
        blocks.append(Block(start + 1, "\n".join(lines[start:end]) + "\n"))
        index = end + 1
    return blocks


def _comments(code: str) -> dict[int, str]:
    """Return the text of each comment of ``code`` by its line number, counted from 1."""
    tokens = tokenize.generate_tokens(io.StringIO(code).readline)
    return {token.start[0]: token.string for token in tokens if token.type == tokenize.COMMENT}


def _expected_output(code: str) -> list[str]:
    """Return the lines that the block states it prints."""
    lines = code.splitlines()
    comments = _comments(code)
    if OUTPUT_MARKER in (line.strip() for line in lines):
        start = [line.strip() for line in lines].index(OUTPUT_MARKER) + 1
        expected: list[str] = []
        for line in lines[start:]:
            if not line.startswith("#"):
                break
            expected.append(line.removeprefix("#").removeprefix(" "))
        return expected

    expected = []
    for number, line in enumerate(lines, start=1):
        if not line.strip().startswith("print("):
            continue
        if number not in comments:
            pytest.fail(f"line {number} of the block prints but has no comment showing the output")
        expected.append(comments[number].removeprefix("#").strip())
    return expected


BLOCKS = _python_blocks(README.read_text(encoding="utf-8"))


def test_readme_has_python_blocks() -> None:
    assert len(BLOCKS) >= 4


@pytest.mark.parametrize("block", [pytest.param(block, id=f"line-{block.line}") for block in BLOCKS])
def test_readme_block_prints_its_comments(
    block: Block, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # A block that writes files leaves them here.
    printed = io.StringIO()
    code = compile(block.code, f"README.md, block at line {block.line}", "exec")

    with contextlib.redirect_stdout(printed):
        exec(code, {"__name__": "__readme__"})

    assert printed.getvalue().splitlines() == _expected_output(block.code)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        pytest.param('print("a")  # a\nx = 1\nprint(x)  # 1\n', ["a", "1"], id="trailing-comments"),
        pytest.param(
            'for x in "ab":\n    print(x)\n# Output:\n# a\n# b\nprint("not read")\n',
            ["a", "b"],
            id="output-block",
        ),
        pytest.param('print("a  # b")  # a  # b\n', ["a  # b"], id="hash-inside-string"),
    ],
)
def test_expected_output_reads_both_forms(code: str, expected: list[str]) -> None:
    assert _expected_output(code) == expected


def test_expected_output_rejects_print_without_comment() -> None:
    with pytest.raises(pytest.fail.Exception, match="line 2 of the block prints but has no comment"):
        _expected_output("x = 1\nprint(x)\n")
