"""Finding the current workbooks on a saved copy of ICE's 287(g) page (for the scheduled import)."""

from policykb.cli import main
from policykb.ice287g.links import workbook_links

PAGE = """<html><body>
<a href="/doclib/about/offices/ero/287g/participatingAgencies05182026am.xlsx">Participating agencies (Excel)</a>
<a href="https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib%2Fabout%2Foffices%2Fero%2F287g%2FpendingAgencies02272026am.xlsx&amp;data=x">Pending</a>
<a href="/doclib/about/offices/ero/287g/participatingAgencies01012020.xlsx">older copy</a>
<a href="javascript:void(0)">menu</a>
</body></html>"""


def test_links_are_absolute_unwrapped_and_first_of_each_list():
    assert workbook_links(PAGE) == {
        "participating": "https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies05182026am.xlsx",
        "pending": "https://www.ice.gov/doclib/about/offices/ero/287g/pendingAgencies02272026am.xlsx",
    }
    assert workbook_links("<p>No links today.</p>") == {}


def test_cli_prints_links_and_fails_without_a_participating_list(tmp_path, capsys):
    page = tmp_path / "287g.html"
    page.write_text(PAGE)
    assert main(["--root", str(tmp_path), "ice-287g-links", str(page)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "participating https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies05182026am.xlsx"
    page.write_text("<p>maintenance</p>")
    assert main(["--root", str(tmp_path), "ice-287g-links", str(page)]) == 1
