#!/usr/bin/env python3
"""Lists extraction errors by kind against a gold set in score.py's format (the team's per-kind error list).

  errors.py --gold G --texts DIR --predictions DIR [--scorer DIR] [--show KIND] [--n 20] [--indirect]

Kinds, for direct and partial quotes (or, with --indirect, reported speech):
  missed        a required gold quote no prediction covers (>= 60% of its words)
  no-speaker    found, but the prediction has no speaker
  wrong-speaker found, with a speaker that is neither the gold name nor overlaps the gold source span
  fragment      a prediction that is a piece of a longer gold quote (its other pieces not joined to it)
  overmerged    a prediction covering gold quotes but with too many words of its own
  unannotated   a prediction overlapping no gold quote at all (headlines, titles, markup ...)
  other-spurious a prediction overlapping gold words without matching
Matching is score.py's own (imported from --scorer). --show KIND prints examples with their context.
"""
import argparse, collections, json, os, random, sys


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--texts", required=True)
    ap.add_argument("--predictions", required=True)
    ap.add_argument("--scorer", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                                                     "shared", "eval"))
    ap.add_argument("--show")
    ap.add_argument("--n", type=int, default=20)
    ap.add_argument("--indirect", action="store_true")
    a = ap.parse_args()
    sys.path.insert(0, a.scorer)
    import score as S
    gold = json.load(open(a.gold, encoding="utf-8"))
    names = S.Names(gold.get("aliases", {}))
    errors = collections.defaultdict(list)
    for doc in gold["documents"]:
        text = open(os.path.join(a.texts, doc["file"]), encoding="utf-8").read()
        path = os.path.join(a.predictions, doc["file"] + ".json")
        pred = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else {}
        preds = [p for p in pred.get("quotes") or [] if ((p.get("type") or "") == "INDIRECT") == a.indirect]
        golds = [(g, S.tokens(g["text"])) for g in doc["quotes"] if (g["kind"] == "indirect") == a.indirect]
        hit_by = collections.defaultdict(list)

        def context(start, end):
            return text[max(0, start - 150):end + 100].replace("\n", " | ")

        for p in preds:
            pt = S.tokens(p.get("text") or "")
            if not pt:
                continue
            hits = [(i, g) for i, (g, gt) in enumerate(golds) if gt and S.overlap(pt, gt) >= 0.6 * len(gt)]
            covered = sum(S.overlap(pt, golds[i][1]) for i, _ in hits)
            if hits and covered >= 0.6 * len(pt):
                if any(g["required"] for _, g in hits):
                    for i, _ in hits:
                        hit_by[i].append(p)
                continue
            best = max((S.overlap(pt, gt) for _, gt in golds), default=0)
            kind = ("overmerged" if hits else "fragment" if best >= 0.6 * len(pt)
                    else "other-spurious" if best else "unannotated")
            errors[kind].append((doc["file"], p.get("text", "")[:120], context(p["start"], p["end"])))
        for i, (g, gt) in enumerate(golds):
            if not g["required"]:
                continue
            at = text.find(g["text"][:40])
            ctx = context(at, at + len(g["text"])) if at >= 0 else ""
            found = hit_by.get(i)
            if not found:
                errors["missed"].append((doc["file"], g["text"][:120], g["speaker"], ctx))
            elif not any(S.speaker_right(p, g, names) for p in found):
                sp = found[0].get("speaker")
                if not sp:
                    errors["no-speaker"].append((doc["file"], g["speaker"], found[0].get("cue"), ctx))
                else:
                    errors["wrong-speaker"].append((doc["file"], g["speaker"], sp.get("name"),
                                                    (sp.get("mention") or {}).get("text"), found[0].get("cue"), ctx))
    for kind in ("missed", "no-speaker", "wrong-speaker", "fragment", "overmerged", "unannotated", "other-spurious"):
        print(f"{kind:<16}{len(errors[kind]):>6}")
    if a.show:
        random.seed(1)
        for e in random.sample(errors[a.show], min(a.n, len(errors[a.show]))):
            print("---")
            for x in e:
                print("   ", x)


if __name__ == "__main__":
    main()
