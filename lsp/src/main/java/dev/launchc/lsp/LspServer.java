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
}
