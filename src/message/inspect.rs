//! Attachments: what their bytes are, and whether they may go to staff as
//! mail attachments.
//!
//! Reports come with proof-of-concept files, logs and screenshots, and staff
//! get them forwarded. A mail client opens an attachment with a double click,
//! by its name, so a file that runs code when opened must never be handed out
//! blindly: such files are *held back* (listed in the mail instead of
//! attached), with a one-line reason for staff. [`inspect`] decides, from the
//! bytes first and the sender's name and declared type second:
//!
//! - **Programs**, by their bytes: Windows PE/MZ, ELF, Mach-O (fat too),
//!   Android dex, Java classes, WebAssembly, Windows shortcuts, MSI
//!   installers, and scripts with a `#!` line.
//! - **Programs by name**: a final extension that Windows, macOS or a desktop
//!   runs or mounts on a double click (`.exe`, `.scr`, `.js`, `.ps1`, `.lnk`,
//!   `.iso`, `.docm`, ... in [`DANGEROUS_EXTENSIONS`]), so `invoice.pdf.exe`
//!   is held even when its bytes are a PDF; the same for a declared type such
//!   as `application/x-msdownload` (a client names an unnamed attachment
//!   after its type). The bytes still decide the detected type.
//! - **Documents with macros**: OOXML with a `vbaProject.bin`, an Excel 4.0
//!   macro sheet or a `macroEnabled` content type; legacy OLE documents
//!   (.doc/.xls/...) with a VBA storage; OpenDocument with Basic modules;
//!   OLE files that embed a file package (`Ole10Native`, the usual way to
//!   smuggle an executable into a document) or, as Outlook `.msg`, carry
//!   attachments of their own.
//! - **Archives**: a zip (and so jar, apk, OOXML, OpenDocument, epub) is read
//!   from its central directory, without unpacking: held when an entry is
//!   encrypted (its contents cannot be checked), named like a program, or —
//!   for the few entries whose bytes need a look (nested archives and
//!   documents, files without an extension) — when a bounded prefix of it
//!   shows one. Other archive and disk-image formats (rar, 7z, tar, gzip, xz,
//!   cab, iso, dmg, ...) cannot be checked without unpacking them, so they
//!   are held too, as is anything that cannot be read.
//!
//! Everything else (images, PDF, RTF, plain text, logs, pcaps, JSON, patches,
//! HTML) may be attached. Not covered, because it needs parsing the
//! document's own language: JavaScript in PDF, exploits of RTF or Equation
//! Editor objects, remote-template references in OOXML, VBA inside legacy
//! PowerPoint files (stored compressed inside the presentation stream, not
//! as a storage of its own) and Excel 4.0 macros in legacy `.xls` files.
//!
//! Inspection is pure and bounded: at most [`MAX_ENTRIES`] entries of an
//! archive are looked at, at most [`MAX_EXAMINED`] entries are decompressed,
//! each to at most [`PREFIX_LIMIT`] bytes, and archives are followed at most
//! [`MAX_DEPTH`] levels down. Whatever exceeds a bound is held back, never
//! waved through. The parsers of other crates run under `catch_unwind`, so a
//! bug in them costs one held-back file, not the daemon.

use std::io::{Cursor, Read};

/// What the bytes of one attachment are, and whether they may be attached to a mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspection {
    /// MIME type detected from the bytes (`infer`), e.g. "application/pdf";
    /// for text-like content that `infer` does not know: "text/plain" when the bytes are valid UTF-8 (or mostly printable) else "application/octet-stream".
    pub detected_type: String,
    /// Why the file is held back, for staff to read (English, one line, e.g.
    /// "Windows executable (PE)", "shell script (#!)", "Office document with macros (vbaProject.bin)",
    /// "archive holds an executable: tools/run.exe", "archive holds encrypted entries", "name says executable: invoice.pdf.exe");
    /// `None` when it may be attached.
    pub held_back: Option<String>,
}

/// Inspect one attachment. `name` is the sender's file name (untrusted, may be None),
/// `declared_type` the Content-Type the sender declared (lower case, no parameters).
/// Pure, never panics on any input, bounded work (see limits below).
pub fn inspect(name: Option<&str>, declared_type: &str, bytes: &[u8]) -> Inspection {
    // the caller promises lower case; a sender's odd spacing costs nothing to undo
    let declared = declared_type.trim().to_ascii_lowercase();
    // infer, zip and cfb parse what a hostile sender wrote. Should one of them
    // panic on it after all, the file is held back (fail closed) and the
    // daemon goes on.
    std::panic::catch_unwind(|| inspect_unguarded(name, &declared, bytes)).unwrap_or_else(|_| {
        Inspection {
            detected_type: OCTET_STREAM.to_string(),
            held_back: Some("could not be inspected: a file-type parser failed on it".to_string()),
        }
    })
}

/// An archive with more entries is held back without looking further: no
/// report needs that many files, and it bounds the work per archive.
pub const MAX_ENTRIES: usize = 10_000;
/// Entries decompressed (a prefix of each) per attachment, across all
/// nesting levels: what bounds decompression work to
/// `MAX_EXAMINED * PREFIX_LIMIT` bytes whatever the archive claims.
pub const MAX_EXAMINED: usize = 8;
/// Most bytes of one archive entry ever decompressed. A nested archive or
/// OLE document must fit whole (its directory is at the end or anywhere);
/// programs show in their first bytes.
pub const PREFIX_LIMIT: usize = 64 * 1024;
/// Archives inside the attachment are followed this many levels down
/// (attachment.zip → a.zip → b.zip); one more level is held back.
pub const MAX_DEPTH: usize = 2;

/// Bytes looked at to tell text from binary.
const TEXT_SAMPLE: usize = 64 * 1024;
/// Longest file name (in characters) quoted in a reason.
const MAX_SHOWN_CHARS: usize = 200;
const OCTET_STREAM: &str = "application/octet-stream";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What a held-back thing is; says how a reason is worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Executable,
    Script,
    /// A document found to contain macros.
    Macros,
    /// Named like a macro-enabled document (the name alone makes Office
    /// offer to run its macros).
    MacroName,
    /// Mounted on a double click, showing its files without any check.
    DiskImage,
    /// Could not be looked into: encrypted, unreadable, too large or a format
    /// this module does not unpack.
    Unchecked,
}

impl Kind {
    /// "name says {label}: ..."
    fn label(self) -> &'static str {
        match self {
            Kind::Executable => "executable",
            Kind::Script => "script",
            Kind::Macros | Kind::MacroName => "macro-enabled Office document",
            Kind::DiskImage => "disk image",
            Kind::Unchecked => "file that cannot be checked",
        }
    }

    /// "archive holds {noun}: ..."
    fn noun(self) -> &'static str {
        match self {
            Kind::Executable => "an executable",
            Kind::Script => "a script",
            Kind::Macros => "an Office document with macros",
            Kind::MacroName => "a macro-enabled Office document",
            Kind::DiskImage => "a disk image",
            Kind::Unchecked => "content that could not be checked",
        }
    }
}

