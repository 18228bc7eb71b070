"""The rebuild check of the outside development folders: a capture is matched by its recorded hash, a slip is
reported with the quotes it lost, and a missing capture makes the check fail."""

import hashlib
import json

from tests.eval import material


def _label(file, text, quote):
    return {"file": file, "url": "https://example.gov.cn/a.html", "sha256": hashlib.sha256(text.encode()).hexdigest(),
            "obligations": [{"kind": "manual", "quote": quote}]}


def test_check_folder_tells_matching_differing_and_missing(tmp_path):
    kept = "https://example.gov.cn/a.html\n各单位要在门户网站公开本单位年度报告。"
    labels = [_label("A01.txt", kept, "公开本单位年度报告"),
              _label("A02.txt", "https://example.gov.cn/b.html\n各单位要于6月底前公开预算。", "于6月底前公开预算"),
              _label("A03.txt", "https://example.gov.cn/c.html\n设立专栏。", "设立专栏")]
    labels_file = tmp_path / "demo_labels.json"
    labels_file.write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    folder = tmp_path / "root" / "demo-notices"
    folder.mkdir(parents=True)
    (folder / "A01.txt").write_text(kept, encoding="utf-8")
    (folder / "A02.txt").write_text("https://example.gov.cn/b.html\n各单位要于6月底前 公开预算。", encoding="utf-8")

    matching, differing, missing, lost = material.check_folder("demo", labels_file, tmp_path / "root")

    assert (matching, differing, missing) == (1, 1, ["A03.txt"])
    assert lost == ["A02.txt: 于6月底前公开预算"]
    assert json.loads((folder / "labels.json").read_text(encoding="utf-8")) == labels[:2]  # what can be measured


def test_unknown_folder_is_a_clear_error(capsys):
    assert material.main(["no-such-batch"]) == 2
    assert "没有这些标注文件" in capsys.readouterr().err
