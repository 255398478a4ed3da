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
