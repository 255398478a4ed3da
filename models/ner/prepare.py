"""Convert the public Chinese NER corpora into spaCy DocBins for newsie's NER.

Usage (from the repository root)::

    .venv/bin/python models/ner/prepare.py [--datasets ../shared/datasets] [--out models/ner/training]

Every Doc is tokenised by CHARACTER (``spacy.blank("zh")``, the default ``char`` segmenter),
so the model does not depend on any word segmenter. Writes (git-ignored):

    training/cluener10-train.spacy   CLUENER train, the 10 original labels
    training/cluener10-val.spacy     600 held-out CLUENER *train* sentences (checkpoint selection)
    training/cluener10-dev.spacy     CLUENER dev, the 10 original labels      (TEST SET: never trained on)
    training/news-val.spacy          the same 600 held-out sentences, newsie labels
    training/news-train.spacy        CLUENER train + extra corpora, newsie labels (+ weak EVENT/FAC/TITLE; ablation)
    training/news-dev.spacy          CLUENER dev mapped to newsie labels (+ the same weak EVENT/FAC rules)
    training/news-cluener-train.spacy  CLUENER train alone, newsie labels (the shipped model's data)
    training/char_vectors.txt        PPMI-SVD character vectors from the unlabelled training text
    training/stats.json              counts per corpus and label

Label mapping (source corpus label -> newsie label; "-" = dropped, i.e. left unlabelled):

| corpus      | source label                | newsie label                                      |
|-------------|-----------------------------|---------------------------------------------------|
| CLUENER2020 | name                        | PERSON                                            |
| CLUENER2020 | company                     | ORG                                               |
| CLUENER2020 | organization                | ORG                                               |
| CLUENER2020 | government                  | ORG                                               |
| CLUENER2020 | position                    | TITLE                                             |
| CLUENER2020 | address                     | FAC if it ends in a venue head, else GPE if it ends in an administrative suffix or is a known place, else LOC |
| CLUENER2020 | scene                       | FAC if it ends in a venue head, else LOC          |
| CLUENER2020 | game                        | PRODUCT                                           |
| CLUENER2020 | book, movie                 | -                                                 |
| BosonNLP    | person_name                 | PERSON                                            |
| BosonNLP    | org_name, company_name      | ORG                                               |
| BosonNLP    | product_name                | PRODUCT                                           |
| BosonNLP    | location                    | FAC / GPE / LOC by the same suffix rule as address |
| BosonNLP    | time                        | -                                                 |
| Resume NER  | NAME                        | PERSON                                            |
| Resume NER  | ORG                         | ORG                                               |
| Resume NER  | TITLE                       | TITLE                                             |
| Resume NER  | LOC                         | GPE / LOC by the suffix rule                      |
| Resume NER  | EDU, PRO, CONT, RACE        | -                                                 |
| Weibo NER   | PER.NAM / ORG.NAM           | PERSON / ORG                                      |
| Weibo NER   | GPE.NAM / LOC.NAM           | GPE / LOC                                         |
| Weibo NER   | *.NOM                       | -                                                 |
| People's Daily, MSRA | PER / ORG          | PERSON / ORG                                      |
| People's Daily, MSRA | LOC                | FAC / GPE / LOC by the suffix rule                |
| (rules)     | event-name head             | EVENT (weak label, all corpora incl. mapped dev)  |
| (rules)     | venue head                  | FAC (weak label, all corpora incl. mapped dev)    |

Weak labelling (function ``weak_spans``), applied to every text after the mapping:
* EVENT: a run of name characters ending in an event head (大会, 峰会, 论坛, 博览会, 发布会, 开发者大会,
  年会, 展览会, 交易会, 运动会, 锦标赛, 电影节, 颁奖典礼 ...). The run extends left over CJK letters,
  Latin letters and digits, at most 20 characters, and stops at punctuation, at function words
  (的, 在, 于, 了, 和, 与, 及, 是, 将, 为 ...) and at event verbs (举办, 举行, 召开, 出席, 参加 ...).
  At least two name characters must precede the head. Inside 《》 or “” the whole quoted name is taken.
* FAC: the same left extension before a venue head (会议中心, 展览馆, 会展中心, 国际博览中心,
  体育馆, 体育场, 酒店, 宾馆, 大厦, 剧院, 博物馆, 机场 ...).
* A weak span never overrides a gold span it crosses or equals; gold spans lying wholly inside a
  weak span are replaced by it (flat NER: "上海国际电影节" is one EVENT, not GPE + EVENT).
* TITLE for corpora that do not annotate titles (BosonNLP, Weibo, People's Daily, MSRA): exact
  matches of titles seen at least 3 times in CLUENER/Resume train gold (gazetteer from train only),
  otherwise these corpora would teach the model that 总经理 is not an entity.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
from pathlib import Path

import numpy as np
import regex as re
import spacy
from spacy.tokens import DocBin

NEWS_LABELS = ["PERSON", "ORG", "TITLE", "GPE", "LOC", "FAC", "EVENT", "PRODUCT"]
CLUENER_LABELS = ["name", "company", "organization", "government", "position",
                  "address", "scene", "game", "book", "movie"]

CLUENER_MAP = {"name": "PERSON", "company": "ORG", "organization": "ORG", "government": "ORG",
               "position": "TITLE", "address": "@PLACE", "scene": "@SCENE", "game": "PRODUCT",
               "book": None, "movie": None}
BOSON_MAP = {"person_name": "PERSON", "org_name": "ORG", "company_name": "ORG",
             "product_name": "PRODUCT", "location": "@PLACE", "time": None}
RESUME_MAP = {"NAME": "PERSON", "ORG": "ORG", "TITLE": "TITLE", "LOC": "@PLACE",
              "EDU": None, "PRO": None, "CONT": None, "RACE": None}
WEIBO_MAP = {"PER.NAM": "PERSON", "ORG.NAM": "ORG", "GPE.NAM": "GPE", "LOC.NAM": "LOC"}
PKU_MAP = {"PER": "PERSON", "ORG": "ORG", "LOC": "@PLACE"}

VENUE_HEADS = ["国际会议中心", "国际博览中心", "国际展览中心", "会议中心", "会展中心", "展览中心",
               "博览中心", "展览馆", "体育馆", "体育场", "体育中心", "大酒店", "酒店", "宾馆", "饭店",
               "大厦", "大楼", "大剧院", "剧院", "音乐厅", "会堂", "礼堂", "博物馆", "美术馆", "科技馆",
               "图书馆", "机场", "火车站", "高铁站", "展馆", "园区", "产业园", "软件园", "科技园"]
EVENT_HEADS = ["开发者大会", "全球开发者大会", "发布会", "峰会", "论坛", "博览会", "展览会", "交易会",
               "洽谈会", "年会", "大会", "运动会", "奥运会", "亚运会", "世界杯", "锦标赛", "联赛",
               "挑战赛", "大赛", "电影节", "音乐节", "艺术节", "文化节", "购物节", "颁奖典礼", "颁奖礼",
               "嘉年华", "研讨会", "展会", "黑客马拉松"]
GPE_SUFFIX = re.compile(r"(省|市|县|区|州|国|镇|乡|村|自治区|特别行政区|盟|旗)$")
GPE_NAMES = set("""中国 美国 日本 韩国 英国 法国 德国 俄罗斯 印度 加拿大 澳大利亚 意大利 西班牙 巴西 新加坡
北京 上海 天津 重庆 广州 深圳 杭州 南京 武汉 成都 西安 苏州 厦门 青岛 大连 宁波 长沙 郑州 济南 沈阳
哈尔滨 长春 合肥 福州 南昌 昆明 贵阳 南宁 海口 兰州 银川 西宁 乌鲁木齐 拉萨 呼和浩特 太原 石家庄
香港 澳门 台湾 台北 广东 浙江 江苏 山东 河南 河北 湖南 湖北 四川 福建 安徽 江西 云南 贵州 广西 海南
辽宁 吉林 黑龙江 山西 陕西 甘肃 青海 宁夏 新疆 西藏 内蒙古 东莞 佛山 珠海 无锡 硅谷 欧洲 亚洲 非洲
纽约 伦敦 巴黎 东京 首尔 柏林 莫斯科 洛杉矶 旧金山 华盛顿 拉斯维加斯 巴塞罗那""".split())
STOP_CHARS = set("的在于了和与及是将为从到把被对向由让给等并或而但也都就又还很最这那其该此各每个些")
STOP_WORDS = ["举办", "举行", "召开", "出席", "参加", "参与", "亮相", "开幕", "闭幕", "发布", "宣布",
              "表示", "透露", "介绍", "期间", "上午", "下午", "今天", "昨天", "日前", "近日", "本届",
              "此次", "这次", "今年", "去年", "首届", "一届", "位于", "来到", "前往", "入住", "抵达"]
NAME_CHAR = re.compile(r"[\p{Han}A-Za-z0-9０-９Ａ-Ｚａ-ｚ·\-]")


def _place_label(surface: str, scene: bool = False) -> str:
    s = surface.strip()
    if any(s.endswith(h) for h in VENUE_HEADS):
        return "FAC"
    if scene:
        return "LOC"
    if s in GPE_NAMES or GPE_SUFFIX.search(s):
        return "GPE"
    return "LOC"


def map_label(label: str | None, surface: str) -> str | None:
    if label == "@PLACE":
        return _place_label(surface)
    if label == "@SCENE":
        return _place_label(surface, scene=True)
    return label


# ---------------------------------------------------------------- readers
# Each reader yields (text, [(start, end_exclusive, source_label)]).

def read_cluener(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            obj = json.loads(line)
            spans = []
            for lab, ents in (obj.get("label") or {}).items():
                for _surface, offs in ents.items():
                    for s, e in offs:
                        spans.append((s, e + 1, lab))
            yield obj["text"], spans


def read_boson(path: Path):
    pat = re.compile(r"\{\{([a-z_]+):(.*?)\}\}", re.S)
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip().replace("\\n", "")
            if not line:
                continue
            text, spans, pos = [], [], 0
            for m in pat.finditer(line):
                text.append(line[pos:m.start()])
                start = sum(len(t) for t in text)
                surface = m.group(2)
                lead = len(surface) - len(surface.lstrip())
                text.append(surface)
                core = surface.strip()
                if core:
                    spans.append((start + lead, start + lead + len(core), m.group(1)))
                pos = m.end()
            text.append(line[pos:])
            full = "".join(text)
            # split long paragraphs into sentences
            yield from _split_sentences(full, spans)


def _split_sentences(text, spans, max_len=150):
    bounds, start = [], 0
    for m in re.finditer(r"[。！？!?；;]+[”’」』]?", text):
        if m.end() - start >= 8:
            bounds.append((start, m.end()))
            start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    for s, e in bounds:
        inside = [(a - s, b - s, l) for a, b, l in spans if a >= s and b <= e]
        crossing = [1 for a, b, l in spans if a < e and b > s and not (a >= s and b <= e)]
        if crossing:
            continue
        if text[s:e].strip():
            yield text[s:e], inside


def read_tagged(path: Path, sep=None, strip_digit=False):
    """One char + tag per line (BIO or BMES), blank line between sentences."""
    chars, tags = [], []

    def flush():
        if not chars:
            return None
        text = "".join(chars)
        spans, cur = [], None  # cur = [start, label]
        for i, t in enumerate(tags + ["O"]):
            pre, lab = (t[:2], t[2:]) if len(t) > 2 and t[1] == "-" else ("O", None)
            if cur and (pre in ("O", "B-", "S-") or lab != cur[1]):
                spans.append((cur[0], i, cur[1]))
                cur = None
            if pre == "S-":
                spans.append((i, i + 1, lab))
            elif pre in ("B-", "I-", "M-", "E-") and cur is None:
                cur = [i, lab]
            if pre == "E-" and cur:
                spans.append((cur[0], i + 1, cur[1]))
                cur = None
        return text, spans

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                r = flush()
                if r:
                    yield r
                chars, tags = [], []
                continue
            parts = line.split(sep) if sep else line.split()
            if len(parts) < 2:
                continue
            ch, tag = parts[0], parts[-1]
            if strip_digit and len(ch) > 1 and ch[-1].isdigit():
                ch = ch[:-1]
            if len(ch) != 1:
                ch = ch[:1] or " "
            chars.append(ch)
            tags.append(tag)
    r = flush()
    if r:
        yield r


# ---------------------------------------------------------------- weak labels

def _left_extent(text: str, head_start: int, max_len=20, quote_ok=True) -> int | None:
    """Start of a name that ends right before text[head_start]; None if too short."""
    i = head_start
    while i > 0 and head_start - i < max_len:
        c = text[i - 1]
        if not NAME_CHAR.match(c):
            break
        if c in STOP_CHARS:
            break
        if any(text[:i].endswith(w) for w in STOP_WORDS):
            break
        i -= 1
    if head_start - i < 2:
        return None
    # strip a leading year-like number only when nothing else is left
    return i


def _quoted(text: str, start: int, end: int):
    """If the span lies inside 《》 or “”, return the quote's inner extent."""
    for o, c in (("《", "》"), ("“", "”"), ("「", "」")):
        lo = text.rfind(o, 0, start + 1)
        if lo < 0:
            continue
        hi = text.find(c, lo)
        if hi >= end - 1 and hi - lo <= 30 and text.rfind(c, lo, start) < 0:
            return lo + 1, hi
    return None


