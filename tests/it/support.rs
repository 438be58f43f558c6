//! Shared test helpers: a copy of the fixture content, a database built from it, and requests
//! against the real app.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::test;
use actix_web::web::Data;
use chrono::NaiveDate;
use memorial_atlas::web::{SharedState, SiteConfig, app};

pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
/// The public address the test app believes it has.
pub const BASE_URL: &str = "https://atlas.test";
pub const BIN: &str = env!("CARGO_BIN_EXE_memorial-atlas");

/// The day the tests pretend it is, so that "next occurrence" texts are stable.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date")
}

/// A private copy of a content tree (with its `static/` sibling) in a temporary folder.
pub struct Tree {
    pub dir: tempfile::TempDir,
}

impl Tree {
    pub fn fixture() -> Tree {
        Self::copy_of(Path::new(FIXTURES))
    }

    /// A copy of a folder that holds `content/` and `static/`.
    pub fn copy_of(root: &Path) -> Tree {
        let dir = tempfile::tempdir().expect("temp dir");
        for sub in ["content", "static"] {
            let from = root.join(sub);
            if from.is_dir() {
                copy_dir(&from, &dir.path().join(sub));
            }
        }
        Tree { dir }
    }

    pub fn content(&self) -> PathBuf {
        self.dir.path().join("content")
    }

    pub fn static_dir(&self) -> PathBuf {
        self.dir.path().join("static")
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("data/atlas.db")
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let p = self.content().join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }

    pub fn remove(&self, rel: &str) {
        std::fs::remove_file(self.content().join(rel)).expect("remove");
    }

    /// Runs the real command with this tree's content and database.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .env("MEMORIAL_ATLAS_CONTENT", self.content())
            .env("MEMORIAL_ATLAS_DB", self.db())
            .env_remove("MEMORIAL_ATLAS_BIND")
            .env_remove("MEMORIAL_ATLAS_DRAFTS")
            .output()
            .expect("run memorial-atlas")
    }

    /// Builds the database in-process (faster than the binary, same code).
    pub fn build(&self) {
        let content = memorial_atlas::content::load(&self.content())
            .unwrap_or_else(|e| panic!("fixture content has errors:\n{e}"));
        memorial_atlas::db::build(&content, &self.db()).expect("build");
    }

    pub fn config(&self, drafts: bool) -> SiteConfig {
        SiteConfig {
            db_path: self.db(),
            static_dir: self.static_dir(),
            drafts,
            today: Some(today()),
            edit_url: None,
            watch: false,
            base_url: BASE_URL.into(),
        }
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let p = entry.path();
        let target = to.join(entry.file_name());
        if p.is_dir() {
            copy_dir(&p, &target);
        } else {
            std::fs::copy(&p, &target).expect("copy");
        }
    }
}

/// What a visitor's browser would get.
pub struct Page {
    pub status: u16,
    pub headers: actix_web::http::header::HeaderMap,
    pub body: String,
}

impl Page {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// Asserts that the body holds every one of `needles`.
    #[track_caller]
    pub fn assert_has(&self, needles: &[&str]) {
        for n in needles {
            assert!(
                self.body.contains(n),
                "expected {n:?} in the page:\n{}",
                self.body
            );
        }
    }

    #[track_caller]
    pub fn assert_lacks(&self, needles: &[&str]) {
        for n in needles {
            assert!(
                !self.body.contains(n),
                "did not expect {n:?} in the page:\n{}",
                self.body
            );
        }
    }
}

/// A running app over a built fixture database.
pub struct App<S> {
    pub service: S,
    /// The content and database behind the app; dropping it deletes them.
    #[allow(dead_code)]
    pub tree: Tree,
}

pub async fn fixture_app(
    drafts: bool,
) -> App<
    impl Service<
        actix_http::Request,
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
    >,
> {
    let tree = Tree::fixture();
    tree.build();
    app_for(tree, drafts).await
}

pub async fn app_for(
    tree: Tree,
    drafts: bool,
) -> App<
    impl Service<
        actix_http::Request,
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
    >,
> {
    let shared = Data::new(SharedState::new(tree.config(drafts)));
    let service = test::init_service(app(shared)).await;
    App { service, tree }
}

impl<S, B> App<S>
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    pub async fn get(&self, path: &str) -> Page {
        self.send(test::TestRequest::get().uri(path)).await
    }

    pub async fn send(&self, req: test::TestRequest) -> Page {
        let resp = test::call_service(&self.service, req.to_request()).await;
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let bytes = test::read_body(resp).await;
        Page {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }
}

/// The site links of the site list's table, in order.
pub fn listed(body: &str) -> Vec<String> {
    hrefs_after(body, "<th scope=\"row\"><a href=\"")
}

/// Each address that follows `opening` (markup ending in `href="`), in order.
pub fn hrefs_after(body: &str, opening: &str) -> Vec<String> {
    body.match_indices(opening)
        .map(|(i, m)| {
            body[i + m.len()..]
                .split('"')
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

/// The real binary serving a tree on a free port of 127.0.0.1, stopped when dropped.
pub struct Running {
    child: std::process::Child,
    pub addr: String,
    /// What the server printed before the address it serves on.
    pub before: Vec<String>,
    lines: std::sync::mpsc::Receiver<String>,
    logs: std::sync::mpsc::Receiver<String>,
}

impl Running {
    /// `memorial-atlas serve` with `args`, once it says where it serves.
    pub fn start(tree: &Tree, args: &[&str]) -> Running {
        let mut child = Command::new(BIN)
            .arg("serve")
            .args(args)
            .args(["--bind", "127.0.0.1:0"])
            .env("MEMORIAL_ATLAS_CONTENT", tree.content())
            .env("MEMORIAL_ATLAS_DB", tree.db())
            .env_remove("RUST_LOG")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start server");
        let lines = lines_of(child.stdout.take().expect("stdout"));
        let logs = lines_of(child.stderr.take().expect("stderr"));
        let mut running = Running {
            child,
            addr: String::new(),
            before: Vec::new(),
            lines,
            logs,
        };
        loop {
            let line = running.next_line();
            if let Some(rest) = line.strip_prefix("Serving Memorial Atlas on http://") {
                running.addr = rest.split('/').next().unwrap_or_default().to_string();
                return running;
            }
            running.before.push(line);
        }
    }

    /// The next line the server prints, waiting at most 20 s for it.
    pub fn next_line(&self) -> String {
        self.lines
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("the server goes on printing")
    }

    /// The next line of the server's log (standard error), waiting at most 20 s for it.
    pub fn next_log_line(&self) -> String {
        self.logs
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("the server goes on logging")
    }
}

/// Reads what the server writes as a terminal would, so that it never blocks on a full pipe.
fn lines_of(out: impl std::io::Read + Send + 'static) -> std::sync::mpsc::Receiver<String> {
    use std::io::{BufRead, BufReader};
    let (tx, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            // Once the test stops listening, the rest is read and dropped.
            let _ = tx.send(line);
        }
    });
    lines
}

impl Running {
    /// Stops the server as a power cut would: SIGKILL, no clean-up.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A plain HTTP/1.1 GET over TCP; the whole response, or nothing if the server is not there.
pub fn http_get(addr: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let Ok(mut stream) = std::net::TcpStream::connect(addr) else {
        return String::new();
    };
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(10)));
    let _ = write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    );
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response
}
