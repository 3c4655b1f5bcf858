"""Fills a unit's protocol workbook (protocol.xlsx of an esep pack) the way a secretary would at
the meeting: times, participants, the secretary's post, two decisions, the questions sent ahead
answered, and new items from the floor: four not answered in full, one of them for another body. Used by the tests'
client checks (`clients::`) and by nothing else.

Usage: fill_protocol.py PROTOCOL.xlsx OUT.xlsx [--drawn-up-late]
"""
import datetime as dt
import sys

from openpyxl import load_workbook


def column(ws, cid):
    """The column whose two-line header (kk, ru) or id names `cid` (ids come from `about`)."""
    about = ws.parent["about"]
    names = set()
    for r in range(1, about.max_row + 1):
        if about.cell(row=r, column=1).value == cid:
            names |= {about.cell(row=r, column=2).value, about.cell(row=r, column=3).value}
    for c in range(1, ws.max_column + 1):
        head = str(ws.cell(row=1, column=c).value or "")
        if cid == head or names & set(head.split("\n")):
            return c
    raise KeyError(cid)


def main(path, out, late):
    wb = load_workbook(path)
    p = wb["protocol"]
    date = p.cell(row=2, column=column(p, "date")).value
    p.cell(row=2, column=column(p, "start")).value = dt.time(15, 0)
    p.cell(row=2, column=column(p, "end")).value = dt.time(17, 10)
    drawn = date + dt.timedelta(days=1) if late else date
    p.cell(row=2, column=column(p, "drawn_up")).value = drawn
    p.cell(row=2, column=column(p, "drawn_up")).number_format = "dd.mm.yyyy"
    p.cell(row=2, column=column(p, "participants")).value = 142
    p.cell(row=2, column=column(p, "secretary_post")).value = "инспектор штаба"
    p.cell(row=2, column=column(p, "secretary_rank")).value = "капитан полиции"

    d = wb["decisions"]
    for i, text in enumerate(["Усилить патрулирование улиц в вечернее время.",
                              "Кешкі уақытта көшелерді күзетуді күшейту туралы әкімдікке хат жолдау."], start=2):
        d.cell(row=i, column=column(d, "number")).value = i - 1
        d.cell(row=i, column=column(d, "text")).value = text

    it = wb["items"]
    last = 1
    while it.cell(row=last + 1, column=column(it, "number")).value is not None:
        last += 1
        # Questions sent ahead: answered in full.
        it.cell(row=last, column=column(it, "answered")).value = "иә"
        it.cell(row=last, column=column(it, "answer")).value = "Разъяснено на встрече"
    rows = [
        ("Ахметова Гүлнар", "+7 701 000 00 01", "жеке тұлға", "шағым", "Не работает освещение во дворе дома 12", "жоқ",
         "", "жоқ", "акимат города", "Сейтқали Н."),
        ("Иванов Пётр", "ул. Абая, 5, кв. 3", "жеке тұлға", "ескерту", "Долго ждали наряд после вызова", "жоқ",
         "", "иә", None, "Оспанов Е."),
        ("", "", "жеке тұлға", "сұрақ", "Как получить справку о несудимости?", "иә",
         "Через портал egov.kz", "иә", None, None),
        ("Сәрсенов Айдос", "+7 702 111 22 33", "жеке тұлға", "ұсыныс", "Мектеп жанына бағдаршам орнату керек",
         "жоқ", "", "иә", None, "Ержанов Б."),
        ("Ким Ольга", "kim@example.kz", "жеке тұлға", "шағым", "Шум по ночам во дворе кафе на ул. Мира",
         "жоқ", "", "иә", None, "Оспанов Е."),
    ]
    for n, row in enumerate(rows, start=last):
        r = n + 1
        it.cell(row=r, column=column(it, "number")).value = n
        for cid, value in zip(["applicant_name", "contact", "applicant", "kind", "text", "answered", "answer",
                               "competence", "competent_body", "responsible"], row):
            if value:
                it.cell(row=r, column=column(it, cid)).value = value
    wb.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--drawn-up-late" in sys.argv)
