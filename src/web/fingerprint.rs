//! The one hash of the site's bytes: the weak `ETag` of a page and the fingerprint in the name of
//! a compiled-in asset. Kept apart so that both can use it without importing each other.

/// FNV-1a: stable across processes and machines, so replicas agree on every ETag and asset name.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}
