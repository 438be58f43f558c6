//! What an editor sees for a broken file: every mistake, with file, line, column and field, from
//! `check` and `build`, and a database that stays exactly as it was.

use crate::support::Tree;

const GOOD_SITE: &str = r#"+++
title = "A Site"
country = "kp"
locality = "Pyongyang"
kind = "monument"
status = "extant"

[[sources]]
title = "A source"
+++
"#;

/// Writes one file into a copy of the fixtures and returns every error line `check` reports.
fn errors_for(rel: &str, text: &[u8]) -> Vec<String> {
    let tree = Tree::fixture();
    tree.write(rel, text);
    match memorial_atlas::content::load(&tree.content()) {
        Ok(_) => Vec::new(),
        Err(report) => report.errors.iter().map(|e| e.to_string()).collect(),
    }
}

#[track_caller]
fn assert_error(rel: &str, text: &str, expected: &[&str]) {
    let errors = errors_for(rel, text.as_bytes());
    assert!(
        errors
            .iter()
            .any(|e| expected.iter().all(|x| e.contains(x))),
        "expected an error containing {expected:?}, got:\n{}",
        errors.join("\n")
    );
}

fn site_with(extra: &str) -> String {
    GOOD_SITE.replacen(
        "status = \"extant\"\n",
        &format!("status = \"extant\"\n{extra}\n"),
        1,
    )
}

#[test]
fn a_good_file_passes() {
    assert!(errors_for("sites/good.md", GOOD_SITE.as_bytes()).is_empty());
}

#[test]
fn missing_required_field() {
    let text = GOOD_SITE.replace("locality = \"Pyongyang\"\n", "");
    assert_error(
        "sites/bad.md",
        &text,
        &[
            "content/sites/bad.md:1:1",
            "field `locality`",
            "missing required field",
        ],
    );
}

#[test]
fn field_of_the_wrong_type() {
    let text = GOOD_SITE.replace("title = \"A Site\"", "title = 5");
    assert_error(
        "sites/bad.md",
        &text,
        &[
            "content/sites/bad.md:2:9",
            "field `title`",
            "expected a string in quotes, found an integer",
        ],
    );
}

#[test]
fn misspelt_field_is_unknown_and_gets_a_suggestion() {
    assert_error(
        "sites/bad.md",
        &site_with("comemorations = [\"victory-day\"]"),
        &[
            "content/sites/bad.md:7:1",
            "unknown field `comemorations`",
            "did you mean `commemorations`?",
        ],
    );
}

#[test]
fn unknown_country_code_with_suggestions() {
    let text = GOOD_SITE.replace("country = \"kp\"", "country = \"kr\"");
    assert_error(
        "sites/bad.md",
        &text,
        &[
            "content/sites/bad.md:3:11",
            "field `country`",
            "unknown country `kr`",
            "did you mean `kp`?",
        ],
    );
    let text = GOOD_SITE.replace("country = \"kp\"", "country = \"North Korea\"");
    assert_error(
        "sites/bad.md",
        &text,
        &["unknown country `North Korea`", "did you mean `kp`?"],
    );
    let date = "+++\ntitle = \"D\"\nmonth = 1\nday = 1\ncountries = [\"ru\", \"xx\"]\n+++\n";
    assert_error(
        "dates/d.md",
        date,
        &[
            "content/dates/d.md:5:20",
            "field `countries`",
            "unknown country `xx`",
        ],
    );
}

#[test]
fn unknown_date_slug_with_suggestion() {
    assert_error(
        "sites/bad.md",
        &site_with("commemorations = [\"victory-day\", \"victory-dya\"]"),
        &[
            "content/sites/bad.md:7:34",
            "unknown date `victory-dya`",
            "did you mean `victory-day`?",
        ],
    );
}

#[test]
fn kind_and_status_must_be_known_values() {
    let text = GOOD_SITE.replace("kind = \"monument\"", "kind = \"monumnet\"");
    assert_error(
        "sites/bad.md",
        &text,
        &[
            "field `kind`",
            "`monumnet` is not allowed",
            "did you mean `monument`?",
        ],
    );
}

