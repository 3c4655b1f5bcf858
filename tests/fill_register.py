"""Fills a unit's follow-up register (followup.xlsx, written by `esep protocol`) the way the staff
would as the work goes: the item for another body forwarded and its applicant told, one item
answered in time, one answered late, one left open. Used by the tests' client checks
(`clients::`) and by nothing else.

Usage: fill_register.py FOLLOWUP.xlsx OUT.xlsx
"""
import datetime as dt
import sys

from openpyxl import load_workbook

from fill_protocol import column


def main(path, out):
    wb = load_workbook(path)
    r = wb["register"]
    date = wb["meeting"].cell(row=2, column=column(wb["meeting"], "date")).value
    day = lambda n: date + dt.timedelta(days=n)
    answered = 0
    for row in range(2, r.max_row + 1):
        if r.cell(row=row, column=column(r, "number")).value is None:
            continue
        cell = lambda cid: r.cell(row=row, column=column(r, cid))
        if cell("competence").value == "жоқ":
            cell("forwarded_on").value = day(2)
            cell("notified_on").value = day(2)
            cell("outcome").value = "құзыретті органға жіберілді"
            for cid in ("forwarded_on", "notified_on"):
                cell(cid).number_format = "dd.mm.yyyy"
            continue
        answered += 1
        if answered == 1:
            cell("answered_on").value = day(16)
            cell("answer").value = "Наряд қайта тексерілді, түсіндірме берілді"
            cell("outcome").value = "түсіндірілді"
        elif answered == 2:
            cell("answered_on").value = day(27)
            cell("answer").value = "Бағдаршам әкімдіктің жоспарына енгізілді"
            cell("outcome").value = "қанағаттандырылды"
        else:
            continue
        cell("answered_on").number_format = "dd.mm.yyyy"
    wb.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
