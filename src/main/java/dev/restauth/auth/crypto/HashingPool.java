package dev.restauth.auth.crypto;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of threads, with a bounded queue, for password hashing: the dominant cost of a login (argon2id at
 * 19 MiB takes some 20-30 ms of a core and 19 MiB of native memory per hash in flight). The thread count caps CPU
 * and native memory; the queue caps how many requests wait; past that {@link #run} fails at once with
 * {@link PoolBusyException} instead of letting latency grow without bound.
 *
 * <p>Admission counts tasks in flight (running or waiting) against {@code threads + queueCapacity}, so a thread
 * that is just finishing never causes a spurious rejection. Threads are daemons named {@code restauth-hash-1},
 * {@code restauth-hash-2}, ... Thread-safe.
 */
public final class HashingPool implements AutoCloseable {
    /** How long {@link #close} lets queued and running hashes finish before abandoning them. */
    static final long CLOSE_GRACE_SECONDS = 10;

    private final Semaphore admission;
    private final ThreadPoolExecutor executor;

    /**
     * A pool with one thread per available processor.
     *
     * @param queueCapacity how many tasks may wait for a thread; zero means none wait
     * @throws IllegalArgumentException if {@code queueCapacity < 0}
     */
    public HashingPool(int queueCapacity) {
        this(Runtime.getRuntime().availableProcessors(), queueCapacity);
    }

    /**
     * @param threads       how many hashes run at once; positive
     * @param queueCapacity how many more may wait for a thread; zero means none wait
     * @throws IllegalArgumentException if {@code threads < 1} or {@code queueCapacity < 0}
     */
    public HashingPool(int threads, int queueCapacity) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("queueCapacity must not be negative: " + queueCapacity);
        }
        admission = new Semaphore(Math.addExact(threads, queueCapacity));
        // Unbounded, but never holds more than queueCapacity jobs: the semaphore admits them.
        executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new Named(), new ThreadPoolExecutor.AbortPolicy());
        executor.prestartAllCoreThreads();
    }

    /** Hashes waiting for a thread now (for metrics). */
    public int queued() {
        return executor.getQueue().size();
    }

    /** Hashes running now (for metrics). */
    public int running() {
        return executor.getActiveCount();
    }

    /**
     * Runs {@code task} on a pool thread and waits for its result.
     *
     * @return what the task returned
     * @throws PoolBusyException     at once, without running the task, when every thread is busy and the queue full
     * @throws IllegalStateException when the pool is closed
     * @throws CancellationException when the calling thread is interrupted while waiting (its interrupt flag is set
     *                               again, and the task is dropped if it has not started), or the pool was closed
     *                               before the task ran
     * @throws CompletionException   wrapping a checked exception the task threw
     * @throws RuntimeException      or {@link Error}: whatever unchecked throwable the task threw, unwrapped
     */
    public <T> T run(Callable<T> task) {
        Job<T> job = submit(task);
        try {
            return job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // A queued job is dropped; one already hashing cannot be stopped (native code) and runs to its end.
            job.cancel(false);
            if (executor.remove(job)) {
                job.releaseOnce();
            }
            CancellationException cancelled = new CancellationException("interrupted while waiting for a hash");
            cancelled.initCause(e);
            throw cancelled;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CompletionException(cause);
        }
    }

    /** Queues {@code task} without waiting for it: {@link #run} without the wait, so tests can fill the queue. */
    <T> Job<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        if (executor.isShutdown()) {
            throw new IllegalStateException("the hashing pool is closed");
        }
        if (!admission.tryAcquire()) {
            throw new PoolBusyException("all hashing threads are busy and the queue is full");
        }
        Job<T> job = new Job<>(task, admission);
        try {
            executor.execute(job);
        } catch (RejectedExecutionException e) {
            job.releaseOnce();
            throw new IllegalStateException("the hashing pool is closed");
        }
        return job;
    }

    /**
     * Stops taking tasks, lets the queued and running ones finish for up to {@value #CLOSE_GRACE_SECONDS} seconds,
     * then drops what has not started (their callers get {@link CancellationException}) and returns once the
     * threads have ended or the grace has run out. Idempotent. If the calling thread is interrupted, it drops the
     * queued tasks at once and keeps the interrupt flag set.
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS)) {
                dropQueued();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dropQueued();
        }
    }

    private void dropQueued() {
        List<Runnable> neverStarted = executor.shutdownNow();
        for (Runnable runnable : neverStarted) {
            // Without this their callers would wait on get() forever.
            Job<?> job = (Job<?>) runnable;
            job.cancel(false);
            job.releaseOnce();
        }
    }

    /** A task holding one admission permit, given back exactly once: when it ends, or when it is dropped unrun. */
    static final class Job<T> extends FutureTask<T> {
        private final Semaphore admission;
        private final AtomicBoolean released = new AtomicBoolean();

        private Job(Callable<T> task, Semaphore admission) {
            super(task);
            this.admission = admission;
        }

        @Override
        public void run() {
            try {
                super.run();
            } finally {
                releaseOnce();
            }
        }

        @Override
        protected void set(T value) {
            // Give the permit back before the caller wakes, so it may submit again at once.
            releaseOnce();
            super.set(value);
        }

        @Override
        protected void setException(Throwable failure) {
            releaseOnce();
            super.setException(failure);
        }

        void releaseOnce() {
            if (released.compareAndSet(false, true)) {
                admission.release();
            }
        }
    }

    private static final class Named implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "restauth-hash-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
