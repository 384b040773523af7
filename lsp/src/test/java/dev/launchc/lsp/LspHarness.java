package dev.launchc.lsp;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The server and a recording client, joined by LSP4J's launchers over piped streams in this JVM:
 * every request and notification goes through the JSON-RPC wire format, as with a real editor.
 * The pipes are NIO pipes: {@code PipedInputStream} fails with "Write end dead" once a thread that
 * wrote to it ends, and LSP4J writes responses from pool threads.
 */
final class LspHarness implements AutoCloseable {
    final LaunchcLanguageServer server;
    final LanguageServer remote;
    final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    private final OutputStream toServer;
    private final OutputStream toClient;

    LspHarness(LintSettings.Source settings, long debounceMs) {
        try {
            Pipe serverPipe = Pipe.open();
            InputStream serverIn = Channels.newInputStream(serverPipe.source());
            toServer = Channels.newOutputStream(serverPipe.sink());
            Pipe clientPipe = Pipe.open();
            InputStream clientIn = Channels.newInputStream(clientPipe.source());
            toClient = Channels.newOutputStream(clientPipe.sink());
            server = new LaunchcLanguageServer(settings, debounceMs);
            Launcher<LanguageClient> serverLauncher = LSPLauncher.createServerLauncher(server, serverIn, toClient);
            server.connect(serverLauncher.getRemoteProxy());
            serverLauncher.startListening();
            Launcher<LanguageServer> clientLauncher = LSPLauncher.createClientLauncher(new RecordingClient(), clientIn, toServer);
            clientLauncher.startListening();
            remote = clientLauncher.getRemoteProxy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LspHarness started(LintSettings.Source settings, long debounceMs) {
        LspHarness h = new LspHarness(settings, debounceMs);
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        InitializeResult result = await(h.remote.initialize(init));
        assertNotNull(result.getCapabilities());
        h.remote.initialized(new InitializedParams());
        return h;
    }

    void open(String uri, String text) {
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, text)));
    }

    void change(String uri, int version, String text) {
        remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** The next diagnostics the server publishes; fails after 10 s. */
    PublishDiagnosticsParams nextDiagnostics() {
        try {
            PublishDiagnosticsParams p = published.poll(10, TimeUnit.SECONDS);
            assertNotNull(p, "the server published no diagnostics within 10 s");
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response, or a failed test after 10 s instead of a hung build. */
    static <T> T await(CompletableFuture<T> response) {
        try {
            return response.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no response from the server", e);
        }
    }

    @Override
    public void close() throws IOException {
        toServer.close();
        toClient.close();
    }

    private final class RecordingClient implements LanguageClient {
        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void showMessage(MessageParams messageParams) {}

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {}
    }
}