#[test]
fn bad_dates() {
    assert_error(
        "sites/bad.md",
        &site_with("established = \"1947-02-30\""),
        &[
            "content/sites/bad.md:7:15",
            "field `established`",
            "is not a date",
        ],
    );
    assert_error(
        "sites/bad.md",
        &site_with("removed = 1976"),
        &["field `removed`", "write the date in quotes: \"1976\""],
    );
    assert_error(
        "sites/bad.md",
        &site_with("updated = 2026-13-01"),
        &["content/sites/bad.md:7", "not valid TOML"],
    );
    assert_error(
        "dates/d.md",
        "+++\ntitle = \"D\"\nmonth = 2\nday = 30\n+++\n",
        &["content/dates/d.md:4:7", "February has no day 30"],
    );
    assert_error(
        "dates/d.md",
        "+++\ntitle = \"D\"\nmonth = 13\nday = 1\n+++\n",
        &["field `month`", "13 is out of range"],
    );
}

#[test]
fn coordinates_out_of_range() {
    assert_error(
        "sites/bad.md",
        &site_with("coordinates = [95.0, 10.0]"),
        &["content/sites/bad.md:7:15", "latitude 95 is out of range"],
    );
    assert_error(
        "sites/bad.md",
        &site_with("coordinates = [10.0, 181]"),
        &["longitude 181 is out of range"],
    );
    assert_error(
        "sites/bad.md",
        &site_with("coordinates = \"39, 125\""),
        &["expected [latitude, longitude]"],
    );
}

#[test]
fn source_without_a_title_and_site_without_sources() {
    let text = GOOD_SITE.replace("title = \"A source\"", "publisher = \"Somebody\"");
    assert_error(
        "sites/bad.md",
        &text,
        &[
            "content/sites/bad.md:8:1",
            "field `sources[1].title`",
            "missing required field",
        ],
    );
    let text = GOOD_SITE.replace("[[sources]]\ntitle = \"A source\"\n", "");
    assert_error(
        "sites/bad.md",
        &text,
        &["field `sources`", "missing required field"],
    );
    assert_error(
        "sites/bad.md",
        &site_with("").replace(
            "title = \"A source\"",
            "title = \"A source\"\nurl = \"ftp://x\"",
        ),
        &["field `sources[1].url`", "http:// or https://"],
    );
}

#[test]
fn image_file_that_does_not_exist() {
    let text = format!(
        "{}\n[[images]]\nfile = \"images/missing.jpg\"\nalt = \"x\"\n+++\n",
        GOOD_SITE.trim_end().trim_end_matches("+++")
    );
    assert_error(
        "sites/bad.md",
        &text,
        &[
            "field `images[1].file`",
            "images/missing.jpg` does not exist",
        ],
    );
    let text = format!(
        "{}\n[[images]]\nfile = \"images/obelisk.png\"\n+++\n",
        GOOD_SITE.trim_end().trim_end_matches("+++")
    );
    assert_error(
        "sites/bad.md",
        &text,
        &["field `images[1].alt`", "missing required field"],
    );
}

#[test]
fn unterminated_front_matter_and_bad_toml() {
    assert_error(
        "sites/bad.md",
        "+++\ntitle = \"A\"\n\nBody text\n",
        &["content/sites/bad.md:1:1", "front matter is not terminated"],
    );
    assert_error(
        "sites/bad.md",
        "title = \"A\"\n",
        &["content/sites/bad.md:1:1", "must start with a line `+++`"],
    );
    assert_error(
        "sites/bad.md",
        "+++\ntitle = \"A\nkind = 1\n+++\n",
        &["content/sites/bad.md:2", "not valid TOML"],
    );
}

#[test]
fn invalid_utf8() {
    let mut bytes = GOOD_SITE.replace("A Site", "A S\u{0}te").into_bytes();
    let pos = bytes.iter().position(|b| *b == 0).expect("marker");
    bytes[pos] = 0xff;
    let errors = errors_for("sites/bad.md", &bytes);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("content/sites/bad.md:2:") && e.contains("not valid UTF-8")),
        "{errors:?}"
    );
}

#[test]
fn crlf_and_byte_order_mark_are_accepted_and_lines_still_count() {
    let text = format!("\u{feff}{}", GOOD_SITE.replace('\n', "\r\n"));
    assert!(errors_for("sites/crlf.md", text.as_bytes()).is_empty());
    let text = format!(
        "\u{feff}{}",
        GOOD_SITE
            .replace("title = \"A Site\"", "title = 5")
            .replace('\n', "\r\n")
    );
    assert_error(
        "sites/crlf.md",
        &text,
        &["content/sites/crlf.md:2:9", "field `title`"],
    );
}

