//! The layers written in `src/lib.rs` (`## Layers`) hold in the code: no
//! module imports from a layer above its own, no two top-level modules
//! import each other (even through others), and the files of one module do
//! not import each other in a circle.
//!
//! Read from the source text, not the compiler: every `crate::name` path
//! outside comments and test code (a file's `#[cfg(test)]` part, `tests.rs`,
//! `test_support.rs`) is an import of `name`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// `(layer, modules)` from the `## Layers` block of `src/lib.rs`.
fn written_layers() -> BTreeMap<String, u32> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).expect("src/lib.rs");
    let mut in_block = false;
    let mut seen_heading = false;
    let mut layers = BTreeMap::new();
    for line in lib.lines().filter_map(|l| l.strip_prefix("//!")) {
        let line = line.trim();
        if line == "## Layers" {
            seen_heading = true;
        } else if seen_heading && line.starts_with("```") {
            if in_block {
                break;
            }
            in_block = true;
        } else if in_block {
            let mut words = line.split_whitespace();
            let layer: u32 = words
                .next()
                .and_then(|w| w.parse().ok())
                .unwrap_or_else(|| panic!("a layer line starts with its number: {line:?}"));
            let name = words.next().unwrap_or_default();
            // the modules follow the name and run until the description,
            // set off by three spaces or more
            let after_name = &line[line.find(name).map_or(0, |at| at + name.len())..];
            let modules = after_name
                .trim_start()
                .split("   ")
                .next()
                .unwrap_or_else(|| panic!("no modules on {line:?}"));
            for module in modules.split_whitespace() {
                assert!(
                    layers.insert(module.to_owned(), layer).is_none(),
                    "{module} is on two layers"
                );
            }
        }
    }
    assert!(!layers.is_empty(), "src/lib.rs has no `## Layers` block");
    layers
}

/// The top-level modules `src/lib.rs` declares.
fn declared_modules() -> BTreeSet<String> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).expect("src/lib.rs");
    let declaration = Regex::new(r"(?m)^pub mod ([a-z_]+);").unwrap();
    declaration
        .captures_iter(&lib)
        .map(|c| c[1].to_owned())
        .collect()
}

/// Every `.rs` file under `dir`, or the one file `path.rs`.
fn files_of(path: &Path) -> Vec<PathBuf> {
    let file = path.with_extension("rs");
    if file.is_file() {
        return vec![file];
    }
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The production code of a file, line by line: comments cut, and nothing
/// from its `#[cfg(test)]` part on; test-only files give nothing.
fn code_lines(file: &Path) -> Vec<(usize, String)> {
    let name = file.file_name().unwrap().to_string_lossy();
    if name == "tests.rs" || name == "test_support.rs" {
        return Vec::new();
    }
    let text = std::fs::read_to_string(file).unwrap();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let code = match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        };
        out.push((i + 1, code.to_owned()));
    }
    out
}

/// The first segments of the paths `text` imports from `root` (`crate` or
/// `super`): `root::a::b` gives `a`, `root::{a, b::{c, d}}` gives `a`, `b`.
fn imported(text: &str, root: &str) -> Vec<String> {
    let mut out = Vec::new();
    let marker = format!("{root}::");
    let mut from = 0;
    while let Some(found) = text[from..].find(&marker) {
        let at = from + found;
        let before = text[..at].chars().last();
        from = at + marker.len();
        let rest = &text[from..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue; // `super::super::x`, `my_crate::x`
        }
        if let Some(group) = rest.strip_prefix('{') {
            // the names at the group's top level
            let mut depth = 0;
            let mut name = String::new();
            let mut expecting = true;
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => expecting = true,
                    c if depth == 0 && expecting && (c.is_alphanumeric() || c == '_') => {
                        name.push(c)
                    }
                    _ => {
                        if !name.is_empty() {
                            out.push(std::mem::take(&mut name));
                            expecting = false;
                        }
                    }
                }
            }
            if !name.is_empty() {
                out.push(name);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            // `super::super::x` is the grandparent's, not a sibling
            if !name.is_empty() && name != "super" {
                out.push(name);
            }
        }
    }
    out
}

