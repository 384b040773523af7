package dev.launchc.cluster;

import static dev.launchc.cluster.ClusterPipeline.map;
import static dev.launchc.cluster.ClusterPipeline.seed;
import static dev.launchc.cluster.ClusterPipeline.seedParts;
import static dev.launchc.pipeline.PipelineFixtures.read;
import static dev.launchc.pipeline.PipelineFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What of a cluster compile only the command line shows: the join token read from the process
 * environment. The rest of what compile derives is tested through the pipeline (renderers'
 * ClusterCompileTest, whose cluster this test shares).
 */
class ClusterCompileCliTest {
    static final String TOKEN = ClusterCompileTest.TOKEN;

    @TempDir
    Path tmp;

    /** fromEnv needs a real environment: the CLI runs in a child JVM with the variable set. */
    @Test
    void fromEnvReadsTheTokenFromTheEnvironment() throws Exception {
        Path cluster = write(tmp.resolve("c.yaml"), ClusterCompileTest.twoNodes("{fromEnv: LAUNCHC_QA_JOIN_TOKEN}"));
        Path out = tmp.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.launchc.cli.Main",
                "compile", "-o", out.toString(), cluster.toString());
        pb.environment().put("LAUNCHC_QA_JOIN_TOKEN", " " + TOKEN + "\n");
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("child.log").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child launchc finished");
        String log = read(tmp.resolve("child.log"));
        assertEquals(0, p.exitValue(), log);
        assertFalse(log.contains(TOKEN), "the token is never printed");
        assertEquals(TOKEN, seedParts(seed(out, "cp-1")).get(0).get("persistentClusterToken"));
        assertEquals("10.0.0.1:25000/" + TOKEN, map(seedParts(seed(out, "w-1")).get(0).get("join")).get("url"));
    }
}