/// Final extensions (compared without case) that make a file dangerous by
/// name alone, because a mail client hands the file to whatever the system
/// runs for that extension: Windows programs, installers and shortcuts,
/// their script hosts (cmd, PowerShell, Windows Script Host, HTML
/// applications), interpreters that installers register for double clicks
/// (Python, Perl, Ruby, AutoHotkey), macOS apps, installers and scripts,
/// Linux launchers and packages, Java and Android packages, macro-enabled
/// Office and Access files, and disk images that Windows mounts without a
/// check. Mostly Outlook's own list of blocked attachments, plus the Unix
/// side. Deliberately not here: .html, .svg, .pdf, .php and source files
/// that no desktop executes when opened.
const DANGEROUS_EXTENSIONS: &[(&str, Kind)] = &[
    // Windows programs, libraries, installers, packages
    ("exe", Kind::Executable),
    ("dll", Kind::Executable),
    ("scr", Kind::Executable),
    ("com", Kind::Executable),
    ("pif", Kind::Executable),
    ("cpl", Kind::Executable),
    ("sys", Kind::Executable),
    ("drv", Kind::Executable),
    ("ocx", Kind::Executable),
    ("efi", Kind::Executable),
    ("xll", Kind::Executable),
    ("wll", Kind::Executable),
    ("msi", Kind::Executable),
    ("msp", Kind::Executable),
    ("mst", Kind::Executable),
    ("msix", Kind::Executable),
    ("msixbundle", Kind::Executable),
    ("appx", Kind::Executable),
    ("appxbundle", Kind::Executable),
    ("appinstaller", Kind::Executable),
    ("appref-ms", Kind::Executable),
    ("application", Kind::Executable),
    ("xbap", Kind::Executable),
    ("gadget", Kind::Executable),
    ("msc", Kind::Executable),
    ("chm", Kind::Executable),
    ("hlp", Kind::Executable),
    // shortcuts and shell files that launch programs or leak credentials
    ("lnk", Kind::Executable),
    ("url", Kind::Executable),
    ("website", Kind::Executable),
    ("scf", Kind::Executable),
    ("library-ms", Kind::Executable),
    ("settingcontent-ms", Kind::Executable),
    // Java, Android, iOS, WebAssembly
    ("jar", Kind::Executable),
    ("class", Kind::Executable),
    ("dex", Kind::Executable),
    ("apk", Kind::Executable),
    ("xapk", Kind::Executable),
    ("aab", Kind::Executable),
    ("ipa", Kind::Executable),
    ("wasm", Kind::Executable),
    // macOS and Linux programs, libraries, packages
    ("app", Kind::Executable),
    ("pkg", Kind::Executable),
    ("mpkg", Kind::Executable),
    ("so", Kind::Executable),
    ("dylib", Kind::Executable),
    ("elf", Kind::Executable),
    ("run", Kind::Executable),
    ("appimage", Kind::Executable),
    ("deb", Kind::Executable),
    ("rpm", Kind::Executable),
    ("snap", Kind::Executable),
    // Windows script hosts
    ("bat", Kind::Script),
    ("cmd", Kind::Script),
    ("btm", Kind::Script),
    ("ps1", Kind::Script),
    ("psm1", Kind::Script),
    ("psd1", Kind::Script),
    ("ps1xml", Kind::Script),
    ("psc1", Kind::Script),
    ("pssc", Kind::Script),
    ("cdxml", Kind::Script),
    ("msh", Kind::Script),
    ("msh1", Kind::Script),
    ("msh2", Kind::Script),
    ("mshxml", Kind::Script),
    ("msh1xml", Kind::Script),
    ("msh2xml", Kind::Script),
    ("vb", Kind::Script),
    ("vbs", Kind::Script),
    ("vbe", Kind::Script),
    ("js", Kind::Script),
    ("jse", Kind::Script),
    ("ws", Kind::Script),
    ("wsf", Kind::Script),
    ("wsh", Kind::Script),
    ("wsc", Kind::Script),
    ("sct", Kind::Script),
    ("hta", Kind::Script),
    ("reg", Kind::Script),
    ("inf", Kind::Script),
    ("ins", Kind::Script),
    ("isp", Kind::Script),
    ("jnlp", Kind::Script),
    ("ahk", Kind::Script),
    ("au3", Kind::Script),
    // Unix shells, macOS Terminal and AppleScript, Linux launchers
    ("sh", Kind::Script),
    ("bash", Kind::Script),
    ("zsh", Kind::Script),
    ("ksh", Kind::Script),
    ("csh", Kind::Script),
    ("tcsh", Kind::Script),
    ("fish", Kind::Script),
    ("command", Kind::Script),
    ("tool", Kind::Script),
    ("applescript", Kind::Script),
    ("scpt", Kind::Script),
    ("scptd", Kind::Script),
    ("workflow", Kind::Script),
    ("action", Kind::Script),
    ("desktop", Kind::Script),
    // interpreters that register for double clicks
    ("py", Kind::Script),
    ("pyw", Kind::Script),
    ("pyc", Kind::Script),
    ("pyo", Kind::Script),
    ("pyz", Kind::Script),
    ("pyzw", Kind::Script),
    ("pl", Kind::Script),
    ("rb", Kind::Script),
    ("rbw", Kind::Script),
    // macro-enabled Office files and Access databases (VBA runs in them)
    ("docm", Kind::MacroName),
    ("dotm", Kind::MacroName),
    ("xlsm", Kind::MacroName),
    ("xltm", Kind::MacroName),
    ("xlam", Kind::MacroName),
    ("xla", Kind::MacroName),
    ("xlm", Kind::MacroName),
    ("pptm", Kind::MacroName),
    ("potm", Kind::MacroName),
    ("ppam", Kind::MacroName),
    ("ppsm", Kind::MacroName),
    ("sldm", Kind::MacroName),
    ("ppa", Kind::MacroName),
    ("mdb", Kind::MacroName),
    ("mde", Kind::MacroName),
    ("mda", Kind::MacroName),
    ("accdb", Kind::MacroName),
    ("accde", Kind::MacroName),
    ("ade", Kind::MacroName),
    ("adp", Kind::MacroName),
    // disk images: mounted on a double click, their files opened unchecked
    ("iso", Kind::DiskImage),
    ("img", Kind::DiskImage),
    ("vhd", Kind::DiskImage),
    ("vhdx", Kind::DiskImage),
    ("dmg", Kind::DiskImage),
];

/// Declared Content-Types that make a file dangerous: a client saving or
/// opening an unnamed attachment picks the program (and the extension) from
/// the type. Types containing "macroenabled" count too (see
/// [`declared_danger`]).
const DANGEROUS_DECLARED_TYPES: &[(&str, Kind)] = &[
    ("application/x-msdownload", Kind::Executable),
    ("application/x-msdos-program", Kind::Executable),
    ("application/x-dosexec", Kind::Executable),
    ("application/x-ms-dos-executable", Kind::Executable),
    ("application/x-winexe", Kind::Executable),
    ("application/x-exe", Kind::Executable),
    ("application/exe", Kind::Executable),
    (
        "application/vnd.microsoft.portable-executable",
        Kind::Executable,
    ),
    ("application/x-executable", Kind::Executable),
    ("application/x-elf", Kind::Executable),
    ("application/x-sharedlib", Kind::Executable),
    ("application/x-mach-binary", Kind::Executable),
    ("application/x-msi", Kind::Executable),
    ("application/x-ms-installer", Kind::Executable),
    ("application/x-ms-application", Kind::Executable),
    ("application/x-ms-shortcut", Kind::Executable),
    ("application/vnd.ms-htmlhelp", Kind::Executable),
    ("application/java-archive", Kind::Executable),
    ("application/x-java-archive", Kind::Executable),
    ("application/java-vm", Kind::Executable),
    ("application/vnd.android.package-archive", Kind::Executable),
    ("application/wasm", Kind::Executable),
    ("application/x-sh", Kind::Script),
    ("application/x-shellscript", Kind::Script),
    ("text/x-shellscript", Kind::Script),
    ("text/x-sh", Kind::Script),
    ("application/x-csh", Kind::Script),
    ("application/x-bat", Kind::Script),
    ("application/bat", Kind::Script),
    ("text/x-msdos-batch", Kind::Script),
    ("application/javascript", Kind::Script),
    ("application/x-javascript", Kind::Script),
    ("text/javascript", Kind::Script),
    ("application/ecmascript", Kind::Script),
    ("text/ecmascript", Kind::Script),
    ("text/jscript", Kind::Script),
    ("text/vbscript", Kind::Script),
    ("text/vbs", Kind::Script),
    ("application/x-vbscript", Kind::Script),
    ("application/hta", Kind::Script),
    ("application/x-powershell", Kind::Script),
    ("text/x-python", Kind::Script),
    ("application/x-python-code", Kind::Script),
    ("text/x-perl", Kind::Script),
    ("application/x-perl", Kind::Script),
    ("text/x-ruby", Kind::Script),
    ("application/x-ruby", Kind::Script),
    ("text/scriptlet", Kind::Script),
    ("application/msaccess", Kind::MacroName),
    ("application/x-msaccess", Kind::MacroName),
    ("application/vnd.ms-access", Kind::MacroName),
    ("application/x-iso9660-image", Kind::DiskImage),
    ("application/x-apple-diskimage", Kind::DiskImage),
];