_EVENT_RE = re.compile("|".join(sorted(map(re.escape, EVENT_HEADS), key=len, reverse=True)))
_VENUE_RE = re.compile("|".join(sorted(map(re.escape, VENUE_HEADS), key=len, reverse=True)))


def weak_spans(text: str):
    out = []
    for rx, label in ((_EVENT_RE, "EVENT"), (_VENUE_RE, "FAC")):
        for m in rx.finditer(text):
            q = _quoted(text, m.start(), m.end())
            if q and q[1] == m.end():
                out.append((q[0], q[1], label))
                continue
            s = _left_extent(text, m.start())
            if s is None:
                continue
            out.append((s, m.end(), label))
    return out


def merge(text, gold, weak):
    """gold: mapped (s, e, label) spans. Weak spans replace gold spans they contain."""
    spans = [g for g in gold if g[2]]
    for ws, we, wl in sorted(weak, key=lambda x: x[0] - x[1]):
        keep = True
        contained = []
        for g in spans:
            gs, ge, gl = g
            if ge <= ws or gs >= we:
                continue
            if gs >= ws and ge <= we and (gs, ge) != (ws, we):
                contained.append(g)
            else:  # crosses or equals (or contains) an existing span
                keep = False
                break
        if keep:
            spans = [g for g in spans if g not in contained] + [(ws, we, wl)]
    return sorted(spans)


