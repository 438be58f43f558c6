//! What the open-data files are: each export's name and type, its encodings, what is known of a
//! written file, and what can go wrong in writing them.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::db::DbError;

/// One export, in each of its three encodings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Json,
    GeoJson,
    Csv,
    Jsonl,
}

impl Export {
    pub const ALL: [Export; 4] = [Export::Json, Export::GeoJson, Export::Csv, Export::Jsonl];

    /// The name of its file, and the last part of its address under `/data/`.
    pub fn file_name(self) -> &'static str {
        match self {
            Export::Json => "sites.json",
            Export::GeoJson => "sites.geojson",
            Export::Csv => "sites.csv",
            Export::Jsonl => "sites.jsonl",
        }
    }

    pub fn extension(self) -> &'static str {
        self.file_name().trim_start_matches("sites.")
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Export::Json => "application/json; charset=utf-8",
            Export::GeoJson => "application/geo+json; charset=utf-8",
            Export::Csv => "text/csv; charset=utf-8; header=present",
            Export::Jsonl => "application/jsonl; charset=utf-8",
        }
    }
}

/// The precompressed forms beside each plain file, by the suffix of their file name.
pub const ENCODINGS: [(&str, &str); 2] = [("br", "br"), ("gzip", "gz")];

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot read the database for the open-data files: {0}")]
    Db(#[from] DbError),
    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write a record of {file}: {detail}")]
    Record { file: &'static str, detail: String },
    #[error(
        "the database was replaced twice while its open-data files were written; they will be written at the next request"
    )]
    Replaced,
}

/// What is known of one export without reading it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileFacts {
    /// FNV-1a of the plain file: the strong `ETag` of each of its forms.
    pub hash: String,
    /// When its content last changed (RFC 3339): the build that first wrote these bytes.
    pub modified: String,
    /// Bytes of the plain file, and of its gzip and brotli forms.
    pub size: u64,
    pub gzip: u64,
    pub br: u64,
}
