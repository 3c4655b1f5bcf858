//! Typst compiles in child processes: `esep build` on several cores starts one `esep` per
//! worker, each compiling one document at a time with a Typst of its own.
//!
//! Typst memoises its work in caches global to a process, behind locks. Two threads compiling
//! in one process waited on each other's locks, and on the eviction after each compile, which
//! walked and dropped both threads' results (about 3 ms a document, holding every cache in
//! turn): on 2 cores the workers slept 5–6 % of the time and did 3 % more work than one thread.
//! A child process owns its caches and empties them after each document
//! ([`Renderer::alone`]). It also keeps the memory of its largest compile, so a department of
//! many units compiles in this process instead (`build::SHARED_UNITS`).
//!
//! The child is the same executable, started with [`ARG`]; parent and child speak in frames
//! (a little-endian `u64` length, then the bytes) on the child's standard input and output:
//! first the templates one way and a greeting (the fingerprint of its templates and fonts) the
//! other, then per document a header and the data one way, a header and the PDF the other. A
//! child that cannot be started or does not greet as expected (a test harness, another build)
//! leaves the compiles to this process; one that stops while compiling fails that document,
//! and the next starts a new child.

use std::io::{BufReader, BufWriter, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Condvar, Mutex, MutexGuard};

use esep_render::pdf::Prepared;
use esep_render::{Error, Renderer, TemplateDiagnostic};
use serde::{Deserialize, Serialize};

use crate::workers;

/// The first argument that makes `esep` a compiling child.
pub const ARG: &str = "--typst-compiler";

/// What a child says once it has its templates: its renderer's fingerprint (esep's version,
/// the templates, the fonts), which must be the parent's, so that a child of another build is
/// not trusted.
fn greeting(renderer: &Renderer) -> Vec<u8> {
    format!("esep compiler {}", esep_render::pdf::hex(&renderer.fingerprint())).into_bytes()
}

/// Largest frame read: a department's PDF or data is a few MB.
const FRAME_LIMIT: u64 = 1 << 30;

/// A document to compile.
#[derive(Serialize, Deserialize)]
struct Job {
    template: String,
    date: chrono::NaiveDate,
}

/// What came of it: the warnings, and an error or (in the next frame) the PDF.
#[derive(Serialize, Deserialize)]
struct Done {
    warnings: Vec<TemplateDiagnostic>,
    failure: Option<Failure>,
}

/// A compile's error, as it crosses between processes.
#[derive(Serialize, Deserialize)]
enum Failure {
    Typst { template: String, diagnostics: Vec<TemplateDiagnostic> },
    Glyphs { chars: String, example: String },
    Other(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        match e {
            Error::Typst { template, diagnostics } => Self::Typst { template, diagnostics },
            Error::Glyphs { chars, example } => Self::Glyphs { chars, example },
            other => Self::Other(other.to_string()),
        }
    }
}

impl From<Failure> for Error {
    fn from(f: Failure) -> Self {
        match f {
            Failure::Typst { template, diagnostics } => Self::Typst { template, diagnostics },
            Failure::Glyphs { chars, example } => Self::Glyphs { chars, example },
            Failure::Other(message) => Self::Process(message),
        }
    }
}

fn write_frame(out: &mut impl Write, bytes: &[u8]) -> std::io::Result<()> {
    out.write_all(&(bytes.len() as u64).to_le_bytes())?;
    out.write_all(bytes)
}

/// The next frame; `None` at the end of the stream before a frame begins.
fn read_frame(input: &mut impl Read) -> std::io::Result<Option<Vec<u8>>> {
    let mut len = [0u8; 8];
    let mut got = 0;
    while got < len.len() {
        match input.read(&mut len[got..]) {
            Ok(0) if got == 0 => return Ok(None),
            Ok(0) => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let len = u64::from_le_bytes(len);
    if len > FRAME_LIMIT {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, format!("a frame of {len} bytes")));
    }
    let mut bytes = Vec::new();
    input.take(len).read_to_end(&mut bytes)?;
    if bytes.len() as u64 != len {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    Ok(Some(bytes))
}

fn frame(input: &mut impl Read) -> std::io::Result<Vec<u8>> {
    read_frame(input)?.ok_or_else(|| std::io::ErrorKind::UnexpectedEof.into())
}

fn invalid(e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string())
}

