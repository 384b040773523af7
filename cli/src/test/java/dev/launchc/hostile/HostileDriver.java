package dev.launchc.hostile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs CLI cases in-process, one after the other, in a JVM that {@link HostileCompileTest} starts
 * with a small heap, so that a case that needs more memory than the bound dies with an
 * OutOfMemoryError instead of passing on a large test heap. Each case gets a preemptive time
 * limit. Input: a file of lines {@code label TAB millis TAB arg US arg ...}; output, one line per
 * case: {@code CASE TAB label TAB exit TAB millis TAB base64(stdout) TAB base64(stderr)}, or
 * {@code TIMEOUT}/{@code OOM} and an exit of the JVM.
 */
public final class HostileDriver {
    private HostileDriver() {}

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hostile-case");
            t.setDaemon(true);
            return t;
        });
        Base64.Encoder b64 = Base64.getEncoder();
        for (String line : lines) {
            String[] f = line.split("\t", 3);
            String label = f[0];
            long limit = Long.parseLong(f[1]);
            String[] cli = f[2].split("\u001f");
            System.gc();
            long start = System.nanoTime();
            Future<Cli.Run> future = pool.submit(() -> Cli.run(cli));
            Cli.Run run;
            try {
                run = future.get(limit, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                System.out.println("TIMEOUT\t" + label);
                System.out.flush();
                System.exit(5);
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof OutOfMemoryError) {
                    System.out.println("OOM\t" + label);
                    System.out.flush();
                    System.exit(4);
                }
                System.out.println("THROWN\t" + label + "\t" + b64.encodeToString(String.valueOf(e.getCause()).getBytes(StandardCharsets.UTF_8)));
                continue;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("CASE\t" + label + "\t" + run.code() + "\t" + millis + "\t"
                    + b64.encodeToString(run.out().getBytes(StandardCharsets.UTF_8)) + "\t"
                    + b64.encodeToString(run.err().getBytes(StandardCharsets.UTF_8)));
            System.out.flush();
        }
        pool.shutdownNow();
    }
}