def add_gazetteer(text, spans, gaz_re, label):
    if gaz_re is None:
        return spans
    out = list(spans)
    for m in gaz_re.finditer(text):
        if all(e <= m.start() or s >= m.end() for s, e, _ in out):
            out.append((m.start(), m.end(), label))
    return sorted(out)


# ---------------------------------------------------------------- docs

def make_doc(nlp, text, spans, stats=None):
    doc = nlp.make_doc(text)
    ents = []
    for s, e, lab in spans:
        # trim whitespace
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        sp = doc.char_span(s, e, label=lab, alignment_mode="strict")
        if sp is None:
            if stats is not None:
                stats["misaligned"] += 1
            continue
        ents.append(sp)
    ents = spacy.util.filter_spans(ents)
    doc.ents = ents
    return doc


def build(datasets: Path, out: Path, seed=0):
    out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("zh")  # char segmenter
    stats = collections.defaultdict(collections.Counter)
    cl_all = list(read_cluener(datasets / "cluener2020/train.json"))
    cl_dev = list(read_cluener(datasets / "cluener2020/dev.json"))
    # hold out 600 CLUENER *train* sentences for checkpoint selection, so that CLUENER dev
    # (our test set) is never used to pick a model
    order = list(range(len(cl_all)))
    random.Random(seed).shuffle(order)
    val_ids = set(order[:600])
    cl_train = [x for i, x in enumerate(cl_all) if i not in val_ids]
    cl_val = [x for i, x in enumerate(cl_all) if i in val_ids]

    # 1. CLUENER 10 labels
    for name, data in (("cluener10-train", cl_train), ("cluener10-val", cl_val),
                       ("cluener10-dev", cl_dev)):
        db = DocBin()
        for text, spans in data:
            db.add(make_doc(nlp, text, spans, stats[name]))
            for s in spans:
                stats[name][s[2]] += 1
        db.to_disk(out / f"{name}.spacy")

    # 2. title gazetteer from train gold only (CLUENER position + Resume TITLE)
    resume = list(read_tagged(datasets / "resume_ner/train.char.bmes"))
    resume += list(read_tagged(datasets / "resume_ner/dev.char.bmes"))
    resume += list(read_tagged(datasets / "resume_ner/test.char.bmes"))
    titles = collections.Counter()
    for text, spans in cl_train:
        titles.update(text[s:e] for s, e, l in spans if l == "position")
    for text, spans in resume:
        titles.update(text[s:e] for s, e, l in spans if l == "TITLE")
    gaz = sorted((t for t, c in titles.items() if c >= 3 and len(t) >= 2), key=len, reverse=True)
    title_re = re.compile("|".join(map(re.escape, gaz))) if gaz else None

    def mapped(data, mapping, corpus, fill_titles=False):
        docs = []
        for text, spans in data:
            gold = []
            for s, e, l in spans:
                if l not in mapping:
                    continue
                nl = map_label(mapping[l], text[s:e])
                if nl:
                    gold.append((s, e, nl))
            merged = merge(text, gold, weak_spans(text))
            if fill_titles:
                merged = add_gazetteer(text, merged, title_re, "TITLE")
            for s, e, l in merged:
                stats[corpus][l] += 1
            stats[corpus]["_docs"] += 1
            docs.append(make_doc(nlp, text, merged, stats[corpus]))
        return docs

    cl_train_docs = mapped(cl_train, CLUENER_MAP, "cluener-train")
    cl_dev_docs = mapped(cl_dev, CLUENER_MAP, "cluener-dev")
    DocBin(docs=mapped(cl_val, CLUENER_MAP, "cluener-val")).to_disk(out / "news-val.spacy")
    extra = {
        "boson": mapped(list(read_boson(datasets / "boson_ner/BosonNLP_NER_6C.txt")), BOSON_MAP,
                        "boson", fill_titles=True),
        "resume": mapped(resume, RESUME_MAP, "resume"),
        "weibo": mapped([x for sp in ("train", "dev", "test") for x in read_tagged(
            datasets / f"weibo_ner/weiboNER_2nd_conll.{sp}", sep="\t", strip_digit=True)],
            WEIBO_MAP, "weibo", fill_titles=True),
        "peoples_daily": mapped([x for sp in ("dev", "test") for x in read_tagged(
            datasets / f"peoples_daily_ner/example.{sp}")], PKU_MAP, "peoples_daily", fill_titles=True),
        "msra": mapped(list(read_tagged(datasets / "msra_ner/msra_test_bio.txt", sep="\t")),
                       PKU_MAP, "msra", fill_titles=True),
    }
    DocBin(docs=cl_dev_docs).to_disk(out / "news-dev.spacy")
    DocBin(docs=cl_train_docs).to_disk(out / "news-cluener-train.spacy")
    for k, docs in extra.items():
        DocBin(docs=docs).to_disk(out / f"extra-{k}.spacy")
    return cl_train, cl_dev, resume, extra, stats, nlp


