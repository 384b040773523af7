package dev.launchc.pipeline;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A function over a list on every core, each thread taking the next item as soon as it is done
 * with one, with the results in the list's order. A parallel stream over the list itself splits it
 * into a few large chunks up front (a quarter of the list each on two cores): when one thread is
 * slowed (by the JIT compiler sharing its core, say), the other runs out of work and waits for the
 * last chunk, which cost a lint of 5,000 files about a fifth of its wall time.
 */
public final class AllCores {
    private AllCores() {}

    /**
     * {@code work} applied to every item, in the items' order (an unmodifiable list that may hold
     * nulls). The first exception or error thrown by {@code work} stops the threads taking new
     * items and is rethrown here, once every thread has stopped.
     */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
        // The common pool's threads and this one: as many as the pool runs tasks at once.
        int threads = Math.max(1, Math.min(ForkJoinPool.getCommonPoolParallelism() + 1, items.size()));
        Object[] results = new Object[items.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        IntStream.range(0, threads).parallel().forEach(thread -> {
            try {
                for (int i = next.getAndIncrement(); i < items.size() && failure.get() == null; i = next.getAndIncrement()) {
                    results[i] = work.apply(items.get(i));
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        });
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<R> ordered = (List<R>) Collections.unmodifiableList(Arrays.asList(results));
        return ordered;
    }
}
