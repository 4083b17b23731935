package dev.restauth.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HashingPoolTest {
    /** Bounds the waits below so a broken pool fails the test instead of hanging the build; never reached when green. */
    private static final long HANG_GUARD_MILLIS = 30_000;

    @Test
    void runsTheTaskOnANamedDaemonPoolThreadAndReturnsItsResult() {
        try (HashingPool pool = new HashingPool(2, 4)) {
            Thread thread = pool.run(Thread::currentThread);

            assertTrue(thread.getName().matches("restauth-hash-[12]"), thread.getName());
            assertTrue(thread.isDaemon());
            assertEquals(42, pool.run(() -> 42));
        }
    }

    @Test
    void runsAsManyTasksAtOnceAsItHasThreads() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        try (HashingPool pool = new HashingPool(2, 0)) {
            Callable<String> waitForTheOther = () -> {
                bothRunning.countDown();
                bothRunning.await();
                return "done";
            };
            Future<String> first = pool.submit(waitForTheOther);
            Future<String> second = pool.submit(waitForTheOther);

            assertEquals("done", first.get());
            assertEquals("done", second.get());
        }
    }

    @Test
    void failsAtOnceWithPoolBusyWhenTheThreadsAreBusyAndTheQueueIsFull() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (HashingPool pool = new HashingPool(1, 1)) {
            Future<String> running = pool.submit(() -> {
                started.countDown();
                release.await();
                return "first";
            });
            started.await();
            Future<String> queued = pool.submit(() -> "second");

            assertThrows(PoolBusyException.class, () -> pool.run(() -> "third"));

            release.countDown();
            assertEquals("first", running.get());
            assertEquals("second", queued.get());
            assertEquals("fourth", pool.run(() -> "fourth"));
        }
    }

    @Test
    void withNoQueueFailsAtOnceWhenEveryThreadIsBusy() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (HashingPool pool = new HashingPool(1, 0)) {
            Future<String> running = pool.submit(() -> {
                started.countDown();
                release.await();
                return "first";
            });
            started.await();

            assertThrows(PoolBusyException.class, () -> pool.run(() -> "second"));

            release.countDown();
            assertEquals("first", running.get());
        }
    }

    @Test
    void rethrowsTheTasksUncheckedExceptionsUnwrapped() {
        IllegalStateException failure = new IllegalStateException("boom");
        AssertionError error = new AssertionError("bang");
        try (HashingPool pool = new HashingPool(1, 1)) {
            assertSame(failure, assertThrows(IllegalStateException.class, () -> pool.run(() -> {
                throw failure;
            })));
            assertSame(error, assertThrows(AssertionError.class, () -> pool.run(() -> {
                throw error;
            })));
        }
    }

    @Test
    void wrapsTheTasksCheckedExceptionsInCompletionException() {
        IOException failure = new IOException("io");
        try (HashingPool pool = new HashingPool(1, 1)) {
            CompletionException thrown = assertThrows(CompletionException.class, () -> pool.run(() -> {
                throw failure;
            }));
            assertSame(failure, thrown.getCause());
        }
    }

    @Test
    void anInterruptedCallerGetsCancellationAndKeepsItsInterruptFlag() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (HashingPool pool = new HashingPool(1, 1)) {
            Thread.currentThread().interrupt();
            try {
                CancellationException thrown = assertThrows(CancellationException.class,
                        () -> pool.run(() -> {
                            release.await();
                            return null;
                        }));
                assertTrue(thrown.getCause() instanceof InterruptedException);
            } finally {
                assertTrue(Thread.interrupted());
                release.countDown();
            }
            assertEquals("after", pool.run(() -> "after"));
        }
    }

    @Test
    void closeLetsQueuedTasksFinishThenStopsTheThreads() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        HashingPool pool = new HashingPool(1, 1);
        Future<String> running = pool.submit(() -> {
            worker.set(Thread.currentThread());
            started.countDown();
            release.await();
            return "first";
        });
        started.await();
        Future<String> queued = pool.submit(() -> "second");

        Thread closer = new Thread(pool::close);
        closer.start();
        release.countDown();
        closer.join(HANG_GUARD_MILLIS);

        assertFalse(closer.isAlive());
        assertEquals("first", running.get());
        assertEquals("second", queued.get());
        worker.get().join(HANG_GUARD_MILLIS);
        assertFalse(worker.get().isAlive());
    }

    @Test
    void refusesTasksOnceClosed() {
        HashingPool pool = new HashingPool(1, 1);
        pool.close();
        pool.close();

        assertThrows(IllegalStateException.class, () -> pool.run(() -> "late"));
    }

    @Test
    void defaultsToOneThreadPerProcessor() throws Exception {
        int processors = Runtime.getRuntime().availableProcessors();
        CountDownLatch allRunning = new CountDownLatch(processors);
        CountDownLatch release = new CountDownLatch(1);
        try (HashingPool pool = new HashingPool(0)) {
            List<Future<String>> running = new ArrayList<>();
            for (int i = 0; i < processors; i++) {
                running.add(pool.submit(() -> {
                    allRunning.countDown();
                    release.await();
                    return "done";
                }));
            }
            allRunning.await();

            assertThrows(PoolBusyException.class, () -> pool.run(() -> "one too many"));

            release.countDown();
            for (Future<String> task : running) {
                assertEquals("done", task.get());
            }
        }
    }

    @Test
    void refusesNonsensicalSizes() {
        assertThrows(IllegalArgumentException.class, () -> new HashingPool(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new HashingPool(1, -1));
    }
}