#[test]
fn aliases_must_not_collide() {
    assert_error(
        "sites/bad.md",
        &site_with("aliases = [\"/sites/old-obelisk/\"]"),
        &[
            "content/sites/bad.md:7:12",
            "also an alias in content/sites/full-site.md",
        ],
    );
    assert_error(
        "sites/bad.md",
        &site_with("aliases = [\"/sites/kursk-plan/\"]"),
        &["the alias `/sites/kursk-plan/` is the address of a page that exists"],
    );
    assert_error(
        "sites/bad.md",
        &site_with("aliases = [\"/about/\"]"),
        &["is the address of a page that exists"],
    );
    assert_error(
        "sites/bad.md",
        &site_with("aliases = [\"old-name\"]"),
        &["`old-name` is not a path of this site"],
    );
}

#[test]
fn slugs_and_page_slugs_that_shadow_routes() {
    assert_error(
        "sites/Bad_Name.md",
        GOOD_SITE,
        &["content/sites/Bad_Name.md", "cannot be a slug"],
    );
    assert_error(
        "pages/sites.md",
        "+++\ntitle = \"Sites\"\n+++\n",
        &["content/pages/sites.md", "address the site uses itself"],
    );
    assert_error(
        "countries/korea.md",
        "+++\nname = \"Korea\"\n+++\n",
        &["content/countries/korea.md", "not a country code"],
    );
    assert_error(
        "sites/notes.txt",
        "x",
        &["content/sites/notes.txt", "only Markdown files"],
    );
}

#[test]
fn summary_length_is_counted_in_characters() {
    let ok = "한".repeat(300);
    assert!(
        errors_for(
            "sites/s.md",
            site_with(&format!("summary = \"{ok}\"")).as_bytes()
        )
        .is_empty()
    );
    let long = "한".repeat(301);
    assert_error(
        "sites/s.md",
        &site_with(&format!("summary = \"{long}\"")),
        &["field `summary`", "301 characters long; at most 300"],
    );
}

#[test]
fn every_error_of_every_file_is_reported_together_sorted_by_file() {
    let tree = Tree::fixture();
    tree.write(
        "sites/b-bad.md",
        site_with("comemorations = []\ncoordinates = [100, 0]")
            .replace("kind = \"monument\"", "kind = \"tower\""),
    );
    tree.write(
        "sites/a-bad.md",
        GOOD_SITE.replace("country = \"kp\"", "country = \"zz\""),
    );
    let report = memorial_atlas::content::load(&tree.content()).expect_err("broken content");
    let files: Vec<String> = report
        .errors
        .iter()
        .map(|e| e.file.display().to_string())
        .collect();
    assert_eq!(report.errors.len(), 4, "{report}");
    assert_eq!(files[0], "content/sites/a-bad.md");
    assert!(files[1..].iter().all(|f| f == "content/sites/b-bad.md"));
}

#[test]
fn check_and_build_report_errors_exit_non_zero_and_keep_the_old_database() {
    let tree = Tree::fixture();
    let out = tree.run(&["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("4 sites (1 drafts), 3 countries, 3 dates, 2 pages in"),
        "{stdout}"
    );
    let before = std::fs::read(tree.db()).expect("db");

    tree.write(
        "sites/broken.md",
        site_with("comemorations = [\"victory-day\"]"),
    );
    tree.write(
        "dates/bad-day.md",
        "+++\ntitle = \"Bad\"\nmonth = 2\nday = 30\n+++\n",
    );

    let check = tree.run(&["check"]);
    assert!(!check.status.success());
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains("error: content/dates/bad-day.md:4:7: field `day`: February has no day 30"),
        "{stderr}"
    );
    assert!(stderr.contains("error: content/sites/broken.md:7:1: field `comemorations`: unknown field `comemorations` (did you mean `commemorations`?)"), "{stderr}");
    assert!(stderr.contains("2 errors in 2 files"), "{stderr}");

    let build = tree.run(&["build"]);
    assert!(!build.status.success());
    assert!(String::from_utf8_lossy(&build.stderr).contains("Nothing was written"));
    assert_eq!(
        std::fs::read(tree.db()).expect("db"),
        before,
        "the database must be left byte-for-byte as it was"
    );
    assert_eq!(
        files_beside(&tree.db()),
        ["atlas.db"],
        "no temporary files are left behind"
    );

    tree.remove("sites/broken.md");
    tree.remove("dates/bad-day.md");
    let check = tree.run(&["check"]);
    assert!(check.status.success());
    assert!(String::from_utf8_lossy(&check.stdout).contains("no errors"));
    assert!(tree.run(&["build"]).status.success());
    assert_eq!(
        files_beside(&tree.db()),
        ["atlas.db"],
        "a build leaves only its database"
    );
    assert!(tree.run(&["build", "--exports"]).status.success());
    assert_eq!(
        files_beside(&tree.db()),
        ["atlas.db", "atlas.db.exports"],
        "a build with --exports leaves only its database and its open-data files"
    );
}

