package dev.launchc.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchc.catalog.Catalog;
import dev.launchc.diag.DidYouMean;
import dev.launchc.net.Inet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The arguments of one {@code microk8s enable}/{@code disable} against the addon facts' {@code args}
 * spec for the track and action (addons-extra.json): an unknown option when the spec is
 * {@code complete}, a missing value, a value outside {@code values} or not matching
 * {@code pattern}, a missing {@code required} option, an old and a new option name together, too
 * many positional arguments, a wrong literal, and value checks by {@code meta}: MetalLB ranges
 * ({@code A-B|CIDR[,...]}), IP addresses, nameservers ({@code IP[,IP...] | /etc/resolv.conf}, as
 * the core dns addon's {@code enable} script checks each comma- or space-separated entry with
 * {@code ip route get}); also arguments to an alias that does not forward them, and a colon form
 * ({@code name:a:b}) that splits an address or URL. The native rule (LC1040) and the cluster rule
 * (LC3015) share it and pick their own code.
 */
public final class AddonArgCheck {
    private AddonArgCheck() {}

    /** One argument with the pointer of the value it came from. */
    public record Arg(String text, String pointer) {}

    /**
     * One addon enable or disable as written: {@code name} without its repository, the arguments
     * (those of the colon form first, pointing at the name), {@code pointer} the name's pointer.
     */
    public record Use(String name, String canonical, boolean disable, List<Arg> args, String pointer, boolean colonForm) {}

    /** Where findings go; the caller chooses the diagnostic code. */
    @FunctionalInterface
    public interface Sink {
        void report(String pointer, String message, String hint);
    }

    /** What was checked: the facts and args spec used (null when the facts have none) and the positional count. */
    public record Result(JsonNode facts, JsonNode spec, int positional) {}

    /** {@code addons.<name>} of the cross-track addon facts; a missing node when the facts lack it. */
    public static JsonNode addonFacts(String name) {
        return Catalog.get().addonFacts().path("addons").path(name);
    }

    /** The addon a name enables on the track: the alias target when the facts say so for the track. */
    public static String canonical(String name, String track) {
        JsonNode alias = addonFacts(name).path("aliasOf");
        if (!alias.isMissingNode() && Catalog.inRange(track, alias)) {
            return alias.path("addon").asText(name);
        }
        return name;
    }

    /**
     * Checks the arguments of {@code u} on {@code track}; null when a finding about the whole
     * argument list (an alias that drops them, a split colon form) ended the check.
     */
    public static Result check(String track, Use u, Sink sink) {
        String action = u.disable() ? "disable" : "enable";
        JsonNode own = addonFacts(u.name());
        JsonNode alias = own.path("aliasOf");
        JsonNode facts = own;
        if (!alias.isMissingNode() && Catalog.inRange(track, alias)) {
            String forwards = alias.path("forwardsArgs").asText("all");
            if (forwards.equals("none") && !u.args().isEmpty()) {
                sink.report(u.args().get(0).pointer(), u.name() + " does not pass its arguments on to "
                        + u.canonical() + ": MicroK8s ignores them, so " + u.canonical() + " is set up with its defaults",
                        "use " + u.canonical() + " with its own options");
                return null;
            }
            if (forwards.equals("first") && u.args().size() > 1) {
                sink.report(u.args().get(1).pointer(), u.name() + " passes only its first argument on"
                        + " to " + u.canonical() + ": MicroK8s ignores the others", "use " + u.canonical() + " directly");
                return null;
            }
            if (forwards.equals("all")) {
                facts = addonFacts(u.canonical());
            }
        }
        if (u.colonForm()) {
            String tail = String.join(":", u.args().stream().limit(countColon(u)).map(Arg::text).toList());
            if (tail.contains("::") || tail.contains("://") || tail.contains("[")) {
                sink.report(u.pointer(), "the colon form '" + printable(u.name() + ":" + tail)
                        + "' is split at every ':', so " + u.name() + " gets " + countColon(u) + " arguments instead of"
                        + " the address or URL: the " + action + " script rejects them or reads the wrong values",
                        "write name: " + u.name() + " and put the value into args: [\"" + printable(tail) + "\"]");
                return null;
            }
        }
        JsonNode spec = null;
        for (JsonNode s : facts.path("args")) {
            if (s.path("action").asText().equals(action) && Catalog.inRange(track, s)) {
                spec = s;
                break;
            }
        }
        int positional = spec == null ? 0 : new Walk(track, u, spec, action, sink).run();
        if (spec == null) {
            positional = (int) u.args().stream().filter(a -> !a.text().startsWith("-")).count();
        }
        return new Result(facts, spec, positional);
    }

