package dev.launchc.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * launchc's language server. Documents are synchronised in full; each open or change schedules a
 * lint of that document after a short quiet period, and a newer change cancels a lint that has not
 * started and discards the result of one that has, so only the newest text's findings are published.
 * Files that are not launch configs get no findings, hovers or completions.
 */
public final class LaunchcLanguageServer implements LanguageServer, LanguageClientAware {
    /** How long a change waits for the next keystroke before it is linted. */
    public static final long DEFAULT_DEBOUNCE_MS = 30;

    private record Document(int version, String text) {}

    private final LintSettings.Source settings;
    private final long debounceMs;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private final Map<String, Analysis> analyses = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "launchc-lsp-lint");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final TextDocuments textDocuments = new TextDocuments();
    private final Workspace workspace = new Workspace();
    private volatile LanguageClient client;
    private volatile boolean shutdown;

    public LaunchcLanguageServer(LintSettings.Source settings, long debounceMs) {
        this.settings = settings;
        this.debounceMs = debounceMs;
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    /** Completes with the process's exit code when the client sends {@code exit}: 0 after {@code shutdown}, else 1. */
    public CompletableFuture<Integer> exitCode() {
        return exit;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities caps = new ServerCapabilities();
        caps.setTextDocumentSync(TextDocumentSyncKind.Full);
        caps.setHoverProvider(true);
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        caps.setCompletionProvider(new CompletionOptions(false, List.of("-", "/")));
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("launchc")));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        worker.shutdownNow();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        worker.shutdownNow();
        exit.complete(shutdown ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textDocuments;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    private void changed(String uri, int version, String text, long delayMs) {
        documents.put(uri, new Document(version, text));
        if (worker.isShutdown()) {
            return;
        }
        Future<?> next = worker.schedule(() -> lintAndPublish(uri), delayMs, TimeUnit.MILLISECONDS);
        Future<?> previous = pending.put(uri, next);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private void lintAndPublish(String uri) {
        Document doc = documents.get(uri);
        if (doc == null) {
            return;
        }
        Analysis analysis = analyze(uri, doc);
        Document now = documents.get(uri);
        if (now == null || now.version() != doc.version()) {
            return; // a newer change arrived while this one was linted: its own run publishes
        }
        analyses.put(uri, analysis);
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri,
                    analysis.findings().stream().map(Analysis.Finding::lsp).toList(), doc.version()));
        }
    }

    private Analysis analyze(String uri, Document doc) {
        Path path = pathOf(uri);
        String name = path != null ? path.toString() : uri;
        return Analyzer.analyze(uri, doc.version(), name, doc.text(), settings.forFile(path));
    }

    /** The analysis of the document's current text: the published one, or a fresh lint if it is behind. */
    private Analysis current(String uri) {
        Document doc = documents.get(uri);
        if (doc == null) {
            return null;
        }
        Analysis known = analyses.get(uri);
        return known != null && known.version() == doc.version() && known.text().equals(doc.text()) ? known : analyze(uri, doc);
    }

    private static Path pathOf(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u) : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    private final class TextDocuments implements TextDocumentService {
        @Override
        public void didOpen(DidOpenTextDocumentParams params) {
            var doc = params.getTextDocument();
            changed(doc.getUri(), doc.getVersion(), doc.getText(), 0);
        }

        @Override
        public void didChange(DidChangeTextDocumentParams params) {
            var changes = params.getContentChanges();
            if (changes.isEmpty()) {
                return;
            }
            // Full synchronisation: the last change holds the whole text.
            String text = changes.get(changes.size() - 1).getText();
            changed(params.getTextDocument().getUri(), params.getTextDocument().getVersion(), text, debounceMs);
        }

        @Override
        public void didClose(DidCloseTextDocumentParams params) {
            String uri = params.getTextDocument().getUri();
            documents.remove(uri);
            analyses.remove(uri);
            Future<?> p = pending.remove(uri);
            if (p != null) {
                p.cancel(false);
            }
            LanguageClient c = client;
            if (c != null) {
                c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
            }
        }

        @Override
        public void didSave(DidSaveTextDocumentParams params) {
            // The text is already known from didChange.
        }

        @Override
        public CompletableFuture<Hover> hover(HoverParams params) {
            return CompletableFuture.supplyAsync(() -> {
                Analysis a = current(params.getTextDocument().getUri());
                return a == null || !a.isLaunchConfig() ? null : Hovers.at(a, params.getPosition()).orElse(null);
            });
        }

        @Override
        public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
            return CompletableFuture.supplyAsync(() -> {
                Analysis a = current(params.getTextDocument().getUri());
                if (a == null || !a.isLaunchConfig()) {
                    return List.of();
                }
                return QuickFixes.forRange(a, params.getRange()).stream().map(Either::<Command, CodeAction>forRight).toList();
            });
        }

        @Override
        public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
            return CompletableFuture.supplyAsync(() -> {
                Analysis a = current(params.getTextDocument().getUri());
                List<CompletionItem> items = a == null || !a.isLaunchConfig() ? List.of() : Completions.at(a, params.getPosition());
                return Either.forRight(new CompletionList(false, items));
            });
        }
    }

    private static final class Workspace implements WorkspaceService {
        @Override
        public void didChangeConfiguration(DidChangeConfigurationParams params) {
            // No client-side settings yet: mode and target come from the settings source.
        }

        @Override
        public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
            // Nothing watched.
        }
    }
}
