"""The tokenizer covers the text exactly, whatever the segmenter returns."""
import pytest

from newsie.tokenizer import align


@pytest.mark.parametrize("text,words,tokens", [
    ("王丽娟谈到", ["王丽娟", "谈到"], ["王丽娟", "谈到"]),
    ("北京 国家会议中心", ["北京", "国家会议中心"], ["北京", " ", "国家会议中心"]),
    ("  开头空格", ["开头", "空格"], [" ", " ", "开头", "空格"]),
    ("结尾\n", ["结尾"], ["结尾", "\n"]),
    ("ＡＢ测试", ["AB", "测试"], ["Ａ", "Ｂ", "测", "试"]),  # normalised word: characters from there
    ("", [], []),
])
def test_align(text, words, tokens):
    got = align(text, words)
    assert got == tokens and "".join(got) == text


def test_pipeline_doc_text_is_the_input(extractor):
    text = "  全球移动互联网大会(GMIC)\n在北京举行。\t"
    doc = extractor.nlp(text)
    assert doc.text == text and len(doc) == len(text)


def test_words_span_group_holds_the_pkuseg_words():
    import newsie

    doc = newsie.load_pipeline(ner=False, words=True)("蚂蚁金服O2O事业部总经理王丽娟谈到，支付宝用户达到2.7亿。")
    words = [w.text for w in doc.spans["words"]]
    assert "".join(words) == doc.text
    assert {"总经理", "王丽娟", "支付宝"} <= set(words)  # whole words, not characters


def test_segment_command_prints_sighan_format(tmp_path, capsys):
    from newsie.cli import main

    src = tmp_path / "s.txt"
    src.write_text("王丽娟在北京举行的大会上发言。\n支付宝用户达到2.7亿。\n", encoding="utf-8")
    assert main(["segment", str(src)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2
    assert [line.replace(" ", "") for line in out] == ["王丽娟在北京举行的大会上发言。", "支付宝用户达到2.7亿。"]
    assert "王丽娟" in out[0].split() and "支付宝" in out[1].split()
