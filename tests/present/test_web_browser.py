"""``fogline serve`` in a real headless Chromium: ask a question, correct a grade, a
stance and a speaker through the page's forms, see them weighed, and nothing fetched but
the server's own page."""

from __future__ import annotations

from typing import Any

import pytest

from fogline.present.web import ReportServer
from tests.present.test_html_report_browser import _requested_urls, driver
from tests.present.test_web import DRIVEN, HOLDS, server

__all__ = ["driver", "server"]

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _submit(driver: Any, form: Any, notice: str) -> None:
    """Submit ``form`` and wait for the page that reports ``notice``."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 60).until(
        expected_conditions.text_to_be_present_in_element((By.CSS_SELECTOR, "p.notice"), notice)
    )


def test_the_page_drives_the_workspace(driver: Any, server: ReportServer) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver.get("about:blank")
    _requested_urls(driver)
    driver.get(server.url)
    assert not driver.find_elements(By.TAG_NAME, "script")
    form = driver.find_element(By.CSS_SELECTOR, "form.ask")
    form.find_element(By.NAME, "question").send_keys("Who holds the bridge at Kell?")
    hypotheses = form.find_element(By.NAME, "hypotheses")
    hypotheses.send_keys(HOLDS)
    hypotheses.send_keys("\n")
    hypotheses.send_keys(DRIVEN)
    _submit(driver, form, "Question q1 added and weighed.")
    body = driver.find_element(By.TAG_NAME, "body").text
    assert "Who holds the bridge at Kell?" in body and HOLDS in body and DRIVEN in body
    _submit(driver, driver.find_element(By.CSS_SELECTOR, "form.assess"), "Assessed.")

    form = driver.find_element(By.CSS_SELECTOR, "form.grade")
    Select(form.find_element(By.NAME, "source")).select_by_visible_text("General Jane Doe")
    Select(form.find_element(By.NAME, "grade")).select_by_value("B")
    _submit(driver, form, "Grade of General Jane Doe set to B")

    form = driver.find_element(By.CSS_SELECTOR, "form.stance")
    Select(form.find_element(By.NAME, "label")).select_by_value("unrelated")
    _submit(driver, form, "Stance corrected to unrelated")

    form = driver.find_element(By.CSS_SELECTOR, "form.speaker")
    name = form.find_element(By.NAME, "speaker")
    name.clear()
    name.send_keys("Colonel Ada Roe")
    _submit(driver, form, "Speaker set to Colonel Ada Roe")
    sources = driver.find_element(By.ID, "sources").text
    assert "Colonel Ada Roe" in sources

    urls = _requested_urls(driver)
    assert urls and all(u.startswith(server.url) for u in urls), urls
