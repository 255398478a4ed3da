"""The Python API and the pipeline: records follow newsie/1, spans slice the input."""
from __future__ import annotations

import pytest
from spacy.language import Language

import newsie
from newsie.pipeline import STAGES

from .conftest import check_record, corpus_items

SEED_LIKE = ("星河传媒网讯 4月30日消息,本周,全球移动互联网大会(GMIC)在北京-国家会议中心开幕。"
             "蚂蚁金服O2O事业部总经理王丽娟在全球O2O峰会论坛的主旨演讲中提到,支付宝移动端的用户数量已经达到2.7亿。"
             "全球移动互联网大会会期为三天(4月28日-4月30日)。")


def test_pipeline_is_a_spacy_language_with_one_component_per_stage():
    nlp = newsie.load_pipeline()
    assert isinstance(nlp, Language)
    assert nlp.component_names == [s.removeprefix("newsie_") for s in STAGES]
    assert nlp.disabled == ["words"]  # the word layer runs only when asked for
    doc = nlp(SEED_LIKE)
    assert doc._.quantities and doc._.dates and doc._.people and doc._.events


def test_extract_the_seed_shape(extractor):
    rec = extractor.extract(SEED_LIKE, id="s1", published="2015-04-30").to_dict()
    check_record(rec, SEED_LIKE)
    assert rec["schema"] == "newsie/1" and rec["id"] == "s1"
    # no 来源 line: the dateline names the outlet
    assert rec["source"] == {"outlet": "星河传媒网", "dateline": "星河传媒网讯", "published": "2015-04-30"}
    [gmic, forum] = rec["events"]
    assert (gmic["name"], gmic["aliases"], gmic["venue"], gmic["city"]) == ("全球移动互联网大会", ["GMIC"], "国家会议中心", "北京")
    assert (gmic["start"], gmic["end"]) == ("2015-04-28", "2015-04-30")
    assert forum["name"] == "全球O2O峰会论坛"
    [person] = rec["people"]
    assert (person["name"], person["title"], person["org"], person["role"]) == ("王丽娟", "总经理", "蚂蚁金服O2O事业部", "speaker")
    q = next(q for q in rec["quantities"] if q["text"] == "2.7亿")
    assert q["value"] == 270000000 and q["unit"] is None
    assert ("4月28日-4月30日", "2015-04-28", "2015-04-30") in [(d["text"], d["start"], d["end"]) for d in rec["dates"]]


def test_module_level_extract_uses_a_lazy_default():
    rec = newsie.extract("腾飞科技总裁李海表示，公司员工超过2000人。", published="2020-01-02")
    assert isinstance(rec, newsie.Record)
    assert rec.people[0]["name"] == "李海"


def test_extract_many_keeps_order_and_turns_bad_rows_into_error_records(extractor):
    rows = [
        {"id": "a", "text": "公司营收增长8%。", "published": "2020-01-01"},
        {"id": "b", "text": 42},
        {"id": "c"},
        {"id": "d", "text": "去年营收10亿元。", "published": "not a date"},
        "not an object",
        {"id": "f", "text": "今年3月8日，发布会在上海举行。", "published": "2020-05-01"},
    ]
    out = list(extractor.extract_many(rows))
    assert [r["id"] for r in out] == ["a", "b", "c", "d", 5, "f"]
    assert [("error" in r) for r in out] == [False, True, True, True, True, False]
    assert "text" in out[1]["error"]["message"] and "missing 'text'" in out[2]["error"]["message"]
    assert "published" in out[3]["error"]["message"]
    assert out[5]["dates"][0]["start"] == "2020-03-08"


def test_bad_input_raises_input_error(extractor):
    with pytest.raises(newsie.InputError, match="text"):
        extractor.extract(None)
    with pytest.raises(newsie.InputError, match="published"):
        extractor.extract("正文", published="30/04/2015")


def test_relative_dates_need_a_reference(extractor):
    assert extractor.extract("去年营收增长。").dates == []
    assert extractor.extract("去年营收增长。", published="2015-04-30").dates[0]["start"] == "2014"


def test_empty_article_gives_an_empty_record(extractor):
    rec = extractor.extract("").to_dict()
    check_record(rec, "")
    assert rec["events"] == rec["people"] == rec["quantities"] == rec["dates"] == []


CORPUS = corpus_items()


@pytest.mark.skipif(len(CORPUS) < 12, reason="the corpus holds fewer than 12 articles")
@pytest.mark.parametrize("doc_id,text,gold", CORPUS, ids=[c[0] for c in CORPUS])
def test_corpus_records_are_valid(extractor, doc_id, text, gold):
    rec = extractor.extract(text, id=doc_id, published=gold.get("published")).to_dict()
    check_record(rec, text)


def test_entities_in_later_paragraphs_keep_offsets_into_the_whole_text():
    nlp = newsie.load_pipeline()
    # no title before the name: the rules cannot read this speaker alone, so the NER reads the clause
    text = "标题一行\n\n第一段没有人名。\n腾讯公司的张小龙在北京表示，微信用户很多。"
    doc = nlp(text)
    assert doc._.entities, "the model finds the second paragraph's entities"
    for s, e, _ in doc._.entities:
        assert s >= text.index("腾讯")  # all in the last paragraph
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"] == [("张小龙", "PERSON")]
    assert all(text[e.start_char:e.end_char] == e.text for e in doc.ents)