/// The names of the files in the database's folder.
fn files_beside(db: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(db.parent().expect("dir"))
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_file_that_vanishes_during_a_build_leaves_the_database_as_it_was() {
    let tree = Tree::fixture();
    tree.build();
    let before = std::fs::read(tree.db()).expect("db");
    // Checked, then gone before its body is read: the build fails half-way through writing.
    let content = memorial_atlas::content::load(&tree.content()).expect("fixtures load");
    let victim = content.sites.last().expect("a site").file.clone();
    tree.remove(&victim.to_string_lossy().replace("content/", ""));
    let err = memorial_atlas::db::build(&content, &tree.db()).expect_err("the build must fail");
    assert!(
        err.to_string()
            .contains("changed or vanished during the build"),
        "{err}"
    );
    assert_eq!(std::fs::read(tree.db()).expect("db"), before);
    assert_eq!(files_beside(&tree.db()), ["atlas.db"]);
}

#[test]
fn missing_content_folders_still_build() {
    let tree = Tree::fixture();
    std::fs::remove_dir_all(tree.content().join("pages")).expect("rm");
    std::fs::remove_dir_all(tree.content().join("sites")).expect("rm");
    let out = tree.run(&["build"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 sites"));
}

#[test]
fn an_unknown_field_without_a_close_match_lists_the_known_fields_in_order() {
    // The known fields are the ones the parser reads: this list is what editors are told.
    assert_error(
        "sites/bad.md",
        &site_with("colour = \"red\""),
        &[
            "content/sites/bad.md:7:1",
            "field `colour`: unknown field `colour` (known fields: title, country, locality, region, kind, status, honours, conflicts, established, removed, coordinates, coordinates_precision, coordinates_source, commemorations, names, burials, caretaker, visiting, wikidata, osm, summary, updated, draft, aliases, sources, events, images)",
        ],
    );
    assert_error(
        "sites/bad.md",
        &GOOD_SITE.replace("title = \"A source\"", "title = \"A source\"\nextra = 1"),
        &[
            "field `sources[1].extra`: unknown field `extra` (known fields: title, id, publisher, url, date)",
        ],
    );
    assert_error(
        "sites/bad.md",
        &site_with("burials = { total = 1, xyz = 2 }"),
        &[
            "field `burials.xyz`: unknown field `xyz` (known fields: total, known, unknown, military)",
        ],
    );
    assert_error(
        "sites/bad.md",
        &format!(
            "{}\n[[images]]\nfile = \"images/obelisk.png\"\nalt = \"x\"\nxyz = 1\n+++\n",
            GOOD_SITE.trim_end().trim_end_matches("+++")
        ),
        &[
            "field `images[1].xyz`: unknown field `xyz` (known fields: file, alt, caption, credit, license)",
        ],
    );
    assert_error(
        "dates/d.md",
        "+++\ntitle = \"D\"\nmonth = 1\nday = 1\nxyz = 1\n+++\n",
        &["unknown field `xyz` (known fields: title, month, day, countries, names, since)"],
    );
    assert_error(
        "countries/mn.md",
        "+++\nname = \"Mongolia\"\nxyz = 1\n+++\n",
        &["unknown field `xyz` (known fields: name, official_name, names)"],
    );
    assert_error(
        "pages/p.md",
        "+++\ntitle = \"P\"\nxyz = 1\n+++\n",
        &["unknown field `xyz` (known fields: title, summary, draft)"],
    );
}
