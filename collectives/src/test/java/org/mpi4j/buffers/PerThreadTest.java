package org.mpi4j.buffers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** PerThread: the first thread's fast path never hands its value to another thread. */
class PerThreadTest {
    @Test
    void everyThreadSeesOnlyItsOwnValue() throws Exception {
        AtomicInteger made = new AtomicInteger();
        PerThread<int[]> values = new PerThread<>(() -> new int[] {made.incrementAndGet()});
        int[] mine = values.get();
        assertSame(mine, values.get(), "the first thread keeps its value");
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        ConcurrentHashMap<Integer, Boolean> seen = new ConcurrentHashMap<>();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    int[] own = values.get();
                    for (int i = 0; i < 100_000; i++) {
                        if (values.get() != own) {
                            throw new AssertionError("another thread's value at call " + i);
                        }
                    }
                    if (own == mine || seen.putIfAbsent(own[0], true) != null) {
                        throw new AssertionError("value " + own[0] + " shared between threads");
                    }
                } catch (Throwable e) {
                    failed.compareAndSet(null, e);
                }
            });
            th.start();
            all.add(th);
        }
        start.countDown();
        for (int i = 0; i < 100_000; i++) {
            assertSame(mine, values.get());
        }
        for (Thread th : all) {
            th.join();
        }
        if (failed.get() != null) {
            throw new AssertionError(failed.get());
        }
        assertEquals(threads + 1, made.get(), "one value per thread");
        assertNotSame(mine, new PerThread<>(() -> new int[1]).get());
    }
}