    /** How many of the arguments came from the colon form of the name (they come first). */
    private static long countColon(Use u) {
        return u.args().stream().filter(a -> a.pointer().equals(u.pointer())).count();
    }

    /** Walks the arguments of one addon against one args spec. */
    private static final class Walk {
        private final String track;
        private final Sink sink;
        private final Use use;
        private final JsonNode spec;
        private final String action;
        private final boolean complete;
        private final Set<String> used = new LinkedHashSet<>();
        private boolean tooMany;

        Walk(String track, Use use, JsonNode spec, String action, Sink sink) {
            this.track = track;
            this.sink = sink;
            this.use = use;
            this.spec = spec;
            this.action = action;
            this.complete = spec.path("complete").asBoolean(false);
        }

        /** Checks every argument; returns how many positional arguments there were. */
        int run() {
            List<Arg> args = use.args();
            String who = use.name() + (action.equals("disable") ? " (disable)" : "");
            if (spec.path("takesNoArgs").asBoolean(false)) {
                if (!args.isEmpty()) {
                    report(args.get(0), who + " takes no arguments: MicroK8s ignores '" + printable(args.get(0).text())
                            + "', so the addon is not set up the way the file asks", "remove the args of " + use.name());
                }
                return args.size();
            }
            int positional = 0;
            for (int i = 0; i < args.size(); i++) {
                Arg a = args.get(i);
                String t = a.text();
                if (isOption(t)) {
                    i = option(args, i, who);
                } else {
                    positional++;
                    positional(a, positional, who);
                }
            }
            for (JsonNode f : spec.path("flags")) {
                if (f.path("required").asBoolean(false) && !used.contains(f.path("name").asText())) {
                    reportAt(use.pointer(), who + " needs " + f.path("name").asText() + ": its " + action
                            + " script refuses to run without it, so " + use.name() + " is not " + action + "d",
                            "add " + f.path("name").asText() + " to the args of " + use.name());
                }
                JsonNode dep = f.path("deprecated").path("replacement");
                String name = f.path("name").asText();
                if (!dep.isMissingNode() && used.contains(name) && used.contains(dep.asText())) {
                    reportAt(use.pointer(), who + " gets both " + name + " and " + dep.asText()
                            + ", the old and the new name of one option: the addon refuses them together",
                            "keep " + dep.asText() + " only");
                }
            }
            return positional;
        }

        private static boolean isOption(String t) {
            return t.length() > 1 && t.startsWith("-") && !Character.isDigit(t.charAt(1));
        }

        /** One option at {@code args[i]}; returns the index of the last argument it consumed. */
        private int option(List<Arg> args, int i, String who) {
            Arg a = args.get(i);
            String t = a.text();
            String name = t;
            String value = null;
            int eq = t.indexOf('=');
            if (eq > 0) {
                name = t.substring(0, eq);
                value = t.substring(eq + 1);
            }
            JsonNode flag = null;
            boolean negation = false;
            for (JsonNode f : spec.path("flags")) {
                if (name.equals(f.path("name").asText()) || name.equals(f.path("short").asText(null))) {
                    flag = f;
                } else if (name.equals(f.path("negation").asText(null))) {
                    flag = f;
                    negation = true;
                }
                if (flag != null) {
                    break;
                }
            }
            if (flag == null) {
                if (complete) {
                    List<String> names = new ArrayList<>();
                    spec.path("flags").forEach(f -> {
                        if (!f.path("hidden").asBoolean(false)) {
                            names.add(f.path("name").asText());
                        }
                    });
                    String hint = DidYouMean.closest(name, names).map(n -> "did you mean " + n + "?")
                            .orElse(names.isEmpty() ? "remove it: " + use.name() + " takes no options"
                                    : "its options: " + list(names, 8));
                    report(a, who + " has no option " + printable(name) + " on " + track
                            + ": the addon's " + action + " script rejects it, so " + use.name() + " is not " + action + "d",
                            hint);
                }
                return i;
            }
            String canonicalName = flag.path("name").asText();
            used.add(canonicalName);
            boolean takesValue = flag.path("value").asBoolean(false) && !negation;
            if (!takesValue) {
                if (value != null && flag.has("value")) {
                    report(a, "option " + name + " of " + who + " is a switch and takes no value, not '"
                            + printable(value) + "'", "write " + name + " alone");
                }
                return i;
            }
            int last = i;
            Arg at = a;
            if (value == null) {
                if (i + 1 < args.size() && !isOption(args.get(i + 1).text())) {
                    last = i + 1;
                    at = args.get(i + 1);
                    value = at.text();
                } else {
                    report(a, "option " + name + " of " + who + " needs a value"
                            + (flag.has("meta") ? " (" + flag.path("meta").asText() + ")" : ""), "write " + canonicalName
                            + "=" + flag.path("default").asText(flag.path("meta").asText("VALUE")));
                    return i;
                }
            }
            value(at, flag, canonicalName, value, who);
            return last;
        }

