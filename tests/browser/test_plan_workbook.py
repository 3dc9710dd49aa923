"""A focal point downloads the plan as an Excel workbook, reports in it and uploads it back."""

import io

import openpyxl
from playwright.sync_api import Page, expect

from tests.browser.conftest import has_horizontal_scroll, screenshot, sign_in
from tests.browser.test_plan_actions import plan_in_implementation


def cell(ws, code: str, header: str):
    column = next(c.column for c in ws[1] if c.value == header)
    row = next(r[0].row for r in ws.iter_rows(min_row=2) if r[0].value == code)
    return ws.cell(row=row, column=column)


def edited(path, edit) -> bytes:
    book = openpyxl.load_workbook(path)
    edit(book["Faaliyetler"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(page: Page, data: bytes) -> None:
    page.get_by_label("Excel dosyası").set_input_files(
        {
            "name": "plan.xlsx",
            "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "buffer": data,
        }
    )
    page.get_by_role("button", name="İçe aktar").click()


def test_a_focal_point_reports_through_the_workbook(page: Page, browser_world, tmp_path):
    plan, own = plan_in_implementation(browser_world)
    sign_in(page, "bob")
    page.goto(f"/m/{browser_world.home.slug}/plans/{plan.pk}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel olarak indir").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "ornek-yeep-1.xlsx"

    page.get_by_role("link", name="Excel'den içe aktar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Excel'den içe aktar")

    def report_on_both(ws):
        cell(ws, "1.1.1", "İlerleme (%)").value = 40
        cell(ws, "1.1.2", "İlerleme (%)").value = 60  # the parks directorate's, not bob's

    upload(page, edited(path, report_on_both))
    expect(page.get_by_role("alert")).to_contain_text("hiçbir şey kaydedilmedi")
    table = page.get_by_role("table", name="Dosyada bulunan sorunlar")
    expect(table.get_by_role("columnheader")).to_have_text(
        ["Sayfa", "Satır", "Sütun", "Değer", "Sorun"]
    )
    expect(table.get_by_role("row")).to_have_count(2)
    expect(table.get_by_role("row").nth(1)).to_contain_text("İlerleme (%)M sütunu")
    expect(table.get_by_role("row").nth(1)).to_contain_text("Park ve Bahçeler Müdürlüğü")
    screenshot(page, "18-plan-import-problems")
    page.set_viewport_size({"width": 320, "height": 640})
    assert not has_horizontal_scroll(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    own.refresh_from_db()
    assert own.progress == 0

    def report_on_own(ws):
        cell(ws, "1.1.1", "İlerleme (%)").value = 40
        cell(ws, "1.1.1", "Durum").value = "Planlandığı gibi"

    upload(page, edited(path, report_on_own))
    expect(page.get_by_role("status")).to_contain_text("Eklenen: 0, değişen: 1")
    own.refresh_from_db()
    assert (own.progress, own.status) == (40, "on_track")
