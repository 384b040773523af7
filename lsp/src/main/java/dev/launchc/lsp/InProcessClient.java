package dev.launchc.lsp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A client joined to a server in the same JVM by LSP4J's launchers over pipes, for the tests and the
 * latency benchmark: every message still goes through the JSON-RPC wire format. NIO pipes, since
 * {@code PipedInputStream} fails with "Write end dead" once a thread that wrote to it ends, and
 * LSP4J writes responses from pool threads.
 */
public final class InProcessClient implements AutoCloseable {
    private final LanguageServer server;
    private final OutputStream toServer;
    private final OutputStream toClient;

    private InProcessClient(LanguageServer server, OutputStream toServer, OutputStream toClient) {
        this.server = server;
        this.toServer = toServer;
        this.toClient = toClient;
    }

    /** Connects to {@code impl} and initialises it; {@code diagnostics} receives every publish. */
    public static InProcessClient connect(LaunchcLanguageServer impl, Consumer<PublishDiagnosticsParams> diagnostics) {
        try {
            Pipe serverPipe = Pipe.open();
            Pipe clientPipe = Pipe.open();
            OutputStream toServer = Channels.newOutputStream(serverPipe.sink());
            OutputStream toClient = Channels.newOutputStream(clientPipe.sink());
            Launcher<LanguageClient> serverLauncher = LSPLauncher.createServerLauncher(impl, Channels.newInputStream(serverPipe.source()), toClient);
            impl.connect(serverLauncher.getRemoteProxy());
            serverLauncher.startListening();
            Launcher<LanguageServer> clientLauncher = LSPLauncher.createClientLauncher(new Recorder(diagnostics),
                    Channels.newInputStream(clientPipe.source()), toServer);
            clientLauncher.startListening();
            InProcessClient client = new InProcessClient(clientLauncher.getRemoteProxy(), toServer, toClient);
            InitializeParams init = new InitializeParams();
            init.setCapabilities(new ClientCapabilities());
            client.server.initialize(init).join();
            client.server.initialized(new InitializedParams());
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server as the client sees it: calls on it are JSON-RPC messages. */
    public LanguageServer server() {
        return server;
    }

    @Override
    public void close() throws IOException {
        toServer.close();
        toClient.close();
    }

    private record Recorder(Consumer<PublishDiagnosticsParams> diagnostics) implements LanguageClient {
        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.accept(params);
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
