//! Writing one export: the sites read from the database a batch at a time, each record written
//! at once to the plain file and to its gzip and brotli forms, so that memory holds one batch and
//! the compressors' windows, whatever the size of the atlas.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::files::{Export, ExportError, FileFacts};
use super::records::{About, CsvColumns, geojson_record, json_record};
use crate::db::Database;
use crate::db::read::SiteDetail;

/// Sites read from the database at a time.
const BATCH: u32 = 256;
/// gzip level 6 is what `gzip` itself uses; brotli 5 with a 1 MB window compresses better than
/// that at about its speed, where the highest levels would take minutes at 100,000 sites.
const GZIP_LEVEL: u32 = 6;
const BROTLI_QUALITY: u32 = 5;
const BROTLI_WINDOW_BITS: u32 = 20;

/// Writes `export` of `db` into `dir` in its three forms and says what it wrote.
pub(super) fn one(
    export: Export,
    db: &Database,
    base_url: &str,
    dir: &Path,
) -> Result<FileFacts, ExportError> {
    let path = dir.join(export.file_name());
    // Records arrive in many small writes; the compressors take them a buffer at a time.
    let mut out = BufWriter::with_capacity(64 * 1024, Outputs::create(&path)?);
    let written = match export {
        Export::Json => json(db, base_url, &mut out),
        Export::GeoJson => geojson(db, base_url, &mut out),
        Export::Csv => csv(db, base_url, &mut out),
        Export::Jsonl => jsonl(db, base_url, &mut out),
    };
    written.map_err(|e| match e {
        Failure::Io(source) => ExportError::Io {
            action: "write",
            path: path.clone(),
            source,
        },
        Failure::Other(e) => e,
    })?;
    let io = |source| ExportError::Io {
        action: "finish",
        path: path.clone(),
        source,
    };
    let out = out.into_inner().map_err(|e| io(e.into_error()))?;
    out.finish().map_err(|source| ExportError::Io {
        action: "finish",
        path,
        source,
    })
}

/// Why a record could not be written: the disk, or anything else.
enum Failure {
    Io(io::Error),
    Other(ExportError),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

impl From<crate::db::DbError> for Failure {
    fn from(e: crate::db::DbError) -> Self {
        Failure::Other(e.into())
    }
}

fn record_error(file: &'static str) -> impl Fn(String) -> Failure {
    move |detail| Failure::Other(ExportError::Record { file, detail })
}

/// Calls `each` with every published site, in slug order, a batch at a time.
fn each_site(
    db: &Database,
    mut each: impl FnMut(&SiteDetail) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let mut after = String::new();
    loop {
        let batch = db.sites_after(&after, BATCH)?;
        for site in &batch {
            each(site)?;
        }
        match batch.last() {
            Some(last) if batch.len() == BATCH as usize => after.clone_from(&last.summary.slug),
            _ => return Ok(()),
        }
    }
}

fn to_json(value: &impl Serialize) -> Result<String, Failure> {
    serde_json::to_string(value).map_err(|e| record_error("a JSON file")(e.to_string()))
}

/// `sites.json`, byte for byte as `serde_json::to_vec_pretty` wrote the whole document: keys in
/// alphabetical order, so `count` first (counted up front) and `source` after the sites.
fn json(db: &Database, base: &str, out: &mut impl Write) -> Result<(), Failure> {
    let about = serde_json::to_value(About::new(base, db.built_at()))
        .map_err(|e| record_error("sites.json")(e.to_string()))?;
    let field = |name: &str| to_json(&about[name]);
    write!(out, "{{\n  \"count\": {},", db.published_sites()?)?;
    for name in ["documentation", "generated", "licence", "licence_url"] {
        write!(out, "\n  \"{name}\": {},", field(name)?)?;
    }
    out.write_all(b"\n  \"sites\": [")?;
    let mut first = true;
    let mut buf = Vec::with_capacity(16 * 1024);
    each_site(db, |s| {
        out.write_all(if first { b"\n    " } else { b",\n    " })?;
        first = false;
        buf.clear();
        let record = json_record(s, base).map_err(|e| record_error("sites.json")(e.to_string()))?;
        serde_json::to_writer_pretty(&mut buf, &record)
            .map_err(|e| record_error("sites.json")(e.to_string()))?;
        // The record as it stands at depth 2: JSON strings hold no raw line breaks.
        for (i, line) in buf.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                out.write_all(b"\n    ")?;
            }
            out.write_all(line)?;
        }
        Ok(())
    })?;
    out.write_all(if first { b"]" } else { b"\n  ]" })?;
    write!(out, ",\n  \"source\": {}\n}}", field("source")?)?;
    Ok(())
}