        private void value(Arg at, JsonNode flag, String name, String value, String who) {
            JsonNode values = flag.path("values");
            if (values.isArray() && !values.isEmpty()) {
                List<String> allowed = new ArrayList<>();
                values.forEach(v -> allowed.add(v.asText()));
                if (!allowed.contains(value)) {
                    String same = allowed.stream().filter(v -> v.equalsIgnoreCase(value)).findFirst().orElse(null);
                    report(at, "option " + name + " of " + who + " takes " + String.join(" or ", allowed) + ", not '"
                            + printable(value) + "': the " + action + " script rejects it, so " + use.name() + " is not "
                            + action + "d", same != null ? "write " + name + "=" + same : "use one of " + String.join(", ", allowed));
                    return;
                }
            }
            String pattern = flag.path("pattern").asText(null);
            if (pattern != null) {
                boolean ok;
                try {
                    ok = Pattern.compile(pattern).matcher(value).find();
                } catch (PatternSyntaxException e) {
                    ok = true;
                }
                if (!ok) {
                    String note = flag.path("note").asText(null);
                    report(at, "option " + name + " of " + who + " does not accept '" + printable(value) + "'"
                            + (note == null ? "" : " (it must be " + note + ")") + ": the " + action
                            + " script rejects it, so " + use.name() + " is not " + action + "d",
                            "write e.g. " + name + "=" + flag.path("default").asText("…"));
                }
            }
        }

        private void positional(Arg a, int index, String who) {
            List<JsonNode> candidates = new ArrayList<>();
            int max = 0;
            for (JsonNode p : spec.path("positional")) {
                if (!Catalog.inRange(track, p)) {
                    continue;
                }
                max = Math.max(max, p.path("index").asInt());
                if (p.path("index").asInt() == index) {
                    candidates.add(p);
                }
            }
            if (candidates.isEmpty()) {
                if (complete && !tooMany) {
                    tooMany = true;
                    report(a, who + " takes " + (max == 0 ? "no positional arguments" : "at most " + max
                            + " positional argument" + (max == 1 ? "" : "s")) + " on " + track
                            + ", so '" + printable(a.text()) + "' is not used as intended",
                            use.colonForm() ? "the colon form splits at every ':', so IPv6 addresses and URLs need the args list"
                                    : "remove it");
                }
                return;
            }
            List<String> literals = new ArrayList<>();
            for (JsonNode p : candidates) {
                String form = p.path("form").asText("value");
                if (form.equals("literal")) {
                    if (p.path("literal").asText().equals(a.text())) {
                        return;
                    }
                    literals.add(p.path("literal").asText());
                } else if (form.equals("key=value")) {
                    String key = p.path("key").asText();
                    if (!a.text().startsWith(key + "=")) {
                        report(a, who + " expects " + key + "=" + p.path("meta").asText("VALUE") + " as argument " + index
                                + ", not '" + printable(a.text()) + "'", "write " + key + "=…");
                        return;
                    }
                    meta(a, a.text().substring(key.length() + 1), p, who);
                    return;
                } else {
                    meta(a, a.text(), p, who);
                    return;
                }
            }
            if (!literals.isEmpty()) {
                report(a, who + " takes " + String.join(" or ", literals) + " as argument " + index + ", not '"
                        + printable(a.text()) + "'", "write " + literals.get(0));
            }
        }

