package dev.launchc.render;

import dev.launchc.plan.FileContent;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders structured file contents with the FreeMarker templates under {@code templates/}. The
 * square-bracket syntax keeps the templates' own {@code ${SNAP_DATA}} text literal.
 */
public final class TemplateRenderer {
    private static final Configuration CONFIG = configure();

    private TemplateRenderer() {}

    private static Configuration configure() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(TemplateRenderer.class, "templates");
        c.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        c.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        c.setDefaultEncoding("UTF-8");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setNumberFormat("computer");
        c.setSharedVariable("toml", (TemplateMethodModelEx) args -> Escape.toml(string(args)));
        c.setSharedVariable("shell", (TemplateMethodModelEx) args -> Escape.shell(string(args)));
        c.setSharedVariable("yq", (TemplateMethodModelEx) args -> Escape.yamlQuoted(string(args)));
        c.setSharedVariable("comment", (TemplateMethodModelEx) args -> Escape.yamlComment(string(args)));
        c.setSharedVariable("block", (TemplateMethodModelEx) args -> {
            if (args.size() != 2) {
                throw new TemplateModelException("block(text, indent)");
            }
            return Escape.yamlBlock(String.valueOf(args.get(0)), String.valueOf(args.get(1)));
        });
        return c;
    }

    private static String string(List<?> args) throws TemplateModelException {
        if (args.size() != 1) {
            throw new TemplateModelException("expects one argument");
        }
        return String.valueOf(args.get(0));
    }

    public static String render(String template, Map<String, Object> model) {
        try {
            Template t = CONFIG.getTemplate(template);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + template + ": " + e.getMessage(), e);
        }
    }

    /** Renders a structured file; {@link FileContent.Text} passes through. */
    public static String render(FileContent content) {
        if (content instanceof FileContent.Text t) {
            return t.text();
        }
        if (content instanceof FileContent.CsrConf csr) {
            Map<String, Object> m = new HashMap<>();
            m.put("generated", csr.generated());
            m.put("first", csr.generated() ? 0 : 1);
            m.put("dnsNames", csr.dnsNames());
            m.put("ipAddresses", csr.ipAddresses());
            return render("csr.conf.template.ftl", m);
        }
        if (content instanceof FileContent.ContainerdTemplate ct) {
            return render("containerd-template.toml.ftl", Map.of("sandboxImage", ct.sandboxImage()));
        }
        if (content instanceof FileContent.HostsToml h) {
            Map<String, Object> m = new HashMap<>();
            if (h.server() != null) {
                m.put("server", h.server());
            }
            m.put("hosts", h.hosts().stream().map(TemplateRenderer::host).toList());
            return render("hosts.toml.ftl", m);
        }
        throw new IllegalArgumentException("no renderer for " + content.getClass().getSimpleName());
    }

    private static Map<String, Object> host(FileContent.HostEntry e) {
        Map<String, Object> m = new HashMap<>();
        m.put("url", e.url());
        m.put("capabilities", e.capabilities());
        if (e.ca() != null) {
            m.put("ca", e.ca());
        }
        if (e.clientCert() != null) {
            m.put("clientCert", e.clientCert());
        }
        if (e.clientKey() != null) {
            m.put("clientKey", e.clientKey());
        }
        m.put("skipVerify", e.skipVerify());
        m.put("overridePath", e.overridePath());
        return m;
    }
}