def combine(out: Path, extras: list[str], name="news-train", seed=0):
    nlp = spacy.blank("zh")
    docs = list(DocBin().from_disk(out / "news-cluener-train.spacy").get_docs(nlp.vocab))
    for k in extras:
        docs += list(DocBin().from_disk(out / f"extra-{k}.spacy").get_docs(nlp.vocab))
    random.Random(seed).shuffle(docs)
    DocBin(docs=docs).to_disk(out / f"{name}.spacy")
    return len(docs)


def char_vectors(texts, out_file: Path, dim=100, window=2, min_count=3):
    """PPMI-SVD character embeddings from unlabelled text (train splits only)."""
    cnt = collections.Counter()
    for t in texts:
        cnt.update(c for c in t if not c.isspace())
    vocab = [c for c, n in cnt.most_common() if n >= min_count]
    idx = {c: i for i, c in enumerate(vocab)}
    V = len(vocab)
    co = np.zeros((V, V), dtype=np.float32)
    for t in texts:
        ids = [idx.get(c, -1) for c in t if not c.isspace()]
        for off in range(1, window + 1):
            w = 1.0 / off
            for a, b in zip(ids[:-off], ids[off:]):
                if a >= 0 and b >= 0:
                    co[a, b] += w
                    co[b, a] += w
    total = co.sum()
    row = co.sum(1, keepdims=True)
    col = co.sum(0, keepdims=True) ** 0.75
    col = col / col.sum() * total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(co * total / (row * col))
    pmi[~np.isfinite(pmi)] = 0
    pmi = np.maximum(pmi, 0)
    u, s, _ = np.linalg.svd(pmi, full_matrices=False)
    vec = u[:, :dim] * np.sqrt(s[:dim])
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-8
    with open(out_file, "w", encoding="utf-8") as f:
        f.write(f"{V} {dim}\n")
        for c, v in zip(vocab, vec):
            f.write(c + " " + " ".join(f"{x:.4f}" for x in v) + "\n")
    return V