/// `(importing module, imported module) -> where`, for top-level modules.
fn module_imports(modules: &BTreeSet<String>) -> BTreeMap<(String, String), String> {
    let mut edges = BTreeMap::new();
    for module in modules {
        for file in files_of(&src().join(module)) {
            // a group may span lines: read the file's code as one text,
            // keeping the first line of each import for the message
            let lines = code_lines(&file);
            let text: String = lines.iter().map(|(_, l)| format!("{l}\n")).collect();
            for name in imported(&text, "crate") {
                if &name != module && modules.contains(&name) {
                    let line = lines
                        .iter()
                        .find(|(_, l)| l.contains(&format!("crate::{name}")))
                        .map_or(0, |(n, _)| *n);
                    edges
                        .entry((module.clone(), name.clone()))
                        .or_insert_with(|| format!("{}:{line}", file.display()));
                }
            }
        }
    }
    edges
}

/// A circle in `edges`, if any, as the path round it.
fn find_cycle(edges: &BTreeSet<(String, String)>) -> Option<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges {
        next.entry(a).or_default().push(b);
    }
    fn visit<'a>(
        node: &'a str,
        next: &BTreeMap<&'a str, Vec<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| *n == node) {
            let mut cycle: Vec<String> = path[at..].iter().map(|s| (*s).to_owned()).collect();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for n in next.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(n, next, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    let starts: Vec<&str> = next.keys().copied().collect();
    starts
        .into_iter()
        .find_map(|start| visit(start, &next, &mut Vec::new(), &mut done))
}

#[test]
fn every_module_is_on_one_written_layer() {
    let layers = written_layers();
    let declared = declared_modules();
    let written: BTreeSet<String> = layers.keys().cloned().collect();
    assert_eq!(
        declared, written,
        "the `## Layers` block in src/lib.rs and its `pub mod` lines name different modules"
    );
}

#[test]
fn modules_import_only_from_their_layer_or_below() {
    let layers = written_layers();
    let modules = declared_modules();
    let edges = module_imports(&modules);
    assert!(
        edges.len() > 20,
        "the scan found only {} imports between modules: it no longer reads the code",
        edges.len()
    );
    let upward: Vec<String> = edges
        .iter()
        .filter(|((from, to), _)| layers.get(to) > layers.get(from))
        .map(|((from, to), at)| {
            format!(
                "{from} (layer {}) imports {to} (layer {}) at {at}",
                layers[from], layers[to]
            )
        })
        .collect();
    assert!(upward.is_empty(), "upward imports:\n{}", upward.join("\n"));
    let pairs: BTreeSet<(String, String)> = edges.keys().cloned().collect();
    assert_eq!(
        find_cycle(&pairs),
        None,
        "modules import each other in a circle"
    );
}

#[test]
fn the_files_of_a_module_do_not_import_each_other_in_a_circle() {
    for module in declared_modules() {
        let dir = src().join(&module);
        if !dir.is_dir() {
            continue;
        }
        // the children: `dir/x.rs` and `dir/x/` (whose files count as x)
        let mut children: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            if p.is_dir() {
                children.insert(stem, files_of(&p));
            } else if p.extension().is_some_and(|e| e == "rs") && stem != "mod" {
                children.insert(stem, vec![p]);
            }
        }
        let mut edges = BTreeSet::new();
        for (child, files) in &children {
            for file in files {
                let text: String = code_lines(file)
                    .into_iter()
                    .map(|(_, l)| format!("{l}\n"))
                    .collect();
                // `super::` names a sibling only in a file directly in dir
                // (or a child folder's mod.rs)
                let direct = file.parent() == Some(dir.as_path())
                    || (file.file_name().is_some_and(|n| n == "mod.rs")
                        && file.parent().and_then(Path::parent) == Some(dir.as_path()));
                let mut names = imported(&text, &format!("crate::{module}"));
                if direct {
                    names.extend(imported(&text, "super"));
                }
                for name in names {
                    if &name != child && children.contains_key(&name) {
                        edges.insert((child.clone(), name));
                    }
                }
            }
        }
        assert_eq!(
            find_cycle(&edges),
            None,
            "files of src/{module}/ import each other in a circle"
        );
    }
}

#[test]
fn the_scan_reads_groups_and_skips_paths_of_other_roots() {
    let text = "use crate::{config::Secret, store::{Batch, Store}};\nlet x = my_crate::ingest::y;\n\
                use crate::report::Severity;\nsuper::super::web::x();\n";
    assert_eq!(imported(text, "crate"), ["config", "store", "report"]);
    assert_eq!(imported(text, "super"), Vec::<String>::new());
    let circle: BTreeSet<(String, String)> = [("a", "b"), ("b", "c"), ("c", "a")]
        .into_iter()
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect();
    assert_eq!(
        find_cycle(&circle).map(|c| c.len()),
        Some(4),
        "a -> b -> c -> a"
    );
}
