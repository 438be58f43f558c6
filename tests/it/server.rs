//! The real binary: `serve` builds a missing database, answers over TCP on 127.0.0.1, and refuses
//! to start on a database it cannot read.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use crate::support::{Running, Tree, http_get};

#[test]
fn serve_builds_the_missing_database_and_answers_over_http() {
    let tree = Tree::fixture();
    assert!(!tree.db().exists());
    let server = Running::start(&tree, &[]);
    let built = server.before.first().cloned().unwrap_or_default();
    assert!(built.starts_with("built "), "{built}");
    let addr = server.addr.clone();
    assert!(addr.starts_with("127.0.0.1:"));
    assert!(tree.db().is_file());

    let home = http_get(&addr, "/");
    assert!(home.starts_with("HTTP/1.1 200 OK"), "{home}");
    assert!(home.contains("Fixture Obelisk"));
    let missing = http_get(&addr, "/no/such/page/");
    assert!(missing.starts_with("HTTP/1.1 404"), "{missing}");
    drop(server);
}

#[test]
fn serve_rebuilds_a_damaged_database_and_refuses_when_it_cannot() {
    let tree = Tree::fixture();
    tree.build();
    let truncate = || {
        let bytes = std::fs::read(tree.db()).expect("db");
        std::fs::write(tree.db(), &bytes[..bytes.len() / 3]).expect("truncate");
    };
    // Damaged, with good content: rebuilt, and the server goes on to start (the address is
    // taken on purpose, so that the command returns).
    truncate();
    let blocker = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let taken = blocker.local_addr().expect("addr").to_string();
    let out = tree.run(&["serve", "--bind", &taken]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("is damaged or from another version: rebuilding it"),
        "{stderr}"
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("built "),
        "rebuilt"
    );
    assert!(
        stderr.contains("cannot serve on"),
        "then the clear bind error: {stderr}"
    );
    assert!(!out.status.success());
    assert!(
        memorial_atlas::db::Database::open(&tree.db(), false).is_ok(),
        "the rebuilt database opens"
    );

    // Damaged, and the content broken too: a clear message and a non-zero exit, never a panic.
    truncate();
    tree.write("sites/broken.md", "+++\ntitle = 5\n+++\n");
    let out = tree.run(&["serve", "--bind", "127.0.0.1:0"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("content/sites/broken.md:2:9"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    // Missing, with broken content: the same.
    std::fs::remove_file(tree.db()).expect("rm");
    let out = tree.run(&["serve", "--bind", "127.0.0.1:0"]);
    assert!(!out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

#[test]
fn serve_starts_on_an_outdated_database_and_swaps_in_a_rebuild() {
    let tree = Tree::fixture();
    tree.build();
    let full = std::fs::read_to_string(tree.content().join("sites/full-site.md")).expect("read");
    tree.write(
        "sites/full-site.md",
        full.replace("Fixture Obelisk", "Renamed Obelisk"),
    );
    let server = Running::start(&tree, &[]);
    let addr = server.addr.clone();
    // The rebuild is announced and done in the background, in the log (standard error); the
    // workers open the new database at their next request.
    let mut logged = Vec::new();
    while !logged.iter().any(|l: &String| l.contains(": rebuilt ")) {
        logged.push(server.next_log_line());
    }
    assert!(
        logged
            .iter()
            .any(|l| l.contains(": The content changed since")),
        "{logged:?}"
    );
    let mut page = String::new();
    for _ in 0..40 {
        page = http_get(&addr, "/sites/full-site/");
        if page.contains("Renamed Obelisk") {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(page.contains("Renamed Obelisk"), "{page}");
}

#[test]
fn a_client_that_never_finishes_its_request_is_cut_off() {
    let tree = Tree::fixture();
    tree.build();
    let server = Running::start(&tree, &[]);
    let addr = server.addr.clone();
    let mut stream = TcpStream::connect(&addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    // Headers begun and never ended: the server must not wait for them for ever.
    write!(stream, "GET / HTTP/1.1\r\nHost: {addr}\r\nX-Slow: ").expect("write");
    let started = std::time::Instant::now();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let waited = started.elapsed();
    assert!(
        waited < Duration::from_secs(10),
        "the connection was held for {waited:?}"
    );
    // Cut off with an answer that says why, not a connection dropped without a word.
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer:?}");
}
