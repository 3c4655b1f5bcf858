"""The Python pipeline esep is measured against (issue 15): one process doing a build's work on
the same inputs, templates, fonts and data.

1. reads every sheet of every input workbook with pandas;
2. compiles every document of the pack with the `typst` binding (the same Typst version as
   esep's, the same templates and fonts, the very JSON esep compiles, PDF/A-2b, tagged);
3. writes each unit's figures, and all units' figures for the department, with XlsxWriter.

Usage: pipeline.py WORK INPUT OUT
WORK is the folder `cargo bench --bench python` writes: `templates/`, `fonts/`, `data/` and
`manifest.json` (each document's template, data and file name; each unit's code).
Needs: pip install typst pandas openpyxl xlsxwriter
"""
import json
import os
import sys

import pandas as pd
import typst
import xlsxwriter

COLUMNS = ("label", "measure", "previous", "current", "change_pct", "rank")


def figures(data):
    """Every figure row of a report's data: chapter, then the columns of its table."""
    for chapter in data["chapters"]:
        for row in chapter["figures"]:
            yield [chapter["title"]] + [row.get(c, "") for c in COLUMNS]


def write_book(path, heads, rows):
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("indicators")
    bold = book.add_format({"bold": True, "text_wrap": True})
    for c, head in enumerate(heads):
        sheet.write(0, c, head, bold)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.close()


def main(work, inputs, out):
    frames = {}
    for name in sorted(os.listdir(inputs)):
        if name.endswith((".xlsx", ".xls", ".ods")):
            frames[name] = pd.read_excel(os.path.join(inputs, name), sheet_name=None)

    with open(os.path.join(work, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    compiler = typst.Compiler(
        root=work, font_paths=[os.path.join(work, "fonts")], ignore_system_fonts=True
    )
    for doc in manifest["documents"]:
        pdf = compiler.compile(
            input=os.path.join(work, "templates", doc["template"]),
            sys_inputs={"data": doc["data"]},
            pdf_standards="a-2b",
        )
        path = os.path.join(out, doc["out"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(pdf)

    department = []
    for unit in manifest["units"]:
        with open(os.path.join(work, unit["report"].lstrip("/")), encoding="utf-8") as f:
            rows = [[unit["code"]] + row for row in figures(json.load(f))]
        heads = ("chapter",) + COLUMNS
        write_book(os.path.join(out, unit["code"], "indicators.xlsx"), heads, [r[1:] for r in rows])
        department.extend(rows)
    write_book(os.path.join(out, "department.xlsx"), ("unit", "chapter") + COLUMNS, department)
    print(f"{len(frames)} workbooks read, {len(manifest['documents'])} PDFs, "
          f"{len(manifest['units']) + 1} workbooks written")


if __name__ == "__main__":
    main(*sys.argv[1:4])
