//! A flat pool for the pack's documents: threads that each take the next job from a shared
//! counter and run it to the end.
//!
//! Not one rayon pool for everything: Typst lays pages out and krilla writes PDFs on rayon,
//! and a rayon worker that waits there runs other queued jobs on its own stack (`join`,
//! `yield_now`). With the documents queued on that pool too, every waiting compile started
//! the next document inside itself, about 70 levels deep for 40 bodies, and the stack
//! overflowed. Here each worker is the only thread of a rayon pool of its own, and jobs come
//! from the counter, not from rayon: a compile's inner work runs on its own thread, where
//! waiting can only ever run that compile's own tasks. With the inner work on one shared pool
//! instead, a worker sat idle while the pool's threads ran another document's tasks (four
//! threads for two cores: 182 % CPU instead of 188 %, a department 9 % slower).

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Stack of every worker thread, esep's and rayon's: the nesting above is gone, this is a
/// margin for Typst's layout of long documents, not the fix.
pub const STACK_BYTES: usize = 16 * 1024 * 1024;

/// Sets up rayon's global pool (Typst's inner parallelism outside [`run`]) with `threads`
/// threads (0: one per core) and [`STACK_BYTES`] each. Only the first call has an effect.
pub fn init_rayon(threads: usize) {
    let _ = rayon::ThreadPoolBuilder::new().num_threads(threads).stack_size(STACK_BYTES).build_global();
}

/// Threads for `requested` (0: one per core), at least one.
pub fn count(requested: usize) -> usize {
    match requested {
        0 => std::thread::available_parallelism().map_or(1, |p| p.get()),
        t => t,
    }
}

/// Runs `work` on every job with `threads` threads (0: one per core), calling `done` after
/// each; the results come back in the order of the jobs.
pub fn run<J, R, W, D>(jobs: Vec<J>, threads: usize, work: W, done: D) -> Vec<R>
where
    J: Send,
    R: Send,
    W: Fn(J) -> R + Sync,
    D: Fn() + Sync,
{
    let n = jobs.len();
    let threads = count(threads).min(n.max(1));
    let queue: Vec<Mutex<Option<J>>> = jobs.into_iter().map(|j| Mutex::new(Some(j))).collect();
    let results: Vec<Mutex<Option<R>>> = (0..n).map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let worker = || {
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            if k >= n {
                break;
            }
            let job = queue[k].lock().map(|mut j| j.take()).unwrap_or_default();
            if let Some(job) = job {
                let r = work(job);
                if let Ok(mut slot) = results[k].lock() {
                    *slot = Some(r);
                }
                done();
            }
        }
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|i| {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(1)
                    .stack_size(STACK_BYTES)
                    .thread_name(move |_| format!("esep-{i}"))
                    .build();
                // This thread only waits for the pool's; it runs the jobs itself when the
                // pool cannot be made.
                std::thread::Builder::new()
                    .name(format!("esep-run-{i}"))
                    .stack_size(STACK_BYTES)
                    .spawn_scoped(scope, move || match pool {
                        Ok(pool) => pool.install(worker),
                        Err(_) => worker(),
                    })
            })
            .collect();
        // A thread that cannot be started leaves its share to the others; none at all, to us.
        if handles.iter().all(Result::is_err) {
            worker();
        }
    });
    results.into_iter().filter_map(|r| r.into_inner().ok().flatten()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_jobs() {
        let count = AtomicUsize::new(0);
        let out = run(
            (0..100).collect(),
            3,
            |x: u64| x * x,
            || {
                count.fetch_add(1, Ordering::Relaxed);
            },
        );
        assert_eq!(out, (0..100).map(|x| x * x).collect::<Vec<_>>());
        assert_eq!(count.load(Ordering::Relaxed), 100);
        assert!(run(Vec::<u8>::new(), 0, |x| x, || {}).is_empty());
    }

    #[test]
    fn rayon_inside_a_job_never_runs_another_job() {
        // The overflow of issue 10: a job that waits on rayon must not start the next job on
        // its own stack. Each job records how many jobs are running on its thread at once.
        init_rayon(2);
        thread_local!(static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) });
        let deepest = AtomicUsize::new(0);
        run(
            (0..64).collect(),
            2,
            |i: u64| {
                let d = DEPTH.with(|c| {
                    c.set(c.get() + 1);
                    c.get()
                });
                deepest.fetch_max(d, Ordering::Relaxed);
                use rayon::prelude::*;
                let s: u64 = (0..1000u64).into_par_iter().map(|x| x ^ i).sum();
                rayon::yield_now();
                DEPTH.with(|c| c.set(c.get() - 1));
                s
            },
            || {},
        );
        assert_eq!(deepest.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn a_jobs_inner_rayon_work_runs_on_its_own_thread() {
        // Typst's inner work of one document never waits behind another document's.
        init_rayon(2);
        let elsewhere = run(
            (0..16).collect(),
            2,
            |_: u64| {
                use rayon::prelude::*;
                let me = std::thread::current().id();
                let threads = rayon::current_num_threads();
                let moved =
                    (0..10_000u64).into_par_iter().filter(|_| std::thread::current().id() != me).count();
                (threads, moved)
            },
            || {},
        );
        assert_eq!(elsewhere, vec![(1, 0); 16]);
    }
}