        /** Value checks by the positional's {@code meta}. */
        private void meta(Arg a, String value, JsonNode p, String who) {
            String meta = p.path("meta").asText("");
            String problem = null;
            String hint = null;
            if (meta.startsWith("A-B")) {
                problem = rangesProblem(value);
                hint = "write ranges as FIRST-LAST (10.64.140.43-10.64.140.49) or CIDRs (192.168.1.240/28), comma-separated";
            } else if (meta.equals("IP") || meta.equals("A.B.C.D")) {
                if (Inet.parseIp(value) == null) {
                    problem = "'" + printable(value) + "' is not an IP address";
                    hint = "write an IP address such as " + (meta.equals("IP") ? "10.152.183.10" : "10.0.1.1");
                }
            } else if (meta.startsWith("IP[,IP")) {
                problem = nameserversProblem(value);
                hint = "list nameserver IP addresses separated by ',' (no port, no host names), or /etc/resolv.conf";
            }
            if (problem != null) {
                report(a, "argument " + p.path("index").asInt() + " (" + p.path("name").asText() + ") of " + who + ": "
                        + problem + ": the " + action + " script rejects it, so " + use.name() + " is not set up", hint);
            }
        }

        private void report(Arg a, String message, String hint) {
            reportAt(a.pointer(), message, hint);
        }

        private void reportAt(String pointer, String message, String hint) {
            sink.report(pointer, message, hint);
        }
    }

    /** Why a MetalLB address list is not comma-separated {@code A-B} ranges or CIDRs, or null. */
    public static String rangesProblem(String value) {
        if (value.isEmpty()) {
            return "the address list is empty";
        }
        for (String part : value.split(",", -1)) {
            if (part.isEmpty()) {
                return "the address list has an empty entry";
            }
            if (!part.strip().equals(part) || part.indexOf(' ') >= 0) {
                return "'" + printable(part) + "' holds a space";
            }
            if (part.indexOf('/') >= 0) {
                if (Inet.parseCidr(part) == null) {
                    return "'" + printable(part) + "' is not a CIDR";
                }
                continue;
            }
            int dash = part.indexOf('-');
            if (dash < 0) {
                return "'" + printable(part) + "' is neither a range FIRST-LAST nor a CIDR";
            }
            byte[] from = Inet.parseIp(part.substring(0, dash));
            byte[] to = Inet.parseIp(part.substring(dash + 1));
            if (from == null || to == null) {
                return "'" + printable(part) + "' is not a range of two IP addresses";
            }
            if (from.length != to.length) {
                return "'" + printable(part) + "' mixes IPv4 and IPv6";
            }
            if (new BigInteger(1, from).compareTo(new BigInteger(1, to)) > 0) {
                return "'" + printable(part) + "' ends before it starts";
            }
        }
        return null;
    }

    /**
     * Why a dns addon nameserver argument is refused, or null. The core dns addon's {@code enable}
     * (canonical/microk8s-core-addons {@code addons/dns/enable}) reads the argument with
     * {@code read -ra}, turns every ',' into a blank and runs {@code ip route get} on each word,
     * exiting 1 for any that is not an address: {@code ;}-separated lists, {@code host:port} and
     * host names fail; an empty argument or {@code /etc/resolv.conf} means the host's resolvers.
     */
    public static String nameserversProblem(String value) {
        if (value.isBlank() || value.strip().equals("/etc/resolv.conf")) {
            return null;
        }
        for (String ns : value.strip().split("[,\\s]+")) {
            if (!ns.isEmpty() && Inet.parseIp(ns) == null) {
                return "'" + printable(ns) + "' is not an IP address"
                        + (ns.contains(";") ? " (separate nameservers with ',')" : ns.indexOf(':') > 0 && ns.indexOf(':') == ns.lastIndexOf(':')
                                ? " (a port cannot be given)" : "");
            }
        }
        return null;
    }

    /** Every argument of the legacy colon form {@code name:a:b}, split at each ':' as MicroK8s does; empty without one. */
    public static List<String> colonArgs(String token) {
        String t = token.strip();
        int c = t.indexOf(':');
        return c < 0 ? List.of() : List.of(t.substring(c + 1).split(":", -1));
    }

    /** Text safe to quote in a message: control characters shown as '?', cut at 80 characters. */
    public static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 80; i++) {
            char ch = s.charAt(i);
            sb.append(Character.isISOControl(ch) ? '?' : ch);
        }
        if (s.length() > 80) {
            sb.append('…');
        }
        return sb.toString();
    }

    /** "a, b, c" for up to {@code max} items, then "… (N in all)". */
    public static String list(List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + ", … (" + items.size() + " in all)";
    }
}
