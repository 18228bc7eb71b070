"""What a crawl process loads: spiders by name only, no Redis, numpy or remote-control server (issue 9).

Each crawl process's resident memory counts against the benchmark's 300 MB for 50 000 pages
(bench/README.md, "Memory"); these tests keep the cuts from coming back unnoticed.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import scrapy

import crawler.spiders
from crawler.spider_loader import SPIDERS, LazySpiderLoader

ROOT = Path(__file__).resolve().parent.parent


def _spider_classes() -> dict[str, str]:
    """Every spider class defined in the modules of crawler/spiders, by its name."""
    found = {}
    for module_info in pkgutil.iter_modules(crawler.spiders.__path__):
        module = importlib.import_module(f"crawler.spiders.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, scrapy.Spider) and cls.__module__ == module.__name__ and getattr(cls, "name", None):
                found[cls.name] = f"{cls.__module__}.{cls.__qualname__}"
    return found


def test_the_loader_names_every_spider_of_the_package():
    assert _spider_classes() == SPIDERS
    loader = LazySpiderLoader.from_settings(None)
    for name in SPIDERS:
        assert loader.load(name).name == name
    assert sorted(loader.list()) == sorted(SPIDERS)


def test_an_unknown_spider_is_a_key_error():
    try:
        LazySpiderLoader.from_settings(None).load("no_such_spider")
    except KeyError as exc:
        assert "no_such_spider" in str(exc)
    else:
        raise AssertionError("expected KeyError")


def _fresh_process(code: str) -> dict:
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="crawler.settings", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_portal_crawl_process_loads_no_redis_numpy_or_remote_control():
    # What `scrapy crawl portal` builds before its first request: the project settings, the spider
    # class through the configured loader, the pipeline and the enabled extensions.
    loaded = _fresh_process("""
import json, sys
from scrapy.utils.project import get_project_settings
from scrapy.spiderloader import get_spider_loader
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import load_object
settings = get_project_settings()
get_spider_loader(settings).load("portal")
for path in build_component_list(settings.getwithbase("EXTENSIONS")) + build_component_list(settings.getwithbase("ITEM_PIPELINES")):
    load_object(path)
print(json.dumps({name: name in sys.modules for name in ("redis", "scrapy_redis", "numpy", "aiohttp", "crawler.spiders.portal")}))
""")
    assert loaded == {"redis": False, "scrapy_redis": False, "numpy": False, "aiohttp": False,
                      "crawler.spiders.portal": True}


def test_the_store_leaves_numpy_importable():
    # sqlite-utils loads without numpy, but a later import of numpy (scikit-learn's) still works
    result = _fresh_process("""
import json, sys
import core.store
hidden = "numpy" not in sys.modules
try:
    import numpy
    works = True
except ImportError:
    works = "no numpy installed"
print(json.dumps({"hidden": hidden, "works": works}))
""")
    assert result["hidden"] is True
    assert result["works"] in (True, "no numpy installed")
