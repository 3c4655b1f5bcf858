"""Fills the blank templates written by `esep template` the way an analyst would, with openpyxl.

Usage: python3 fill_template.py DIR
Columns are located through each workbook's `about` sheet (column A: ids, from row 6), so the
script does not depend on the header language.
"""
import datetime as dt
import sys
from pathlib import Path

from openpyxl import load_workbook

D = dt.date

ROWS = {
    "units": [
        {"code": "D", "level": "облыс", "name_kk": "Облыс ПД", "name_ru": "ДП области", "population": 50000,
         "chief_name": "Әлиев Ә.", "chief_rank_kk": "полиция полковнигі", "chief_rank_ru": "полковник полиции"},
        {"code": "D-1", "parent": "D", "level": "район", "name_kk": "Аудан ПБ", "name_ru": "ОП района",
         "population": 50000, "chief_name": "Ким О.", "chief_rank_kk": "полиция майоры", "chief_rank_ru": "майор полиции"},
    ],
    "statistics": [
        {"unit": "D-1", "year": y, "months": 6, "indicator": code, "value": v}
        for y in (2025, 2024)
        for code, v in (("registered_total", 210 if y == 2025 else 230), ("solved_total", 130))
    ],
    "programmes": [
        {"unit": "D-1", "level": "региональная", "programme_kk": "Бағдарлама", "programme_ru": "Программа",
         "measure_kk": "Іс-шара", "measure_ru": "Мероприятие", "measure_unit": "шт.", "target": 5, "actual": 5,
         "deadline": D(2025, 6, 30), "status": "выполнено"},
    ],
    "survey": [
        {"respondent": "R1", "unit": "D-1", "date": D(2025, 5, 10), "sex": "женский", "age_group": "25–34",
         "weight": 1.2, "trust": 4, "safe_day": 5, "safe_night": 3, "extortion": "нет", "knows_inspector": "да"},
    ],
    "funding": [{"unit": "D-1", "year": 2025, "purpose": "видеонаблюдение", "allocated": 5000000, "spent": 4100000}],
    "appeals": [
        {"id": "1", "unit": "D-1", "received": D(2025, 2, 3), "answered": D(2025, 2, 14), "applicant": "физическое лицо",
         "kind": "жалоба", "topic": "Шум", "outcome": "разъяснено"},
    ],
    "media": [{"id": "1", "unit": "D-1", "date": D(2025, 3, 1), "outlet_kk": "Газет", "outlet_ru": "Газета",
               "title": "Статья", "title_language": "русский"}],
    "narrative": [{"unit": "D", "section": "иные вопросы", "text_kk": "Мәтін", "text_ru": "Текст"}],
    "meeting": [
        {"unit": "D", "date": D(2026, 2, 20), "time": dt.time(11, 0), "place_kk": "Зал", "place_ru": "Зал",
         "capacity": 100, "announced": D(2026, 2, 1), "outlets": "Газета", "questions_kk": "102",
         "questions_ru": "102", "invited": "депутаты маслихата; общественность; местный исполнительный орган", "secretary": "Петрова О."},
    ],
}


def main(folder: Path) -> None:
    for name, rows in ROWS.items():
        path = folder / f"{name}.xlsx"
        wb = load_workbook(path)
        about = wb["about"]
        ids = [about.cell(row=r, column=1).value for r in range(6, about.max_row + 1)]
        ws = wb[name]
        for i, row in enumerate(rows, start=2):
            for key, value in row.items():
                ws.cell(row=i, column=ids.index(key) + 1, value=value)
        wb.save(path)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
