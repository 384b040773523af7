package dev.launchc.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Runs the language server over a pair of streams (stdin and stdout for {@code launchc lsp}). */
public final class LspServer {
    private LspServer() {}

    /**
     * Serves until the client sends {@code exit} or closes the input stream.
     *
     * @return the exit code: 0 after an orderly shutdown, 1 when the client went away without one
     */
    public static int serve(InputStream in, OutputStream out, LintSettings.Source settings) {
        quietProtocolErrors();
        LaunchcLanguageServer server = new LaunchcLanguageServer(settings, LaunchcLanguageServer.DEFAULT_DEBOUNCE_MS);
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        Thread watcher = new Thread(() -> {
            try {
                listening.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                // The stream broke, or serve() stopped listening after exit: handled like a closed stream.
            }
            server.exitCode().complete(1);
        }, "launchc-lsp-input");
        watcher.setDaemon(true);
        watcher.start();
        int code = server.exitCode().join();
        listening.cancel(true);
        return code;
    }

    /** LSP4J's loggers, kept strongly: java.util.logging holds loggers weakly, and a collected one loses its set-up. */
    private static final java.util.logging.Logger PROTOCOL_LOG = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");

    /**
     * LSP4J reports a malformed message (a bad header, a cut-off or unparsable body) through
     * java.util.logging with the exception's whole stack trace. launchc says it in one line on
     * stderr instead (stdout carries the protocol), with the trace only under LAUNCHC_DEBUG.
     */
    private static void quietProtocolErrors() {
        PROTOCOL_LOG.setUseParentHandlers(false);
        for (java.util.logging.Handler h : PROTOCOL_LOG.getHandlers()) {
            PROTOCOL_LOG.removeHandler(h);
        }
        PROTOCOL_LOG.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (!isLoggable(record)) {
                    return;
                }
                Throwable t = record.getThrown();
                String why = t == null ? "" : ": " + (t.getMessage() == null ? t.getClass().getSimpleName()
                        : t.getMessage().lines().findFirst().orElse(""));
                String message = record.getMessage() == null ? "protocol error" : record.getMessage().lines().findFirst().orElse("");
                System.err.println("launchc lsp: " + message + (why.equals(": " + message) ? "" : why));
                if (t != null && System.getenv("LAUNCHC_DEBUG") != null) {
                    t.printStackTrace();
                }
            }

            @Override
            public void flush() {
                System.err.flush();
            }

            @Override
            public void close() {
            }
        });
        PROTOCOL_LOG.setLevel(java.util.logging.Level.WARNING);
    }
}
