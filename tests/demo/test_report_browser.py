"""The demo's real report, written by the CLI, in headless Chromium: nothing fetched,
every statement's sentence reachable from the matrix, report text shown as text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fogline.present import write_html
from tests.present.test_html_report_browser import _requested_urls, driver

__all__ = ["driver"]

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_demo_report_opens_offline(
    driver: Any, demo_result: dict[str, Any], tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    report = tmp_path / "report.html"
    write_html(demo_result, report)
    driver.get("about:blank")
    _requested_urls(driver)
    driver.get(report.as_uri())
    body = driver.find_element(By.TAG_NAME, "body").text
    for hypothesis in demo_result["questions"][0]["hypotheses"]:
        assert hypothesis["text"] in body
    assert "Iron Steppe" in body and "Dmitar Rusk" in body
    links = driver.find_elements(By.CSS_SELECTOR, "table.matrix a.ev-link")
    assert len(links) >= 20
    for link in links[:5]:
        fragment = link.get_dom_attribute("href")
        driver.execute_script("arguments[0].click()", link)
        target = driver.execute_script("return document.querySelector(':target')")
        assert target is not None and target.get_attribute("id") == fragment[1:]
    urls = _requested_urls(driver)
    assert [u for u in urls if u != report.as_uri() and not u.startswith("data:")] == []
