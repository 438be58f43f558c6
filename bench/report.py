#!/usr/bin/env python3
"""Writes docs/performance.md from bench/run's results.

    python3 bench/report.py RESULTS.tsv SEARCH.txt docs/performance.md MODE [SEARCH_I18N.txt]

The four-language figures (named i18n_*) are reported when the results hold them.
"""
import datetime
import os
import platform
import subprocess
import sys


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=10).stdout.strip()
    except Exception:
        return ""


def main():
    results, search_file, out, mode = sys.argv[1:5]
    search_i18n_file = sys.argv[5] if len(sys.argv) > 5 else None
    r = {}
    for line in open(results):
        k, _, v = line.rstrip("\n").partition("\t")
        r[k] = v
    f = lambda k: float(r[k]) if r.get(k) not in (None, "") else None

    def verdict(ok):
        return "met" if ok else "**missed**"

    cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip() or platform.processor()
    mem = sh("free -g | awk '/Mem:/ {print $2}'")
    lines = []
    w = lines.append
    w("# Performance")
    w("")
    w("Measured by `bench/run` (the whole suite, one command) on "
      f"{datetime.date.today().isoformat()}: {os.cpu_count()} cores ({cpu}), {mem} GiB of memory, "
      f"{sh('uname -sr')}. Release build; medians of 3 runs unless said. Corpora from "
      "`../shared/tools/perf/gen_corpus.py` (deterministic, seed 0); Hugo, nginx and wrk from "
      "Debian's packages. Absolute figures move with the machine's load; the ratios are what "
      "the targets are about.")
    w("")
    w(f"Mode: `{mode}`.")
    w("")
    w("## Targets")
    w("")
    w("| measure | target | measured | |")
    w("|---|---|---|---|")
    ours, ng = f("ours_rps"), f("nginx_rps")
    if ours and ng:
        w(f"| requests/s for a site page vs nginx (same bytes) | ≥ 1.0× nginx | {ours:,.0f} vs {ng:,.0f} = {ours / ng:.2f}× | {verdict(ours >= ng)} |")
    p99o, p99n = f("ours_p99_ms"), f("nginx_p99_ms")
    if p99o and p99n:
        w(f"| p99 latency under that load | ≤ 1.5× nginx | {p99o:.2f} ms vs {p99n:.2f} ms = {p99o / p99n:.2f}× | {verdict(p99o <= 1.5 * p99n)} |")
    for n in ("1000", "10000", "100000"):
        b, h = f(f"build_s_{n}"), f(f"hugo_s_{n}")
        if b is not None and h:
            w(f"| `build` of {int(n):,} sites vs `hugo` | ≤ 0.5× Hugo | {b:.2f} s vs {h:.2f} s = {b / h:.2f}× | {verdict(b <= 0.5 * h)} |")
    big = r.get("search_corpus", "")
    pk = f(f"build_peak_mb_{big}")
    if pk is not None:
        w(f"| peak memory of `build` at {int(big):,} sites | ≤ 500 MB | {pk:.0f} MB (Hugo: {f(f'hugo_peak_mb_{big}') or 0:.0f} MB) | {verdict(pk <= 500)} |")
    ra = f("rss_after_mb")
    if ra is not None:
        w(f"| server RSS after the load test ({int(big):,}-site database) | ≤ 100 MB | {ra:.0f} MB (before {f('rss_before_mb'):.0f}, peak {f('rss_max_mb'):.0f}) | {verdict(ra <= 100)} |")
    tt = f("export_ttfb_ms_max")
    if tt is not None:
        w(f"| an export's time to first byte ({int(big):,} sites) | ≤ 50 ms | {tt:.0f} ms (the slowest of the four) | {verdict(tt <= 50)} |")
    ew = f("exports_write_s")
    if ew is not None:
        w(f"| writing the open-data files ({int(big):,} sites; the server does it once per database, in the background) | — | {ew:.1f} s | |")
    st = f("startup_s")
    if st is not None:
        w(f"| start-up to first answered request | ≤ 0.5 s | {st * 1000:.0f} ms | {verdict(st <= 0.5)} |")
    s95 = f("search_p95_ms")
    if s95 is not None:
        w(f"| search latency p95 ({int(big):,} sites) | ≤ 5 ms | p50 {f('search_p50_ms'):.2f} ms, p95 {s95:.2f} ms, p99 {f('search_p99_ms'):.2f} ms | {verdict(s95 <= 5)} |")
    # Four languages: English with Russian, Korean and Chinese translations of every entry.
    i18n = "i18n_langs" in r
    if i18n:
        x4 = "× 4 languages"
        for n in ("1000", "2000", "10000", "100000"):
            b, h = f(f"i18n_build_s_{n}"), f(f"i18n_hugo_s_{n}")
            if b is not None and h:
                w(f"| `build` of {int(n):,} sites {x4} vs `hugo` | ≤ 0.5× Hugo | {b:.2f} s vs {h:.2f} s = {b / h:.2f}× | {verdict(b <= 0.5 * h)} |")
            pk = f(f"i18n_build_peak_mb_{n}")
            if pk is not None and n != "100000":
                hp = f(f"i18n_hugo_peak_mb_{n}")
                hugo = f" (Hugo: {hp:.0f} MB)" if hp is not None else ""
                w(f"| peak memory of `build` at {int(n):,} sites {x4} | ≤ 1 GB | {pk:.0f} MB{hugo} | {verdict(pk <= 1024)} |")
            elif pk is not None:
                w(f"| `build` of {int(n):,} sites {x4}: time and peak memory | — | {b:.2f} s, {pk:.0f} MB (Hugo not run: too much memory) | |")
        small4 = r.get("i18n_page_corpus", "")
        page4, status4 = r.get("i18n_page_path", ""), r.get("i18n_page_status", "")
        o4, n4 = f("i18n_ours_rps"), f("i18n_nginx_rps")
        if o4 and n4:
            w(f"| requests/s for a translated site page (`{page4}`, {int(small4):,} {x4}) vs nginx (same bytes) | ≥ 1.0× nginx | {o4:,.0f} vs {n4:,.0f} = {o4 / n4:.2f}× | {verdict(o4 >= n4)} |")
            q4, qn = f("i18n_ours_p99_ms"), f("i18n_nginx_p99_ms")
            w(f"| p99 latency under that load | ≤ 1.5× nginx | {q4:.2f} ms vs {qn:.2f} ms = {q4 / qn:.2f}× | {verdict(q4 <= 1.5 * qn)} |")
        elif status4:
            w(f"| requests/s for a translated site page (`{page4}`) vs nginx | ≥ 1.0× nginx | not measured: the page answered {status4}, not 200 | **missed** |")
        ra4 = f("i18n_load_rss_after_mb")
        if ra4 is not None:
            w(f"| server RSS after the load test ({int(small4):,} sites {x4}) | ≤ 100 MB | {ra4:.0f} MB (before {f('i18n_load_rss_before_mb'):.0f}, peak {f('i18n_load_rss_max_mb'):.0f}) | {verdict(ra4 <= 100)} |")
        s4 = f("i18n_search_p95_ms")
        if s4 is not None:
            big4 = int(r.get("i18n_search_corpus", "0"))
            w(f"| search latency p95 ({big4:,} sites {x4}) | ≤ 5 ms | p50 {f('i18n_search_p50_ms'):.2f} ms, p95 {s4:.2f} ms, p99 {f('i18n_search_p99_ms'):.2f} ms | {verdict(s4 <= 5)} |")
    # Live preview, in one language and in four: the ratio to Hugo's server at 10,000 sites,
    # the time itself at 100,000.
    for prefix, label, saves in (("", "", ("text", "title")), ("i18n_", " × 4 languages", ("title", "ru"))):
        o, h = f(f"{prefix}preview_title_10000_median_s"), f(f"hugo_{prefix}preview_title_10000_median_s")
        if o and h:
            w(f"| live preview, save to page, 10,000 sites{label} (title changed) | ≤ 0.5× `hugo server` | {o:.2f} s vs {h:.2f} s = {o / h:.2f}× | {verdict(o <= 0.5 * h)} |")
        for what in saves:
            o = f(f"{prefix}preview_{what}_100000_median_s")
            if o:
                w(f"| live preview, save to page, 100,000 sites{label} ({what} changed) | ≤ 1 s | {o:.2f} s | {verdict(o <= 1.0)} |")
    w("")
    w("## Load test")
    w("")
    w(f"`bench/load`: wrk, 2 threads, 128 connections, 60 s, over a mix of 200 site pages, "
      f"countries, dates, lists, filters, searches, the map, the sitemap and its parts, the feed, "
      f"the calendars and parts of the open-data files: "
      f"{int(f('load_requests') or 0):,} requests, {int(f('load_errors') or 0)} errors, "
      f"{int(f('load_non2xx3xx') or 0)} responses other than 2xx/3xx. Then the exports: "
      f"{int(f('export_downloads') or 0):,} whole downloads (8 clients at once, each file 10 times, "
      f"plain and compressed in turn) in {f('export_seconds') or 0:.1f} s, "
      f"{int(f('export_failures') or 0)} failed. Server memory: "
      f"{f('rss_before_mb'):.0f} MB before, {f('rss_after_mix_mb') or 0:.0f} MB after the mix, "
      f"{f('rss_max_mb'):.0f} MB at most, {f('rss_after_mb'):.0f} MB after the exports.")
    w("")
    w("## Builds")
    w("")
    w("| sites | `memorial-atlas build` | peak memory | `hugo --quiet` | Hugo's peak memory |")
    w("|---|---|---|---|---|")
    for n in ("1000", "10000", "100000"):
        if f(f"build_s_{n}") is not None:
            w(f"| {int(n):,} | {f(f'build_s_{n}'):.2f} s | {f(f'build_peak_mb_{n}'):.0f} MB | {f(f'hugo_s_{n}'):.2f} s | {f(f'hugo_peak_mb_{n}'):.0f} MB |")
    w("")
    w("Hugo's 100,000-site build is run once (it takes over a minute and gigabytes).")
    w("")
    w("## Search")
    w("")
    w("`cargo bench --bench search -- DB 30`: a fixed mix of queries (common and rare words, prefixes, "
      "Cyrillic, Hangul, Chinese, hostile input), 30 rounds, 20 results a page with the total count.")
    w("")
    w("```")
    w(open(search_file).read().strip())
    w("```")
    w("")
    if i18n:
        w("## Four languages")
        w("")
        w("The same measurements on corpora made with `gen_corpus.py --langs ru,ko,zh`: every site, country "
          "and date in English with its Russian, Korean and Chinese translations beside it "
          "(`<slug>.<lang>.md`); Hugo builds the same entries with `hugo-site-i18n/` (four languages).")
        w("")
        w("| sites | `memorial-atlas build` | peak memory | `hugo --quiet` | Hugo's peak memory |")
        w("|---|---|---|---|---|")
        for n in ("1000", "2000", "10000", "100000"):
            if f(f"i18n_build_s_{n}") is not None:
                runs = int(f(f"i18n_build_runs_{n}") or 3)
                once = " (one run)" if runs == 1 else ""
                h, hp = f(f"i18n_hugo_s_{n}"), f(f"i18n_hugo_peak_mb_{n}")
                hugo = f"{h:.2f} s | {hp:.0f} MB" if h is not None else "not run | —"
                w(f"| {int(n):,} × 4 | {f(f'i18n_build_s_{n}'):.2f} s{once} | {f(f'i18n_build_peak_mb_{n}'):.0f} MB | {hugo} |")
        w("")
        w("Hugo is not run on 100,000 sites × 4 languages: it needs about 4.3 GB at 10,000 × 4 and "
          "12 GB for 100,000 English sites, so tens of gigabytes there. Our 100,000 × 4 build is run once.")
        w("")
        status4 = r.get("i18n_page_status", "")
        if status4 == "200":
            translated = "" if r.get("i18n_page_translated") == "yes" else \
                " **The page is not marked as being in that language: it may be the English fallback.**"
            w(f"Translated site page: `{r.get('i18n_page_path')}`, {int(f('i18n_page_bytes') or 0):,} bytes, "
              f"wrk as for the English page, our server against nginx sending the same bytes.{translated}")
        elif status4:
            w(f"Translated site page: `{r.get('i18n_page_path')}` answered **{status4}**, not 200, so it "
              "was not measured against nginx (no figures are given for a page that is not there).")
        w("")
        if f("i18n_load_requests") is not None:
            w(f"Load test (`bench/load` with `LOAD_LANGS={r.get('i18n_langs', '').replace('en,', '')}`: the "
              f"mix above plus each language's home and first 100 site pages and searches in Russian, "
              f"Korean and Chinese), {int(r.get('i18n_page_corpus') or 0):,} sites × 4: "
              f"{int(f('i18n_load_requests') or 0):,} requests, {int(f('i18n_load_errors') or 0):,} errors, "
              f"{int(f('i18n_load_non2xx3xx') or 0):,} responses other than 2xx/3xx (wrk counts these among "
              f"its errors), "
              f"{int(f('i18n_load_export_failures') or 0)} failed export downloads. Server memory: "
              f"{f('i18n_load_rss_before_mb'):.0f} MB before, {f('i18n_load_rss_after_mix_mb') or 0:.0f} MB after the mix, "
              f"{f('i18n_load_rss_max_mb'):.0f} MB at most, {f('i18n_load_rss_after_mb'):.0f} MB after the exports.")
            w("")
        if search_i18n_file and f("i18n_search_p95_ms") is not None and os.path.exists(search_i18n_file):
            w(f"Search over the four-language index, {int(r.get('i18n_search_corpus')):,} sites × 4: the "
              "same queries; the Russian, Korean and Chinese ones are words of the generated translations.")
            w("")
            w("```")
            w(open(search_i18n_file).read().strip())
            w("```")
            w("")
    preview_sizes = [n for n in ("10000", "100000") if f(f"preview_title_{n}_median_s") is not None]
    if preview_sizes:
        w("## Live preview")
        w("")
        w("`bench/preview`: `serve --watch` on a corpus (after its first build), one site saved ten "
          "times, each time measured from the save to the page showing the change (polled every "
          "5 ms); `hugo server` on the same corpus the same way. *title* changes the site's title "
          "(it moves in the site list's sort orders); *text* adds a sentence "
          "to its body, the commonest edit; *ru* changes the title of its Russian translation and "
          "watches the Russian page. Median, and the slowest of the ten.")
        w("")
        w("| corpus | save | ours | `hugo server` | ratio |")
        w("|---|---|---|---|---|")
        for prefix, label in (("", ""), ("i18n_", " × 4 languages")):
            for n in ("10000", "100000"):
                for what in ("title", "text", "ru"):
                    o = f(f"{prefix}preview_{what}_{n}_median_s")
                    if o is None:
                        continue
                    om = f(f"{prefix}preview_{what}_{n}_max_s")
                    h, hm = f(f"hugo_{prefix}preview_{what}_{n}_median_s"), f(f"hugo_{prefix}preview_{what}_{n}_max_s")
                    hugo = f"{h:.2f} s (slowest {hm:.2f} s)" if h is not None else "not run"
                    ratio = f"{o / h:.2f}×" if h else "—"
                    w(f"| {int(n):,} sites{label} | {what} | {o:.2f} s (slowest {om:.2f} s) | {hugo} | {ratio} |")
        w("")
    w("## How to run")
    w("")
    w("```sh")
    w("bench/run          # everything; writes this file (about 15 minutes and 2 GB of disk for the English")
    w("                   # steps; the four-language ones add, by estimate, about 25 minutes and 18 GB)")
    w("bench/run quick    # 1,000 and 10,000 sites only; four languages at 10,000 only")
    w("BENCH_SIZES=1000 BENCH_I18N_SIZES=\"1000 2000\" bench/run   # try the script at small sizes")
    w("bench/load http://127.0.0.1:8080 content 60   # the load test alone, against a running server")
    w("```")
    w("")
    w(open(os.path.join(os.path.dirname(__file__), "notes.md")).read().strip())
    w("")
    open(out, "w").write("\n".join(lines))


if __name__ == "__main__":
    main()
