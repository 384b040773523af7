package dev.launchc.lsp;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.services.LanguageServer;

/** A started server and a client recording what it publishes, joined by {@link InProcessClient}. */
final class LspHarness implements AutoCloseable {
    final LanguageServer remote;
    final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    private final InProcessClient client;

    private LspHarness(LintSettings.Source settings, long debounceMs) {
        client = InProcessClient.connect(new LaunchcLanguageServer(settings, debounceMs), published::add);
        remote = client.server();
    }

    static LspHarness started(LintSettings.Source settings, long debounceMs) {
        return new LspHarness(settings, debounceMs);
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
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("no response from the server", e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
