package dev.launchc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The per-file work of lint on every core: results in input order, failures passed on, nothing left running. */
class AllCoresTest {
    @Test
    void resultsComeInTheOrderOfTheItems() {
        List<Integer> items = IntStream.range(0, 2_000).boxed().toList();
        List<String> out = AllCores.map(items, i -> "item " + i);
        assertEquals(items.stream().map(i -> "item " + i).toList(), out);
    }

    @Test
    void nullResultsStayInTheirPlace() {
        assertEquals(Arrays.asList("0", null, "2", null), AllCores.map(List.of(0, 1, 2, 3), i -> i % 2 == 0 ? "" + i : null));
    }

    @Test
    void everyItemIsDoneOnce() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 500).boxed().toList();
        AllCores.map(items, i -> calls.incrementAndGet());
        assertEquals(500, calls.get());
    }

    @Test
    void noItems() {
        assertEquals(List.of(), AllCores.map(List.<String>of(), s -> s));
    }

    @Test
    void theFirstFailureIsRethrownAsItWas() {
        UsageException thrown = new UsageException("bad settings file");
        List<Integer> items = IntStream.range(0, 100).boxed().toList();
        UsageException caught = assertThrows(UsageException.class, () -> AllCores.map(items, i -> {
            if (i == 37) {
                throw thrown;
            }
            return i;
        }));
        assertSame(thrown, caught);
    }

    @Test
    void noWorkerOutlivesTheCall() {
        List<Thread> workers = new ArrayList<>();
        AllCores.map(IntStream.range(0, 200).boxed().toList(), i -> {
            synchronized (workers) {
                if (!workers.contains(Thread.currentThread())) {
                    workers.add(Thread.currentThread());
                }
            }
            return i;
        });
        assertTrue(workers.stream().allMatch(t -> t == Thread.currentThread() || !t.isAlive()));
    }
}
