package dev.launchc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        IllegalStateException thrown = new IllegalStateException("bad settings file");
        List<Integer> items = IntStream.range(0, 100).boxed().toList();
        IllegalStateException caught = assertThrows(IllegalStateException.class, () -> AllCores.map(items, i -> {
            if (i == 37) {
                throw thrown;
            }
            return i;
        }));
        assertSame(thrown, caught);
    }

    @Test
    void everyItemIsFinishedWhenTheCallReturns() {
        AtomicInteger finished = new AtomicInteger();
        AllCores.map(IntStream.range(0, 64).boxed().toList(), i -> {
            try {
                Thread.sleep(i % 8 == 0 ? 5 : 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return finished.incrementAndGet();
        });
        assertEquals(64, finished.get());
    }
}