/// Names of archive entries that hold other files or documents, and so need
/// a look at their bytes (they are examined before entries without an
/// extension; see [`check_zip`]).
const CONTAINER_EXTENSIONS: &[&str] = &[
    "zip", "zipx", "7z", "rar", "tar", "tgz", "gz", "bz2", "tbz", "tbz2", "xz", "txz", "zst",
    "tzst", "lz", "lz4", "lzma", "z", "cab", "arj", "lzh", "lha", "ace", "cpio", "wim", "docx",
    "dotx", "xlsx", "xltx", "xlsb", "pptx", "potx", "ppsx", "vsdx", "odt", "ods", "odp", "odg",
    "epub", "whl", "nupkg", "vsix", "xpi", "doc", "dot", "xls", "xlt", "ppt", "pps", "pot", "msg",
    "pub", "vsd",
];

/// Names under which a sender says "this is a zip": such a file is read as
/// one even when its bytes do not start like one, and held back when it
/// cannot be read.
const ZIP_EXTENSIONS: &[&str] = &[
    "zip", "zipx", "docx", "dotx", "xlsx", "xltx", "xlsb", "pptx", "potx", "ppsx", "vsdx", "odt",
    "ods", "odp", "odg", "epub", "whl", "nupkg", "vsix", "xpi",
];

/// Declared types that say "zip" (same use as [`ZIP_EXTENSIONS`]).
const ZIP_DECLARED_TYPES: &[&str] = &[
    "application/zip",
    "application/x-zip",
    "application/x-zip-compressed",
    "multipart/x-zip",
    "application/epub+zip",
];

/// Archive, package and disk-image formats `infer` knows whose contents
/// would have to be unpacked to be checked; held back unseen.
const UNINSPECTED_TYPES: &[(&str, &str)] = &[
    ("application/vnd.rar", "RAR archive"),
    ("application/x-7z-compressed", "7z archive"),
    ("application/x-tar", "tar archive"),
    // a gzip is most often a tarball, and even a single gzipped file would
    // have to be decompressed to see what it is: simplest to hold them all
    ("application/gzip", "gzip archive"),
    ("application/x-bzip2", "bzip2 archive"),
    ("application/vnd.bzip3", "bzip3 archive"),
    ("application/x-xz", "xz archive"),
    ("application/zstd", "zstd archive"),
    ("application/x-lz4", "lz4 archive"),
    ("application/x-lzip", "lzip archive"),
    ("application/x-compress", "compress (.Z) archive"),
    ("application/x-cpio", "cpio archive"),
    ("application/x-unix-archive", "ar archive"),
    ("application/vnd.ms-cab-compressed", "CAB archive"),
    ("application/vnd.debian.binary-package", "Debian package"),
    ("application/x-rpm", "RPM package"),
    ("application/x-google-chrome-extension", "Chrome extension"),
    ("application/x-qemu-disk", "QEMU disk image"),
];

/// Names of the storages and streams that hold VBA in OLE documents: Word
/// keeps its project under `Macros`, Excel under `_VBA_PROJECT_CUR`, both
/// with a `VBA` storage holding the `_VBA_PROJECT` stream.
const VBA_NAMES: &[&str] = &["_VBA_PROJECT", "_VBA_PROJECT_CUR", "VBA", "Macros"];

/// Root CLSIDs of Windows Installer files (package and merge module, patch,
/// transform): programs that run with the installer's rights.
const MSI_CLSIDS: &[&str] = &[
    "000c1084-0000-0000-c000-000000000046",
    "000c1086-0000-0000-c000-000000000046",
    "000c1082-0000-0000-c000-000000000046",
];

/// Entries of an OpenDocument `Basic/` folder that are library indexes, not
/// macro code.
const ODF_BASIC_INDEXES: &[&str] = &[
    "script-lc.xml",
    "script-lb.xml",
    "dialog-lc.xml",
    "dialog-lb.xml",
];

/// Why something is held back, kept structured until the end so that a
/// finding deep in nested archives reads as one path.
#[derive(Debug)]
enum Hold {
    /// The bytes at hand are this: "Windows executable (PE)".
    Itself { kind: Kind, what: String },
    /// Found at `path` inside an archive; `detail` says what the bytes were.
    Inside {
        kind: Kind,
        path: String,
        detail: Option<String>,
    },
    /// A property of an archive, worded the same at any depth.
    Plain(String),
}

impl Hold {
    fn itself(kind: Kind, what: impl Into<String>) -> Hold {
        Hold::Itself {
            kind,
            what: what.into(),
        }
    }

    /// The same finding seen from the archive whose entry `entry` it is in.
    fn inside(self, entry: &str) -> Hold {
        match self {
            Hold::Itself { kind, what } => Hold::Inside {
                kind,
                path: entry.to_string(),
                // "an Office document with macros" already says it all
                detail: (kind != Kind::Macros).then_some(what),
            },
            Hold::Inside { kind, path, detail } => Hold::Inside {
                kind,
                path: format!("{entry}/{path}"),
                detail,
            },
            plain @ Hold::Plain(_) => plain,
        }
    }

    fn message(self) -> String {
        match self {
            Hold::Itself { what, .. } => what,
            Hold::Inside {
                kind,
                path,
                detail: None,
            } => format!("archive holds {}: {path}", kind.noun()),
            Hold::Inside {
                kind,
                path,
                detail: Some(detail),
            } => format!("archive holds {}: {path}: {detail}", kind.noun()),
            Hold::Plain(text) => text,
        }
    }
}

/// Entries decompressed so far, across the nesting levels of one attachment.
struct Examined(usize);

fn inspect_unguarded(name: Option<&str>, declared: &str, bytes: &[u8]) -> Inspection {
    let kind = infer::get(bytes);
    let detected_type = detected_type(bytes, kind);
    let zip_hint = name.is_some_and(|name| has_extension(name, ZIP_EXTENSIONS))
        || ZIP_DECLARED_TYPES.contains(&declared)
        || declared.starts_with("application/vnd.openxmlformats-officedocument.")
        || declared.starts_with("application/vnd.oasis.opendocument.");
    let mut examined = Examined(0);
    // the bytes first: what they are is the most useful reason to read
    let held_back = check_bytes(bytes, kind, true, zip_hint, &mut examined, 0)
        .map(Hold::message)
        .or_else(|| {
            let name = name?;
            let kind = name_danger(name)?;
            Some(format!("name says {}: {}", kind.label(), shown(name)))
        })
        .or_else(|| {
            let kind = declared_danger(declared)?;
            Some(format!(
                "declared type says {}: {}",
                kind.label(),
                shown(declared)
            ))
        });
    Inspection {
        detected_type,
        held_back,
    }
}

/// `infer`'s type, or text/plain or application/octet-stream for what it
/// does not know.
fn detected_type(bytes: &[u8], kind: Option<infer::Type>) -> String {
    match kind {
        // LLVM bitcode ("BC") and COFF objects are recognised by two bytes,
        // which plenty of text starts with
        Some(kind) if matches!(kind.extension(), "bc" | "obj") && looks_like_text(bytes) => {
            "text/plain".to_string()
        }
        Some(kind) => kind.mime_type().to_string(),
        None if looks_like_text(bytes) => "text/plain".to_string(),
        None => OCTET_STREAM.to_string(),
    }
}

/// No NUL in the first [`TEXT_SAMPLE`] bytes, and those are UTF-8 or at
/// least 95% printable (Latin-1 logs count as text).
fn looks_like_text(bytes: &[u8]) -> bool {
    let sample = bytes.get(..TEXT_SAMPLE).unwrap_or(bytes);
    if sample.contains(&0) {
        return false;
    }
    match std::str::from_utf8(sample) {
        Ok(_) => return true,
        // a character cut in two by the sample's end is still UTF-8
        Err(e) if e.error_len().is_none() && sample.len() < bytes.len() => return true,
        Err(_) => {}
    }
    let printable = sample
        .iter()
        .filter(|&&b| matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x20..=0x7E | 0x80..))
        .count();
    printable.saturating_mul(100) >= sample.len().saturating_mul(95)
}