/// The child's side: compiles what comes on standard input until it ends, on the one thread
/// of a rayon pool with the workers' stack, so that Typst's inner parallel work runs there too.
pub fn serve() -> std::process::ExitCode {
    let served = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .stack_size(workers::STACK_BYTES)
        .thread_name(|_| "esep-compiler".into())
        .build_global()
        .map_err(|e| std::io::Error::other(e.to_string()))
        .and_then(|()| {
            rayon::scope(|_| serve_stream(&mut std::io::stdin().lock(), &mut std::io::stdout().lock()))
        });
    match served {
        Ok(()) => std::process::ExitCode::SUCCESS,
        // The build has gone (interrupted, or failed elsewhere) and said why: nothing to add.
        Err(e) if matches!(e.kind(), std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::UnexpectedEof) => {
            std::process::ExitCode::FAILURE
        }
        Err(e) => {
            tell!("esep compiler: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn serve_stream(input: &mut impl Read, output: &mut impl Write) -> std::io::Result<()> {
    let texts: Vec<(String, String)> = serde_json::from_slice(&frame(input)?).map_err(invalid)?;
    let renderer = Renderer::with_texts(texts).map_err(invalid)?.alone();
    write_frame(output, &greeting(&renderer))?;
    output.flush()?;
    while let Some(header) = read_frame(input)? {
        let job: Job = serde_json::from_slice(&header).map_err(invalid)?;
        let data = frame(input)?;
        let compiled = renderer.compile_data(&job.template, data, job.date);
        let warnings = renderer.take_warnings();
        let (failure, pdf) = match compiled {
            Ok(pdf) => (None, pdf),
            Err(e) => (Some(Failure::from(e)), Vec::new()),
        };
        write_frame(output, &serde_json::to_vec(&Done { warnings, failure }).map_err(invalid)?)?;
        write_frame(output, &pdf)?;
        output.flush()?;
    }
    Ok(())
}

/// Whether a child was ended by Ctrl-C, `SIGTERM` or `SIGHUP`, as this process is then.
#[cfg(unix)]
fn interrupted(status: std::process::ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt;
    // SIGHUP, SIGINT, SIGTERM.
    matches!(status.signal(), Some(1 | 2 | 15))
}

#[cfg(not(unix))]
fn interrupted(_: std::process::ExitStatus) -> bool {
    false
}

/// A running child.
struct Compiler {
    child: Child,
    input: BufWriter<ChildStdin>,
    output: BufReader<ChildStdout>,
}

impl Compiler {
    /// Starts a child and hands it the templates; `None` if it does not greet as expected.
    fn start(texts: &[u8], expected: &[u8]) -> Option<Self> {
        let exe = std::env::current_exe().ok()?;
        let mut child = Command::new(exe)
            .arg(ARG)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .ok()?;
        let (Some(input), Some(output)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        };
        let mut compiler = Self { child, input: BufWriter::new(input), output: BufReader::new(output) };
        let greeted = write_frame(&mut compiler.input, texts)
            .and_then(|()| compiler.input.flush())
            .and_then(|()| frame(&mut compiler.output))
            .is_ok_and(|g| g == expected);
        if greeted {
            Some(compiler)
        } else {
            compiler.stop(true);
            None
        }
    }

    fn compile(&mut self, prepared: &Prepared) -> std::io::Result<(Done, Vec<u8>)> {
        let job = Job { template: prepared.template().to_string(), date: prepared.date() };
        write_frame(&mut self.input, &serde_json::to_vec(&job).map_err(invalid)?)?;
        write_frame(&mut self.input, prepared.data())?;
        self.input.flush()?;
        let done: Done = serde_json::from_slice(&frame(&mut self.output)?).map_err(invalid)?;
        let pdf = frame(&mut self.output)?;
        Ok((done, pdf))
    }

    /// Ends the child: its input closes and it leaves; `kill` first, if it may be stuck.
    fn stop(self, kill: bool) -> Option<std::process::ExitStatus> {
        let Self { mut child, input, output } = self;
        if kill {
            let _ = child.kill();
        }
        drop(input);
        drop(output);
        child.wait().ok()
    }
}

/// The children of a build, at most `max` of them, kept between documents and departments.
/// The build runs a thread more than there are children: while a child compiles, that thread
/// prepares the next document or writes a workbook, and the child need not wait for it.
pub struct Compilers {
    /// The templates, as the first frame to each child.
    texts: Vec<u8>,
    /// What a child must answer (see [`greeting`]).
    greeting: Vec<u8>,
    max: usize,
    pool: Mutex<Pool>,
    /// Signalled when a child becomes idle or is gone.
    freed: Condvar,
}

#[derive(Default)]
struct Pool {
    idle: Vec<Compiler>,
    /// Children started and not stopped, idle or busy.
    live: usize,
    /// Set when a child could not be started: this process compiles from then on.
    unavailable: bool,
}

impl Compilers {
    /// At most `max` children compiling with `renderer`'s templates.
    pub fn new(renderer: &Renderer, max: usize) -> anyhow::Result<Self> {
        Ok(Self {
            texts: serde_json::to_vec(&renderer.sources())?,
            greeting: greeting(renderer),
            max: max.max(1),
            pool: Mutex::default(),
            freed: Condvar::new(),
        })
    }

    fn pool(&self) -> MutexGuard<'_, Pool> {
        self.pool.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// An idle child, a new one, or (all busy) the next one freed; `None` when children
    /// cannot be started.
    fn take(&self) -> Option<Compiler> {
        let mut pool = self.pool();
        loop {
            if let Some(compiler) = pool.idle.pop() {
                return Some(compiler);
            }
            if pool.unavailable {
                return None;
            }
            // An interrupted build ends in a moment: no new child for it.
            if pool.live < self.max && !crate::pack::stopping() {
                pool.live += 1;
                drop(pool);
                let started = Compiler::start(&self.texts, &self.greeting);
                if started.is_none() {
                    let mut pool = self.pool();
                    pool.live -= 1;
                    pool.unavailable = true;
                    self.freed.notify_all();
                }
                return started;
            }
            pool = self.freed.wait(pool).unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }

    /// Stops the idle children (all of them between departments), freeing their memory.
    pub fn stop_idle(&self) {
        let idle = {
            let mut pool = self.pool();
            let idle = std::mem::take(&mut pool.idle);
            pool.live -= idle.len();
            idle
        };
        for compiler in idle {
            compiler.stop(false);
        }
    }

    /// Compiles `prepared` in a child; in this process with `renderer` when no child can be
    /// started.
    pub fn compile(&self, renderer: &Renderer, prepared: &Prepared) -> Result<Vec<u8>, Error> {
        let Some(mut compiler) = self.take() else {
            return renderer.compile_prepared(prepared);
        };
        let compiled = compiler.compile(prepared);
        match compiled {
            Ok((done, pdf)) => {
                self.pool().idle.push(compiler);
                self.freed.notify_one();
                renderer.add_warnings(done.warnings);
                match done.failure {
                    None => Ok(pdf),
                    Some(failure) => Err(failure.into()),
                }
            }
            Err(e) => {
                // Its exit status says more than the broken pipe (`signal: 9 (SIGKILL)`).
                let stopped = compiler.stop(true);
                if stopped.is_some_and(interrupted) {
                    // Ctrl-C reaches the whole process group: this process's handler is about
                    // to remove the pack and end it, and this error would only race it.
                    crate::pack::await_interrupt();
                }
                self.pool().live -= 1;
                self.freed.notify_one();
                Err(Error::Process(stopped.map_or(e.to_string(), |s| s.to_string())))
            }
        }
    }
}

impl Drop for Compilers {
    fn drop(&mut self) {
        self.stop_idle();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_go_through_and_a_cut_one_is_an_error() {
        let mut bytes = Vec::new();
        write_frame(&mut bytes, b"abc").unwrap();
        write_frame(&mut bytes, b"").unwrap();
        let mut input = bytes.as_slice();
        assert_eq!(read_frame(&mut input).unwrap(), Some(b"abc".to_vec()));
        assert_eq!(read_frame(&mut input).unwrap(), Some(Vec::new()));
        assert_eq!(read_frame(&mut input).unwrap(), None);
        let cut = &bytes[..6];
        assert_eq!(read_frame(&mut &cut[..]).unwrap_err().kind(), std::io::ErrorKind::UnexpectedEof);
        let cut = &bytes[..10];
        assert_eq!(read_frame(&mut &cut[..]).unwrap_err().kind(), std::io::ErrorKind::UnexpectedEof);
        let huge = (FRAME_LIMIT + 1).to_le_bytes();
        assert_eq!(read_frame(&mut &huge[..]).unwrap_err().kind(), std::io::ErrorKind::InvalidData);
    }

    #[test]
    fn an_executable_that_does_not_greet_is_not_used() {
        // Here the executable is the test harness, which refuses the argument and exits.
        assert!(Compiler::start(b"[]", b"esep compiler").is_none());
    }

    #[test]
    fn a_child_stream_compiles_and_reports_errors() {
        let renderer = Renderer::new();
        let mut input = Vec::new();
        write_frame(&mut input, &serde_json::to_vec(&renderer.sources()).unwrap()).unwrap();
        let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
        let job = Job { template: "report.typ".into(), date };
        write_frame(&mut input, &serde_json::to_vec(&job).unwrap()).unwrap();
        write_frame(&mut input, b"{}").unwrap();
        let mut output = Vec::new();
        serve_stream(&mut input.as_slice(), &mut output).unwrap();
        let mut output = output.as_slice();
        assert_eq!(frame(&mut output).unwrap(), greeting(&renderer));
        let done: Done = serde_json::from_slice(&frame(&mut output).unwrap()).unwrap();
        let Some(Failure::Typst { template, diagnostics }) = done.failure else { panic!("no Typst error") };
        assert_eq!(template, "report.typ");
        assert!(diagnostics.iter().any(|d| d.error && d.file == "report.typ"), "{diagnostics:?}");
        assert_eq!(frame(&mut output).unwrap(), b"");
        assert_eq!(read_frame(&mut output).unwrap(), None);
    }
}
