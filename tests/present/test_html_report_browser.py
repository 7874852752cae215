"""The written report in a real headless Chromium: no requests, no script, working links.

Needs chromium and chromedriver (Debian: ``apt-get install chromium chromium-driver``). When
they are missing the test is skipped, unless FOGLINE_REQUIRE_BROWSER=1, then it fails.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from fogline.present import write_html

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    "--window-size=1000,700",
)

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get("FOGLINE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"FOGLINE_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture
def driver(tmp_path: Path) -> Iterator[Any]:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium is not installed (pip install selenium)")
    chromium: str | None = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    chromedriver: str | None = (
        CHROMEDRIVER if os.path.exists(CHROMEDRIVER) else shutil.which("chromedriver")
    )
    if not chromium or not chromedriver:
        _unavailable(
            "headless browser test needs chromium and chromedriver "
            "(apt-get install chromium chromium-driver)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'profile'}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    browser = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    try:
        yield browser
    finally:
        browser.quit()


def _requested_urls(browser: Any) -> list[str]:
    """URLs requested since the last call, leaving out Chromium's own chrome:// pages.

    Chromium opens chrome://new-tab-page at start, whose resource loads trail into the log;
    those come from the browser's UI, not from the page under test.
    """
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            params = message["params"]
            if not str(params.get("documentURL", "")).startswith("chrome://"):
                urls.append(params["request"]["url"])
    return urls


def test_request_log_sees_external_requests(driver: Any, tmp_path: Path) -> None:
    """A control: the performance log does catch a page's outgoing request."""
    page = tmp_path / "control.html"
    page.write_text('<img src="http://127.0.0.1:9/pixel.png">', encoding="utf-8")
    driver.get(page.as_uri())
    assert "http://127.0.0.1:9/pixel.png" in _requested_urls(driver)


def _assert_no_alert(browser: Any) -> None:
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    with pytest.raises(TimeoutException):
        WebDriverWait(browser, 1).until(expected_conditions.alert_is_present())


def test_report_in_headless_chromium(
    driver: Any, result: dict[str, Any], hostile: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    report = tmp_path / "report.html"
    write_html(result, report)
    driver.get("about:blank")
    _requested_urls(driver)
    driver.get(report.as_uri())
    _assert_no_alert(driver)

    body = driver.find_element(By.TAG_NAME, "body").text
    for hypothesis in result["questions"][0]["hypotheses"]:
        assert hypothesis["text"] in body
    assert hostile.script in body  # shown as text, not run
    assert not driver.find_elements(By.TAG_NAME, "script")
    assert not driver.find_elements(By.TAG_NAME, "img")

    links = driver.find_elements(By.CSS_SELECTOR, "table.matrix a.ev-link")
    assert links
    for link in (links[0], links[-1]):
        fragment = link.get_dom_attribute("href")
        assert fragment.startswith("#")
        link.click()
        assert driver.execute_script("return location.hash") == fragment
        target = driver.execute_script("return document.querySelector(':target')")
        assert target is not None
        assert target.get_attribute("id") == fragment[1:]
        top = driver.execute_script("return arguments[0].getBoundingClientRect().top", target)
        assert 0 <= top < driver.execute_script("return window.innerHeight")
    _assert_no_alert(driver)

    urls = _requested_urls(driver)
    assert report.as_uri() in urls
    assert [u for u in urls if u != report.as_uri() and not u.startswith("data:")] == []