/// What `bytes` are, held back or not. `complete` is false for a prefix of
/// an archive entry (then formats needing the whole file are held);
/// `zip_hint` says the name or declared type claims a zip; `depth` counts
/// the archives around the bytes.
fn check_bytes(
    bytes: &[u8],
    kind: Option<infer::Type>,
    complete: bool,
    zip_hint: bool,
    examined: &mut Examined,
    depth: usize,
) -> Option<Hold> {
    if let Some((kind, what)) = program(bytes) {
        return Some(Hold::itself(kind, what));
    }
    if bytes.starts_with(OLE_MAGIC) {
        if !complete {
            return Some(Hold::itself(
                Kind::Unchecked,
                "OLE document larger than 64 KiB: not checked for macros",
            ));
        }
        return check_ole(bytes);
    }
    let mime = kind.map(|kind| kind.mime_type());
    let zip_magic = bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
        || bytes.starts_with(b"PK\x07\x08")
        || mime.is_some_and(is_zip_type);
    // a claimed zip is read as one unless the bytes are clearly something else
    let claimed_zip = zip_hint && mime.is_none_or(|mime| mime.starts_with("text/"));
    if zip_magic || claimed_zip {
        if !complete {
            return Some(Hold::itself(
                Kind::Unchecked,
                "archive larger than 64 KiB: contents not inspected",
            ));
        }
        if depth > MAX_DEPTH {
            return Some(Hold::Plain(format!(
                "archives nested more than {MAX_DEPTH} levels deep"
            )));
        }
        return check_zip(bytes, examined, depth);
    }
    if let Some(label) = uninspected_format(bytes, mime) {
        let kind = if label.contains("disk image") {
            Kind::DiskImage
        } else {
            Kind::Unchecked
        };
        return Some(Hold::itself(
            kind,
            format!("{label}: contents not inspected"),
        ));
    }
    None
}

/// Zip containers as `infer` names them (OOXML, OpenDocument and epub are
/// zips too).
fn is_zip_type(mime: &str) -> bool {
    mime == "application/zip"
        || mime == "application/epub+zip"
        || mime.starts_with("application/vnd.openxmlformats-officedocument.")
        || mime.starts_with("application/vnd.oasis.opendocument.")
}

/// Programs recognised by their first bytes, whatever the name. Checked here
/// rather than through `infer` alone because `infer` wants an ELF header to
/// be complete and does not know shortcuts.
fn program(bytes: &[u8]) -> Option<(Kind, &'static str)> {
    let first4 = bytes.get(..4);
    if bytes.starts_with(b"MZ") {
        // the PE header's offset is at 0x3C; without one it is a DOS
        // program, which Windows still runs
        let pe = bytes
            .get(0x3C..0x40)
            .and_then(|field| field.try_into().ok())
            .map(u32::from_le_bytes)
            .and_then(|offset| usize::try_from(offset).ok())
            .and_then(|offset| bytes.get(offset..offset.checked_add(4)?))
            .is_some_and(|signature| signature == b"PE\0\0");
        return Some(if pe {
            (Kind::Executable, "Windows executable (PE)")
        } else {
            (Kind::Executable, "DOS executable (MZ)")
        });
    }
    if bytes.starts_with(b"\x7FELF") {
        return Some((Kind::Executable, "Linux/Unix executable (ELF)"));
    }
    if matches!(
        first4,
        Some([0xFE, 0xED, 0xFA, 0xCE | 0xCF] | [0xCE | 0xCF, 0xFA, 0xED, 0xFE])
    ) {
        return Some((Kind::Executable, "macOS executable (Mach-O)"));
    }
    if bytes.starts_with(&[0xCA, 0xFE, 0xBA, 0xBF]) {
        return Some((Kind::Executable, "macOS universal executable (Mach-O fat)"));
    }
    if bytes.starts_with(&[0xCA, 0xFE, 0xBA, 0xBE]) {
        // the same magic for both: a fat binary counts its architectures
        // next (a few), a class file has its version there (45 and up)
        let next = bytes
            .get(4..8)
            .and_then(|field| field.try_into().ok())
            .map(u32::from_be_bytes);
        return Some(match next {
            Some(count) if count < 45 => {
                (Kind::Executable, "macOS universal executable (Mach-O fat)")
            }
            _ => (Kind::Executable, "Java class file"),
        });
    }
    if bytes.starts_with(b"dex\n") || bytes.starts_with(b"dey\n") {
        return Some((Kind::Executable, "Android executable (dex)"));
    }
    if bytes.starts_with(b"\0asm") {
        return Some((Kind::Executable, "WebAssembly module"));
    }
    // header size 0x4C and the shell link CLSID
    if bytes.starts_with(&[
        0x4C, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x46,
    ]) {
        return Some((Kind::Executable, "Windows shortcut (.lnk)"));
    }
    if bytes.starts_with(b"#!") {
        return Some((Kind::Script, "shell script (#!)"));
    }
    None
}

/// Archive, package and disk-image formats whose contents are not unpacked
/// here: `infer`'s, plus disk images and installer packages it does not
/// know.
fn uninspected_format(bytes: &[u8], mime: Option<&str>) -> Option<&'static str> {
    if let Some(mime) = mime
        && let Some(&(_, label)) = UNINSPECTED_TYPES.iter().find(|(known, _)| *known == mime)
    {
        return Some(label);
    }
    // ISO 9660 and UDF volume descriptors start at sector 16 (0x8000)
    let at = |offset: usize, magic: &[u8]| {
        bytes
            .get(offset..)
            .is_some_and(|rest| rest.starts_with(magic))
    };
    if at(0x8001, b"CD001") || at(0x8801, b"CD001") || at(0x9001, b"CD001") || at(0x8001, b"BEA01")
    {
        return Some("ISO disk image");
    }
    // Apple disk images and fixed VHDs end with a 512-byte trailer
    let trailer = bytes.len().checked_sub(512);
    if trailer.is_some_and(|start| at(start, b"koly")) {
        return Some("macOS disk image (dmg)");
    }
    if at(0, b"conectix") || trailer.is_some_and(|start| at(start, b"conectix")) {
        return Some("VHD disk image");
    }
    if at(0, b"vhdxfile") {
        return Some("VHDX disk image");
    }
    if at(0, b"xar!") {
        return Some("xar archive (macOS installer package)");
    }
    None
}

/// A legacy Office document, Windows installer or other OLE compound file.
/// `cfb` lists its entries (its directory is walked, no stream is read):
/// proper parsing rather than a scan for UTF-16 names, because a name only
/// counts where the directory puts it.
fn check_ole(bytes: &[u8]) -> Option<Hold> {
    let file = match cfb::CompoundFile::open(Cursor::new(bytes)) {
        Ok(file) => file,
        Err(e) => {
            return Some(Hold::itself(
                Kind::Unchecked,
                format!("unreadable OLE document: {}", shown(&e.to_string())),
            ));
        }
    };
    let clsid = file.root_entry().clsid().to_string();
    if MSI_CLSIDS.iter().any(|msi| clsid.eq_ignore_ascii_case(msi)) {
        return Some(Hold::itself(Kind::Executable, "Windows installer (MSI)"));
    }
    for (seen, entry) in file.walk().enumerate() {
        if seen >= MAX_ENTRIES {
            return Some(Hold::itself(
                Kind::Unchecked,
                format!("OLE document with more than {MAX_ENTRIES} entries"),
            ));
        }
        let name = entry.name();
        if VBA_NAMES.iter().any(|vba| name.eq_ignore_ascii_case(vba)) {
            return Some(Hold::itself(
                Kind::Macros,
                format!("Office document with macros ({})", shown(name)),
            ));
        }
        // Packager objects carry any file (most often a script or a program)
        // that runs when its icon in the document is double-clicked
        if entry.is_stream() && name == "\u{1}Ole10Native" {
            return Some(Hold::itself(
                Kind::Executable,
                "document with an embedded file package (Ole10Native)",
            ));
        }
        // Outlook .msg: each attachment is a storage of its own
        if entry.is_storage() && name.starts_with("__attach_version1.0_") {
            return Some(Hold::itself(
                Kind::Unchecked,
                "Outlook message with attachments: attachments not inspected",
            ));
        }
    }
    None
}