def read_cws(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            t = line.strip().replace(" ", "").replace("\u3000", "")
            if t:
                yield t


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = Path(__file__).resolve().parent
    ap.add_argument("--datasets", type=Path, default=here.parents[2] / "shared/datasets")
    ap.add_argument("--out", type=Path, default=here / "training")
    ap.add_argument("--extras", default="resume,boson",
                    help="comma list of extra corpora for news-train (resume,boson,weibo,peoples_daily,msra)")
    ap.add_argument("--no-vectors", action="store_true")
    a = ap.parse_args()
    cl_train, _dev, resume, extra, stats, _ = build(a.datasets, a.out)
    extras = [x for x in a.extras.split(",") if x]
    n = combine(a.out, extras)
    stats["news-train"]["_docs"] = n
    if not a.no_vectors:
        texts = [t for t, _ in cl_train] + [t for t, _ in resume]  # never CLUENER dev
        for k in ("boson", "weibo", "peoples_daily", "msra"):
            texts += [d.text for d in extra[k]]
        d = a.datasets
        texts += list(read_cws(d / "nlpcc2016_weibo_cws/nlpcc2016-word-seg-train.dat"))
        texts += list(read_cws(d / "sighan2005/msr_training_words.utf8"))
        texts += list(read_cws(d / "sighan2005/pku_training_words.utf8"))
        V = char_vectors(texts, a.out / "char_vectors.txt")
        stats["vectors"]["chars"] = V
        stats["vectors"]["texts"] = len(texts)
    with open(a.out / "stats.json", "w", encoding="utf-8") as f:
        json.dump(stats, f, ensure_ascii=False, indent=1)
    for k, v in stats.items():
        print(k, dict(v))


if __name__ == "__main__":
    main()