/// `sites.geojson`, compact: `{"features":[…],"metadata":…,"type":"FeatureCollection"}`.
fn geojson(db: &Database, base: &str, out: &mut impl Write) -> Result<(), Failure> {
    out.write_all(b"{\"features\":[")?;
    let mut first = true;
    each_site(db, |s| {
        let Some(feature) = geojson_record(s, base) else {
            return Ok(());
        };
        let feature = feature.map_err(|e| record_error("sites.geojson")(e.to_string()))?;
        if !first {
            out.write_all(b",")?;
        }
        first = false;
        serde_json::to_writer(&mut *out, &feature)
            .map_err(|e| record_error("sites.geojson")(e.to_string()))
    })?;
    let about = to_json(&About::new(base, db.built_at()))?;
    write!(
        out,
        "],\"metadata\":{about},\"type\":\"FeatureCollection\"}}"
    )?;
    Ok(())
}

fn csv(db: &Database, base: &str, out: &mut impl Write) -> Result<(), Failure> {
    let err = |e: csv::Error| record_error("sites.csv")(e.to_string());
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    let columns = CsvColumns::new().map_err(|e| record_error("sites.csv")(e.to_string()))?;
    w.write_record(columns.header()).map_err(err)?;
    each_site(db, |s| {
        let record = columns
            .record(s, base)
            .map_err(|e| record_error("sites.csv")(e.to_string()))?;
        w.serialize(record).map_err(err)
    })?;
    w.flush()?;
    Ok(())
}

/// One line of `sites.jsonl`: the site's stable `id` (its slug), then the fields of `sites.json`.
#[derive(Serialize)]
struct Line<'a, T: Serialize> {
    id: &'a str,
    #[serde(flatten)]
    site: T,
}

fn jsonl(db: &Database, base: &str, out: &mut impl Write) -> Result<(), Failure> {
    each_site(db, |s| {
        let line = Line {
            id: &s.summary.slug,
            site: json_record(s, base).map_err(|e| record_error("sites.jsonl")(e.to_string()))?,
        };
        serde_json::to_writer(&mut *out, &line)
            .map_err(|e| record_error("sites.jsonl")(e.to_string()))?;
        out.write_all(b"\n")?;
        Ok(())
    })
}

/// A file that keeps the first error its writes met: the brotli writer finishes its stream on
/// `into_inner` and drops what went wrong there.
struct Checked {
    file: BufWriter<File>,
    path: PathBuf,
    error: Option<io::Error>,
    written: u64,
}

impl Checked {
    fn create(path: PathBuf) -> io::Result<Checked> {
        Ok(Checked {
            file: BufWriter::with_capacity(64 * 1024, File::create(&path)?),
            path,
            error: None,
            written: 0,
        })
    }

    /// Flushed and on disk, or the first error met; the number of bytes written.
    fn close(mut self) -> io::Result<u64> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.file.flush()?;
        self.file.get_ref().sync_all()?;
        Ok(self.written)
    }
}

impl Write for Checked {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let r = self.file.write(buf);
        match &r {
            Ok(n) => self.written += *n as u64,
            Err(e) => {
                let kept = io::Error::new(e.kind(), format!("{}: {e}", self.path.display()));
                self.error.get_or_insert(kept);
            }
        }
        r
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// The plain file and its two compressed forms, written together, with the plain bytes' hash.
struct Outputs {
    plain: Checked,
    gzip: flate2::write::GzEncoder<Checked>,
    br: brotli::CompressorWriter<Checked>,
    hash: u64,
}

impl Outputs {
    fn create(path: &Path) -> Result<Outputs, ExportError> {
        let open = |p: PathBuf| {
            Checked::create(p.clone()).map_err(|source| ExportError::Io {
                action: "create",
                path: p,
                source,
            })
        };
        let with = |suffix: &str| {
            let mut name = path.as_os_str().to_os_string();
            name.push(format!(".{suffix}"));
            PathBuf::from(name)
        };
        Ok(Outputs {
            plain: open(path.to_path_buf())?,
            gzip: flate2::write::GzEncoder::new(
                open(with("gz"))?,
                flate2::Compression::new(GZIP_LEVEL),
            ),
            br: brotli::CompressorWriter::new(
                open(with("br"))?,
                64 * 1024,
                BROTLI_QUALITY,
                BROTLI_WINDOW_BITS,
            ),
            hash: 0xcbf29ce484222325,
        })
    }

    fn finish(mut self) -> io::Result<FileFacts> {
        self.plain.flush()?;
        let gzip = self.gzip.finish()?.close()?;
        let br = self.br.into_inner().close()?;
        let size = self.plain.close()?;
        Ok(FileFacts {
            hash: format!("{:016x}", self.hash),
            modified: String::new(),
            size,
            gzip,
            br,
        })
    }
}

impl Write for Outputs {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // FNV-1a, as `fingerprint::fnv1a`, a buffer at a time.
        for b in buf {
            self.hash ^= u64::from(*b);
            self.hash = self.hash.wrapping_mul(0x100000001b3);
        }
        self.plain.write_all(buf)?;
        self.gzip.write_all(buf)?;
        self.br.write_all(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.plain.flush()?;
        self.gzip.flush()?;
        self.br.flush()
    }
}