/// A zip: its central directory, and a bounded prefix of the few entries
/// whose bytes need a look.
fn check_zip(bytes: &[u8], examined: &mut Examined, depth: usize) -> Option<Hold> {
    // `new` reads the central directory only; no entry is decompressed
    let mut archive = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(e) => {
            return Some(Hold::itself(
                Kind::Unchecked,
                format!("unreadable archive: {}", shown(&e.to_string())),
            ));
        }
    };
    if archive.len() > MAX_ENTRIES {
        return Some(Hold::itself(
            Kind::Unchecked,
            format!("archive with more than {MAX_ENTRIES} entries"),
        ));
    }
    // entries whose bytes need a look: (index, name, holds other files)
    let mut to_examine: Vec<(usize, String, bool)> = Vec::new();
    let mut content_types = None;
    let mut odf_manifest = false;
    let mut odf_basic_module = None;
    for index in 0..archive.len() {
        // metadata only, from the central directory
        let Ok(entry) = archive.by_index_data(index) else {
            return Some(Hold::itself(
                Kind::Unchecked,
                "unreadable archive: an entry is missing",
            ));
        };
        let name = match entry.name() {
            Ok(name) => name.into_owned(),
            Err(_) => String::from_utf8_lossy(entry.name_raw()).into_owned(),
        };
        // what cannot be decrypted cannot be checked
        if entry.encrypted() {
            return Some(Hold::Plain("archive holds encrypted entries".to_string()));
        }
        if let Some(kind) = entry_name_danger(&name) {
            return Some(Hold::Inside {
                kind,
                path: shown(&name),
                detail: None,
            });
        }
        let file_name = final_component(&name);
        if file_name.eq_ignore_ascii_case("vbaProject.bin") {
            return Some(Hold::itself(
                Kind::Macros,
                "Office document with macros (vbaProject.bin)",
            ));
        }
        if name.to_ascii_lowercase().contains("macrosheets/") {
            return Some(Hold::itself(
                Kind::Macros,
                "Office document with macros (Excel 4.0 macro sheet)",
            ));
        }
        if content_types.is_none() && name.eq_ignore_ascii_case("[Content_Types].xml") {
            content_types = Some(index);
        }
        if name == "META-INF/manifest.xml" {
            odf_manifest = true;
        }
        if odf_basic_module.is_none()
            && name.starts_with("Basic/")
            && name.ends_with(".xml")
            && !ODF_BASIC_INDEXES.contains(&file_name)
        {
            odf_basic_module = Some(name.clone());
        }
        if entry.is_dir() {
            continue;
        }
        if let Some(container) = needs_a_look(&name) {
            to_examine.push((index, name, container));
        }
    }
    if let Some(index) = content_types {
        match read_prefix(&mut archive, index) {
            Ok((types, _)) if contains_ignore_ascii_case(&types, b"macroenabled") => {
                return Some(Hold::itself(
                    Kind::Macros,
                    "Office document with macros (macroEnabled content type)",
                ));
            }
            Ok(_) => {}
            Err(e) => {
                return Some(Hold::itself(
                    Kind::Unchecked,
                    format!("unreadable archive: [Content_Types].xml: {e}"),
                ));
            }
        }
    }
    if odf_manifest && let Some(module) = odf_basic_module {
        return Some(Hold::itself(
            Kind::Macros,
            format!("OpenDocument with macros ({})", shown(&module)),
        ));
    }
    // nested archives and documents first: when the budget runs out they are
    // held, files without an extension are not (see needs_a_look)
    to_examine.sort_by_key(|&(_, _, container)| !container);
    for (index, name, container) in to_examine {
        if examined.0 >= MAX_EXAMINED {
            if container {
                return Some(Hold::Plain(format!(
                    "archive holds more than {MAX_EXAMINED} nested archives or documents"
                )));
            }
            continue;
        }
        examined.0 += 1;
        let (prefix, complete) = match read_prefix(&mut archive, index) {
            Ok(read) => read,
            Err(e) => {
                return Some(Hold::Inside {
                    kind: Kind::Unchecked,
                    path: shown(&name),
                    detail: Some(format!("unreadable: {e}")),
                });
            }
        };
        let kind = infer::get(&prefix);
        let zip_hint = has_extension(&name, ZIP_EXTENSIONS);
        if let Some(hold) = check_bytes(&prefix, kind, complete, zip_hint, examined, depth + 1) {
            return Some(hold.inside(&shown(&name)));
        }
    }
    None
}

/// Whether an entry's bytes need a look, and if so whether it holds other
/// files (`true`: nested archives and documents, and OLE objects embedded in
/// OOXML, which is how packaged programs travel in them) or is a file without
/// an extension (`false`: how Unix programs are named; a name with any other
/// extension opens with the program for it, so its bytes matter less).
fn needs_a_look(name: &str) -> Option<bool> {
    let file_name = final_component(name);
    let lower = name.to_ascii_lowercase();
    if has_extension(file_name, CONTAINER_EXTENSIONS)
        || (lower.contains("embeddings/") && lower.ends_with(".bin"))
    {
        return Some(true);
    }
    if !file_name.trim_start_matches('.').contains('.') {
        return Some(false);
    }
    None
}

/// At most [`PREFIX_LIMIT`] bytes of entry `index`, decompressed, and
/// whether that is the whole entry.
fn read_prefix(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    index: usize,
) -> Result<(Vec<u8>, bool), String> {
    let entry = archive.by_index(index).map_err(|e| shown(&e.to_string()))?;
    let mut data = Vec::new();
    // one byte more than kept, to know whether the entry ends within the limit
    let limit = u64::try_from(PREFIX_LIMIT)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    entry
        .take(limit)
        .read_to_end(&mut data)
        .map_err(|e| shown(&e.to_string()))?;
    let complete = data.len() <= PREFIX_LIMIT;
    data.truncate(PREFIX_LIMIT);
    Ok((data, complete))
}

fn contains_ignore_ascii_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle))
}

