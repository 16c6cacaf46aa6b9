"""How often a column role or a work row is read wrong on the test corpus, before and after the role reader.

Run: .venv/bin/python bench/bench_roles.py [commit]   (default 8cf0690, the reader before reading/roles.py)
The old reader is taken from git (``git archive``) into a temporary folder; each reader runs in its own child.
Old readers have no Plan.columns: their roles are rebuilt from the header they found and the rows pass's own
choice of title columns, which is what they read with.
"""
from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r'''
import sys
from pathlib import Path
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from corpus import CASES, Y, d
from planviz.reading import load_plan, readers, rows as rowsmod


def old_roles(case):
    data = case.data()
    kind = readers.check_container(data, case.name)
    sheets = ([readers.RawSheet(Path(case.name).stem, readers._read_csv(data, case.name))] if kind == "csv"
              else readers._read_workbook(data, kind, case.name))
    out = {}
    for sheet in sheets:
        rows = readers._trim(sheet.rows)
        scan, covered = readers._scan_rows(sheet, rows, 16)
        header = readers.find_header(scan, {}, covered, sheet.hidden_columns)
        if header is None:
            continue
        rows = [list(r) for r in rows]
        readers._fill_down(sheet, rows, header.row + 1)
        pass_ = rowsmod._SheetRows(sheet.name, rows, header, Y, ((), ()), {}, [])
        field = {i: f for f, ix in pass_.idx.items() for i in ix}
        if pass_.group_col is not None:
            field[pass_.group_col] = "title"
        for c in header.columns:
            out.setdefault(c.label, field.get(c.index))
    return out


cols = wrong = rows = rows_wrong = 0
for case in CASES:
    try:
        plan = load_plan(case.data(), case.name, year=Y)
        roles = {c.header: c.role for c in plan.columns} if plan.columns else old_roles(case)
        work = [(i.title, i.section, i.owner_text, i.department_text, i.start, i.end)
                for i in plan.items if i.level != "section"]
    except Exception:  # noqa: BLE001 - a reader that fails on a case gets every row and role of it wrong
        roles, work = {}, []
    cols += len(case.roles)
    wrong += sum(1 for h, want in case.roles.items() if roles.get(h, "?") != want)
    want_rows = [(t, s, o, dp, d(a), d(b)) for t, s, o, dp, a, b in case.expect]
    rows += len(want_rows)
    rows_wrong += sum(1 for k, w in enumerate(want_rows) if k >= len(work) or work[k] != w)
print(f"{len(CASES)}\t{wrong}\t{cols}\t{rows_wrong}\t{rows}")
'''


def measure(root: Path) -> list[int]:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(root), str(ROOT / "tests")], capture_output=True,
                          text=True, check=True)
    return [int(x) for x in done.stdout.split()]


def main(commit: str) -> None:
    archive = subprocess.run(["git", "archive", commit, "planviz"], cwd=ROOT, capture_output=True, check=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        tarfile.open(fileobj=BytesIO(archive)).extractall(tmp)
        results = {f"before ({commit})": measure(Path(tmp)), "after (this tree)": measure(ROOT)}
    print(f"{'reader':<22} | {'cases':>5} | {'roles wrong':>14} | {'work rows wrong':>16}")
    print("-" * 66)
    for name, (cases, wrong, cols, rows_wrong, rows) in results.items():
        print(f"{name:<22} | {cases:>5} | {f'{wrong}/{cols} ({wrong / cols:.0%})':>14} | "
              f"{f'{rows_wrong}/{rows} ({rows_wrong / rows:.0%})':>16}")
    print("\nroles: the columns each corpus case names in Case.roles; rows: title, section, owners, departments, "
          "start and end of every work item.")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "8cf0690")