/// The last component of a path, whichever separator the sender used.
fn final_component(name: &str) -> &str {
    let name = name.trim_end_matches(['/', '\\']);
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

/// What a file name's final extension makes it, if dangerous.
fn name_danger(name: &str) -> Option<Kind> {
    let file_name = final_component(name);
    // Windows' file APIs end a name at a NUL, so "a.exe\0.txt" is a.exe
    extension_danger(file_name).or_else(|| {
        file_name
            .split_once('\0')
            .and_then(|(before, _)| extension_danger(before))
    })
}

/// [`name_danger`] for an archive entry, which also counts as a program
/// when it lies inside a macOS application bundle (`Foo.app/Contents/...`).
fn entry_name_danger(name: &str) -> Option<Kind> {
    let mut components = name.split(['/', '\\']).filter(|c| !c.is_empty());
    let last = components.next_back()?;
    if components.any(|folder| extension_of(folder).is_some_and(|e| e.eq_ignore_ascii_case("app")))
    {
        return Some(Kind::Executable);
    }
    name_danger(last)
}

fn extension_danger(file_name: &str) -> Option<Kind> {
    let extension = extension_of(file_name)?;
    DANGEROUS_EXTENSIONS
        .iter()
        .find(|(known, _)| extension.eq_ignore_ascii_case(known))
        .map(|&(_, kind)| kind)
}

/// The extension as Windows sees it: trailing dots and spaces are dropped
/// when a file is opened, so "run.exe. " is run.exe.
fn extension_of(file_name: &str) -> Option<&str> {
    let trimmed = file_name.trim_end_matches(['.', ' ']);
    let (stem, extension) = trimmed.rsplit_once('.')?;
    (!stem.is_empty() || !extension.is_empty()).then_some(extension)
}

fn has_extension(name: &str, list: &[&str]) -> bool {
    extension_of(final_component(name))
        .is_some_and(|extension| list.iter().any(|e| extension.eq_ignore_ascii_case(e)))
}

fn declared_danger(declared: &str) -> Option<Kind> {
    if declared.contains("macroenabled") {
        return Some(Kind::MacroName);
    }
    DANGEROUS_DECLARED_TYPES
        .iter()
        .find(|(known, _)| *known == declared)
        .map(|&(_, kind)| kind)
}

/// Sender-chosen text made fit for a one-line reason: control characters
/// and bidirectional overrides (which make "gpj.exe" read as "exe.jpg")
/// become '?', and it is cut at [`MAX_SHOWN_CHARS`].
fn shown(text: &str) -> String {
    let mut out = String::new();
    for (count, c) in text.chars().enumerate() {
        if count >= MAX_SHOWN_CHARS {
            out.push('…');
            break;
        }
        let bidi = matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        out.push(if c.is_control() || bidi { '?' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::CompressionMethod;
    use zip::write::SimpleFileOptions;

    fn held(inspection: &Inspection) -> &str {
        inspection
            .held_back
            .as_deref()
            .unwrap_or_else(|| panic!("expected held back: {inspection:?}"))
    }

    fn pe() -> Vec<u8> {
        let mut bytes = vec![0u8; 0x80];
        bytes[..2].copy_from_slice(b"MZ");
        bytes[0x3C..0x40].copy_from_slice(&0x40u32.to_le_bytes());
        bytes[0x40..0x44].copy_from_slice(b"PE\0\0");
        // machine: x86-64
        bytes[0x44..0x46].copy_from_slice(&0x8664u16.to_le_bytes());
        bytes
    }

    fn elf() -> Vec<u8> {
        let mut bytes = vec![0u8; 64];
        bytes[..7].copy_from_slice(b"\x7FELF\x02\x01\x01");
        // e_type: executable, e_machine: x86-64
        bytes[16..18].copy_from_slice(&2u16.to_le_bytes());
        bytes[18..20].copy_from_slice(&0x3Eu16.to_le_bytes());
        bytes
    }

    fn png() -> Vec<u8> {
        let mut bytes = b"\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR".to_vec();
        bytes.extend_from_slice(&[
            0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE,
        ]);
        bytes
    }

    const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
    const LOG: &[u8] = b"2026-01-04 10:00:01 INFO sshd[311]: Accepted publickey for deploy\n2026-01-04 10:00:02 WARN sshd[311]: \xc3\xa9chec\n";

    fn zip_with(method: CompressionMethod, entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(method);
        for (name, data) in entries {
            writer.start_file(*name, options).unwrap();
            writer.write_all(data).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        zip_with(CompressionMethod::Deflated, entries)
    }

    /// A stored zip with bit 0 (encrypted) of the general-purpose flags set
    /// in both headers, as ZipCrypto writes them (the data is not really
    /// encrypted: only the flag is looked at).
    fn encrypted_zip() -> Vec<u8> {
        let mut bytes = zip_with(
            CompressionMethod::Stored,
            &[
                ("readme.txt", b"harmless"),
                ("secret.txt", b"encrypted, honest"),
            ],
        );
        let mut flagged = 0;
        for at in 0..bytes.len().saturating_sub(4) {
            let flags = match &bytes[at..at + 4] {
                b"PK\x03\x04" => at + 6,
                b"PK\x01\x02" => at + 8,
                _ => continue,
            };
            // the second entry's headers only
            let name_at = if bytes[at + 2] == 3 { at + 30 } else { at + 46 };
            if bytes[name_at..].starts_with(b"secret.txt") {
                bytes[flags] |= 1;
                flagged += 1;
            }
        }
        assert_eq!(flagged, 2);
        bytes
    }

    fn docx_with_macros() -> Vec<u8> {
        zip_of(&[
            ("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#),
            ("_rels/.rels", b"<Relationships/>"),
            ("word/document.xml", b"<w:document/>"),
            ("word/vbaProject.bin", b"\xD0\xCF\x11\xE0 not really"),
        ])
    }

    fn nested_zip_with_elf() -> Vec<u8> {
        let inner = zip_of(&[("notes.txt", b"see poc"), ("poc", &elf())]);
        zip_of(&[("README.md", b"# report"), ("inner.zip", &inner)])
    }

    /// An OLE file made by `cfb`, its root CLSID set to `clsid` (as stored:
    /// first three fields little-endian).
    fn ole(clsid: [u8; 16], streams: &[&str]) -> Vec<u8> {
        let mut file =
            cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new()))
                .unwrap();
        for path in streams {
            let mut parent = String::new();
            let components: Vec<&str> = path.split('/').filter(|c| !c.is_empty()).collect();
            for storage in &components[..components.len() - 1] {
                parent.push('/');
                parent.push_str(storage);
                if !file.exists(&parent) {
                    file.create_storage(&parent).unwrap();
                }
            }
            let mut stream = file.create_stream(path).unwrap();
            stream.write_all(b"stream contents").unwrap();
        }
        file.flush().unwrap();
        let mut bytes = file.into_inner().into_inner();
        let sector_len = 1usize << u16::from_le_bytes([bytes[0x1E], bytes[0x1F]]);
        let first_dir = u32::from_le_bytes(bytes[0x30..0x34].try_into().unwrap()) as usize;
        let root = (first_dir + 1) * sector_len;
        bytes[root + 0x50..root + 0x60].copy_from_slice(&clsid);
        bytes
    }

    /// {00020906-0000-0000-C000-000000000046}, Word.Document.8
    const WORD_CLSID: [u8; 16] = [
        0x06, 0x09, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x46,
    ];
    /// {000C1084-0000-0000-C000-000000000046}, an MSI package
    const MSI_CLSID: [u8; 16] = [
        0x84, 0x10, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x46,
    ];

    #[test]
    fn pe_is_held() {
        let inspection = inspect(Some("update.bin"), "application/octet-stream", &pe());
        assert_eq!(
            inspection.detected_type,
            "application/vnd.microsoft.portable-executable"
        );
        assert_eq!(held(&inspection), "Windows executable (PE)");
        let dos = inspect(None, "", b"MZ\x90\0");
        assert_eq!(held(&dos), "DOS executable (MZ)");
    }

    #[test]
    fn elf_is_held() {
        let inspection = inspect(Some("poc"), "application/octet-stream", &elf());
        assert_eq!(inspection.detected_type, "application/x-executable");
        assert_eq!(held(&inspection), "Linux/Unix executable (ELF)");
        // shorter than infer wants, still a program
        assert_eq!(
            held(&inspect(None, "", b"\x7FELF\x02")),
            "Linux/Unix executable (ELF)"
        );
    }

    #[test]
    fn other_program_formats_are_held() {
        let cases: &[(&[u8], &str)] = &[
            (
                &[0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1],
                "macOS executable (Mach-O)",
            ),
            (
                &[0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 2],
                "macOS universal executable (Mach-O fat)",
            ),
            (&[0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 61], "Java class file"),
            (b"\0asm\x01\0\0\0", "WebAssembly module"),
            (b"dex\n035\0", "Android executable (dex)"),
        ];
        for (bytes, reason) in cases {
            assert_eq!(held(&inspect(None, "", bytes)), *reason);
        }
        let mut lnk = vec![
            0x4C, 0, 0, 0, 1, 0x14, 2, 0, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0x46,
        ];
        lnk.resize(0x4C, 0);
        assert_eq!(
            held(&inspect(Some("a.txt"), "", &lnk)),
            "Windows shortcut (.lnk)"
        );
    }

    #[test]
    fn shebang_script_is_held() {
        let inspection = inspect(Some("notes.txt"), "text/plain", b"#!/bin/sh\ncurl x | sh\n");
        assert_eq!(inspection.detected_type, "text/x-shellscript");
        assert_eq!(held(&inspection), "shell script (#!)");
    }

    #[test]
    fn pdf_is_allowed() {
        let inspection = inspect(Some("report.pdf"), "application/pdf", PDF);
        assert_eq!(inspection.detected_type, "application/pdf");
        assert_eq!(inspection.held_back, None);
    }

    #[test]
    fn png_is_allowed() {
        let inspection = inspect(Some("screenshot.png"), "image/png", &png());
        assert_eq!(inspection.detected_type, "image/png");
        assert_eq!(inspection.held_back, None);
    }

    #[test]
    fn plain_text_log_is_allowed() {
        let inspection = inspect(Some("auth.log"), "text/plain", LOG);
        assert_eq!(inspection.detected_type, "text/plain");
        assert_eq!(inspection.held_back, None);
        // Latin-1 is mostly printable: still text
        let latin1 = inspect(
            None,
            "",
            b"caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9 of the attack log",
        );
        assert_eq!(latin1.detected_type, "text/plain");
        // text that starts like LLVM bitcode ("BC") is text
        let bc = inspect(
            Some("bc.txt"),
            "text/plain",
            b"BC ticket 4711 was reopened\n",
        );
        assert_eq!(bc.detected_type, "text/plain");
        assert_eq!(bc.held_back, None);
        let binary = inspect(None, "", &[0x01, 0x00, 0xFF, 0x10, 0x00, 0x00, 0x9C]);
        assert_eq!(binary.detected_type, "application/octet-stream");
        assert_eq!(binary.held_back, None);
    }

    #[test]
    fn empty_bytes_are_allowed() {
        let inspection = inspect(None, "", b"");
        assert_eq!(inspection.detected_type, "text/plain");
        assert_eq!(inspection.held_back, None);
        let named = inspect(Some(""), "application/octet-stream", b"");
        assert_eq!(named.held_back, None);
    }

    #[test]
    fn zip_with_text_is_allowed() {
        let bytes = zip_of(&[
            ("notes.txt", b"hello"),
            ("logs/app.log", LOG),
            ("shot.png", &png()),
        ]);
        let inspection = inspect(Some("evidence.zip"), "application/zip", &bytes);
        assert_eq!(inspection.detected_type, "application/zip");
        assert_eq!(inspection.held_back, None);
    }

    #[test]
    fn zip_with_exe_name_is_held() {
        let bytes = zip_of(&[
            ("README.txt", b"run it"),
            ("tools/run.exe", b"not even a PE"),
        ]);
        let inspection = inspect(Some("tools.zip"), "application/zip", &bytes);
        assert_eq!(inspection.detected_type, "application/zip");
        assert_eq!(
            held(&inspection),
            "archive holds an executable: tools/run.exe"
        );
        let script = zip_of(&[("exploit/Run.PS1", b"Write-Host hi")]);
        assert_eq!(
            held(&inspect(None, "", &script)),
            "archive holds a script: exploit/Run.PS1"
        );
        let bundle = zip_of(&[("Viewer.app/Contents/MacOS/Viewer", b"stub")]);
        assert_eq!(
            held(&inspect(None, "", &bundle)),
            "archive holds an executable: Viewer.app/Contents/MacOS/Viewer"
        );
    }

    #[test]
    fn zip_with_renamed_program_without_extension_is_held() {
        let bytes = zip_of(&[("bin/exploit", &elf())]);
        assert_eq!(
            held(&inspect(None, "", &bytes)),
            "archive holds an executable: bin/exploit: Linux/Unix executable (ELF)"
        );
    }

    #[test]
    fn zip_with_encrypted_entry_is_held() {
        let bytes = encrypted_zip();
        let inspection = inspect(Some("secret.zip"), "application/zip", &bytes);
        assert_eq!(inspection.detected_type, "application/zip");
        assert_eq!(held(&inspection), "archive holds encrypted entries");
    }

    #[test]
    fn docx_with_vba_project_is_held() {
        let inspection = inspect(
            Some("invoice.docx"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            &docx_with_macros(),
        );
        assert_eq!(
            held(&inspection),
            "Office document with macros (vbaProject.bin)"
        );
    }

    #[test]
    fn docx_with_macro_enabled_content_type_is_held() {
        let bytes = zip_of(&[
            ("[Content_Types].xml", br#"<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>"#),
            ("word/document.xml", b"<w:document/>"),
        ]);
        assert_eq!(
            held(&inspect(Some("a.docx"), "", &bytes)),
            "Office document with macros (macroEnabled content type)"
        );
        let plain = zip_of(&[
            ("[Content_Types].xml", br#"<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#),
            ("word/document.xml", b"<w:document/>"),
        ]);
        assert_eq!(inspect(Some("a.docx"), "", &plain).held_back, None);
        let macro_sheet = zip_of(&[("xl/macrosheets/sheet1.xml", b"<xm:macrosheet/>")]);
        assert_eq!(
            held(&inspect(Some("a.xlsx"), "", &macro_sheet)),
            "Office document with macros (Excel 4.0 macro sheet)"
        );
    }

    #[test]
    fn opendocument_with_basic_module_is_held() {
        let bytes = zip_of(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("META-INF/manifest.xml", b"<manifest:manifest/>"),
            ("Basic/script-lc.xml", b"<library:libraries/>"),
            ("Basic/Standard/script-lb.xml", b"<library:library/>"),
            (
                "Basic/Standard/Module1.xml",
                b"<script:module>Shell(\"calc\")</script:module>",
            ),
        ]);
        assert_eq!(
            held(&inspect(Some("a.odt"), "", &bytes)),
            "OpenDocument with macros (Basic/Standard/Module1.xml)"
        );
    }

    #[test]
    fn nested_zip_with_elf_is_held() {
        let inspection = inspect(
            Some("evidence.zip"),
            "application/zip",
            &nested_zip_with_elf(),
        );
        assert_eq!(
            held(&inspection),
            "archive holds an executable: inner.zip/poc: Linux/Unix executable (ELF)"
        );
        let nested_macros = zip_of(&[("docs/report.docx", &docx_with_macros())]);
        assert_eq!(
            held(&inspect(None, "", &nested_macros)),
            "archive holds an Office document with macros: docs/report.docx"
        );
        let nested_name = zip_of(&[("inner.zip", &zip_of(&[("run.exe", b"x")]))]);
        assert_eq!(
            held(&inspect(None, "", &nested_name)),
            "archive holds an executable: inner.zip/run.exe"
        );
    }

    #[test]
    fn nesting_depth_is_bounded() {
        let level3 = zip_of(&[("a.txt", b"deep")]);
        let level2 = zip_of(&[("l3.zip", &level3)]);
        let level1 = zip_of(&[("l2.zip", &level2)]);
        assert_eq!(inspect(None, "", &level1).held_back, None);
        let top = zip_of(&[("l1.zip", &level1)]);
        assert_eq!(
            held(&inspect(None, "", &top)),
            "archives nested more than 2 levels deep"
        );
    }

    #[test]
    fn too_many_nested_archives_are_held() {
        let inner = zip_of(&[("a.txt", b"fine")]);
        let names: Vec<String> = (0..=MAX_EXAMINED).map(|i| format!("part{i}.zip")).collect();
        let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &inner[..])).collect();
        assert_eq!(
            held(&inspect(None, "", &zip_of(&entries[..MAX_EXAMINED + 1]))),
            "archive holds more than 8 nested archives or documents"
        );
        assert_eq!(
            inspect(None, "", &zip_of(&entries[..MAX_EXAMINED])).held_back,
            None
        );
    }

    #[test]
    fn large_nested_archive_is_held() {
        // stored, so the outer zip is small to build but the inner one is big
        let big: Vec<u8> = (0..PREFIX_LIMIT * 2).map(|i| (i % 251) as u8).collect();
        let inner = zip_with(CompressionMethod::Stored, &[("data.bin", &big)]);
        let outer = zip_of(&[("inner.zip", &inner)]);
        assert_eq!(
            held(&inspect(None, "", &outer)),
            "archive holds content that could not be checked: inner.zip: archive larger than 64 KiB: contents not inspected"
        );
    }

    #[test]
    fn zip_with_too_many_entries_is_held() {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        for i in 0..=MAX_ENTRIES {
            writer.start_file(format!("f{i}.txt"), options).unwrap();
        }
        let bytes = writer.finish().unwrap().into_inner();
        assert_eq!(
            held(&inspect(None, "application/zip", &bytes)),
            "archive with more than 10000 entries"
        );
    }

    #[test]
    fn ole_with_vba_project_is_held() {
        let bytes = ole(
            WORD_CLSID,
            &[
                "/WordDocument",
                "/Macros/VBA/_VBA_PROJECT",
                "/Macros/VBA/dir",
            ],
        );
        let inspection = inspect(Some("invoice.doc"), "application/msword", &bytes);
        assert_eq!(inspection.detected_type, "application/msword");
        assert_eq!(held(&inspection), "Office document with macros (Macros)");
        let excel = ole(
            [0; 16],
            &["/Workbook", "/_VBA_PROJECT_CUR/VBA/_VBA_PROJECT"],
        );
        assert_eq!(
            held(&inspect(None, "", &excel)),
            "Office document with macros (_VBA_PROJECT_CUR)"
        );
    }

    #[test]
    fn ole_without_vba_is_allowed() {
        let bytes = ole(
            WORD_CLSID,
            &["/WordDocument", "/1Table", "/\u{5}SummaryInformation"],
        );
        let inspection = inspect(Some("report.doc"), "application/msword", &bytes);
        assert_eq!(inspection.detected_type, "application/msword");
        assert_eq!(inspection.held_back, None);
    }

    #[test]
    fn ole_installers_packages_and_messages_are_held() {
        let msi = ole(MSI_CLSID, &["/SummaryInformation"]);
        assert_eq!(
            held(&inspect(Some("setup.dat"), "", &msi)),
            "Windows installer (MSI)"
        );
        let package = ole(
            WORD_CLSID,
            &["/WordDocument", "/ObjectPool/_1/\u{1}Ole10Native"],
        );
        assert_eq!(
            held(&inspect(None, "", &package)),
            "document with an embedded file package (Ole10Native)"
        );
        let msg = ole(
            [0; 16],
            &[
                "/__substg1.0_0037001F",
                "/__attach_version1.0_#00000000/__substg1.0_3701000D",
            ],
        );
        assert_eq!(
            held(&inspect(Some("phish.msg"), "", &msg)),
            "Outlook message with attachments: attachments not inspected"
        );
        let corrupt = inspect(None, "", &[OLE_MAGIC, &[0u8; 600][..]].concat());
        assert!(
            held(&corrupt).starts_with("unreadable OLE document: "),
            "{corrupt:?}"
        );
    }

    #[test]
    fn double_extension_name_is_held_with_type_from_bytes() {
        let inspection = inspect(Some("invoice.pdf.exe"), "application/pdf", PDF);
        assert_eq!(inspection.detected_type, "application/pdf");
        assert_eq!(held(&inspection), "name says executable: invoice.pdf.exe");
        for name in [
            "run.EXE",
            "run.exe.",
            "run.exe  ",
            "C:\\temp\\run.exe",
            "a.exe\0.txt",
        ] {
            assert!(inspect(Some(name), "", LOG).held_back.is_some(), "{name:?}");
        }
        assert_eq!(
            held(&inspect(Some("deploy.ps1"), "text/plain", b"Get-Process\n")),
            "name says script: deploy.ps1"
        );
        assert_eq!(
            held(&inspect(Some("budget.xlsm"), "", b"")),
            "name says macro-enabled Office document: budget.xlsm"
        );
        // the reason stays one line and shows the real order of the name
        let sneaky = inspect(Some("in\nvoice\u{202E}fdp.exe"), "", PDF);
        assert_eq!(held(&sneaky), "name says executable: in?voice?fdp.exe");
        for harmless in [
            "report.pdf",
            "exe",
            "notes.exe.txt",
            "example.com.png",
            ".bashrc",
        ] {
            assert_eq!(
                inspect(Some(harmless), "", PDF).held_back,
                None,
                "{harmless:?}"
            );
        }
    }

    #[test]
    fn declared_program_type_is_held() {
        assert_eq!(
            held(&inspect(None, "application/x-msdownload", LOG)),
            "declared type says executable: application/x-msdownload"
        );
        assert_eq!(
            held(&inspect(None, " Application/X-SH ", LOG)),
            "declared type says script: application/x-sh"
        );
        assert_eq!(
            held(&inspect(
                None,
                "application/vnd.ms-excel.sheet.macroenabled.12",
                LOG
            )),
            "declared type says macro-enabled Office document: application/vnd.ms-excel.sheet.macroenabled.12"
        );
    }

    #[test]
    fn corrupt_zip_is_held_as_unreadable() {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend((0..300u32).map(|i| (i * 7 % 256) as u8));
        let inspection = inspect(Some("poc.zip"), "application/zip", &bytes);
        assert_eq!(inspection.detected_type, "application/zip");
        assert!(
            held(&inspection).starts_with("unreadable archive: "),
            "{inspection:?}"
        );
        // named or declared a zip but not one: cannot be checked either
        let claimed = inspect(Some("poc.zip"), "", LOG);
        assert!(
            held(&claimed).starts_with("unreadable archive: "),
            "{claimed:?}"
        );
        let declared = inspect(None, "application/x-zip-compressed", LOG);
        assert!(
            held(&declared).starts_with("unreadable archive: "),
            "{declared:?}"
        );
        // the bytes say PDF: the name does not make it a zip
        assert_eq!(inspect(Some("poc.zip"), "", PDF).held_back, None);
    }

    #[test]
    fn uninspectable_archives_are_held() {
        let cases: &[(&[u8], &str)] = &[
            (
                b"7z\xBC\xAF\x27\x1C\0\x04",
                "7z archive: contents not inspected",
            ),
            (b"Rar!\x1A\x07\x01\0", "RAR archive: contents not inspected"),
            (
                b"Rar!\x1A\x07\x00\xCF",
                "RAR archive: contents not inspected",
            ),
            (
                b"\x1F\x8B\x08\0\0\0\0\0",
                "gzip archive: contents not inspected",
            ),
            (b"MSCF\0\0\0\0", "CAB archive: contents not inspected"),
        ];
        for (bytes, reason) in cases {
            assert_eq!(held(&inspect(Some("x.bin"), "", bytes)), *reason);
        }
        let mut iso = vec![0u8; 0x8010];
        iso[0x8001..0x8006].copy_from_slice(b"CD001");
        assert_eq!(
            held(&inspect(None, "", &iso)),
            "ISO disk image: contents not inspected"
        );
        let nested = zip_of(&[("tools.7z", b"7z\xBC\xAF\x27\x1C\0\x04")]);
        assert_eq!(
            held(&inspect(None, "", &nested)),
            "archive holds content that could not be checked: tools.7z: 7z archive: contents not inspected"
        );
    }

    /// Every test archive cut at every length and with every byte flipped:
    /// the parsers must refuse, never panic (run without the catch_unwind
    /// guard, so a panic fails here).
    #[test]
    fn truncated_and_damaged_archives_never_panic() {
        let inputs = [
            zip_of(&[("notes.txt", b"hello"), ("shot.png", &png())]),
            zip_of(&[("tools/run.exe", b"x")]),
            encrypted_zip(),
            docx_with_macros(),
            nested_zip_with_elf(),
            ole(WORD_CLSID, &["/WordDocument", "/Macros/VBA/_VBA_PROJECT"]),
        ];
        for input in &inputs {
            for len in 0..=input.len() {
                let cut = inspect_unguarded(Some("x.zip"), "application/zip", &input[..len]);
                if len < input.len() && input.starts_with(b"PK") {
                    // a zip cut short is never waved through
                    assert!(cut.held_back.is_some(), "prefix {len} allowed");
                }
            }
            let mut damaged = input.clone();
            for at in 0..damaged.len() {
                for mask in [0xFF, 0x01, 0x80] {
                    damaged[at] ^= mask;
                    let _ = inspect_unguarded(None, "", &damaged);
                    damaged[at] ^= mask;
                }
            }
        }
    }
}
