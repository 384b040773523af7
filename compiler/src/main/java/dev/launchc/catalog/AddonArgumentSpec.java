package dev.launchc.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchc.diag.DidYouMean;
import dev.launchc.diag.Quote;
import dev.launchc.net.Inet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code args} spec of the addon facts (addons-extra.json): the options and positional
 * arguments a {@code microk8s enable} or {@code disable} of the addon accepts on a range of tracks,
 * and the interpreter that judges written arguments against it. {@link #check} finds an unknown
 * option when the spec is {@code complete}, a missing value, a value outside {@code values} or not
 * matching {@code pattern}, a missing {@code required} option, an old and a new option name
 * together, too many positional arguments, a wrong literal, and value checks by {@code meta}:
 * MetalLB ranges ({@code A-B|CIDR[,...]}), IP addresses, nameservers ({@code IP[,IP...] |
 * /etc/resolv.conf}, as the core dns addon's {@code enable} script checks each comma- or
 * space-separated entry with {@code ip route get}); also arguments to an alias that does not
 * forward them, and a colon form ({@code name:a:b}) that splits an address or URL. It returns what
 * is wrong; the native rule (LC1040) and the cluster rule (LC3015) turn that into diagnostics
 * with their own code.
 *
 * @param action      "enable" or "disable"
 * @param complete    the spec lists every option, so an unknown one is an error
 * @param takesNoArgs the script takes no arguments at all
 */
public record AddonArgumentSpec(String action, boolean complete, boolean takesNoArgs, List<Flag> flags,
        List<Positional> positional, TrackRange range) {

    /**
     * One option. {@code value} is null when the spec does not say whether it takes one (then it is
     * a switch that tolerates {@code =value}); {@code replacedBy} names the option that supersedes a
     * deprecated one. Texts are null when the spec leaves them out.
     */
    public record Flag(String name, String shortName, String negation, Boolean value, boolean required, String replacedBy,
            boolean hidden, String meta, String defaultValue, List<String> values, String pattern, String note) {}

    /**
     * One positional argument at {@code index} (1-based): {@code form} "value", "literal" (exactly
     * {@code literal}) or "key=value" (prefixed by {@code key=}); {@code meta} names its value check;
     * {@code emptyIsAbsent}: the script takes an empty argument as a missing one; {@code defaultValue}
     * what the script uses when it is missing, where that is fixed (else null).
     */
    public record Positional(int index, String form, String literal, String key, String meta, String name, TrackRange range,
            boolean emptyIsAbsent, String defaultValue) {}

    /** One argument with the pointer of the value it came from. */
    public record Arg(String text, String pointer) {}

    /**
     * One addon enable or disable as written: {@code name} without its repository, the arguments
     * (those of the colon form first, pointing at the name), {@code pointer} the name's pointer.
     */
    public record Use(String name, String canonical, boolean disable, List<Arg> args, String pointer, boolean colonForm) {}

    /** What is wrong with the arguments, at {@code pointer}. */
    public record Problem(String pointer, String message, String hint) {}

    /**
     * What was checked: the facts and args spec used ({@code spec} null when the facts have none),
     * the positional count, and the problems found. {@code stopped} when a finding about the whole
     * argument list (an alias that drops them, a split colon form) ended the check.
     */
    public record Checked(AddonFacts facts, AddonArgumentSpec spec, int positional, List<Problem> problems, boolean stopped) {}

    /** Where the interpreter reports. */
    @FunctionalInterface
    interface Sink {
        void report(String pointer, String message, String hint);
    }

    static AddonArgumentSpec parse(JsonNode s) {
        return new AddonArgumentSpec(s.path("action").asText(), s.path("complete").asBoolean(false),
                s.path("takesNoArgs").asBoolean(false),
                AddonFacts.list(s.path("flags"), f -> new Flag(f.path("name").asText(), AddonFacts.text(f, "short"),
                        AddonFacts.text(f, "negation"), f.has("value") ? f.path("value").asBoolean(false) : null,
                        f.path("required").asBoolean(false), AddonFacts.text(f.path("deprecated"), "replacement"),
                        f.path("hidden").asBoolean(false), AddonFacts.text(f, "meta"), AddonFacts.text(f, "default"),
                        f.path("values").isArray() ? Catalog.strings(f.path("values")) : List.of(),
                        AddonFacts.text(f, "pattern"), AddonFacts.text(f, "note"))),
                AddonFacts.list(s.path("positional"), p -> new Positional(p.path("index").asInt(), p.path("form").asText("value"),
                        AddonFacts.text(p, "literal"), AddonFacts.text(p, "key"), AddonFacts.text(p, "meta"),
                        AddonFacts.text(p, "name"), TrackRange.of(p), p.path("emptyIsAbsent").asBoolean(false),
                        AddonFacts.text(p, "default"))),
                TrackRange.of(s));
    }

    /** What the script uses for a missing positional argument {@code index} on {@code track}, where that is fixed; else null. */
    public String positionalDefault(int index, String track) {
        for (Positional p : positional) {
            if (p.index() == index && p.range().holds(track) && p.defaultValue() != null) {
                return p.defaultValue();
            }
        }
        return null;
    }

    /** Checks the arguments of {@code u} on {@code track} against the addon facts. */
    public static Checked check(String track, Use u) {
        List<Problem> problems = new ArrayList<>();
        Sink sink = (pointer, message, hint) -> problems.add(new Problem(pointer, message, hint));
        String action = u.disable() ? "disable" : "enable";
        AddonFacts own = Catalog.get().addonFacts(u.name());
        AddonFacts.Alias alias = own.aliasOn(track);
        AddonFacts facts = own;
        if (alias != null) {
            String forwards = alias.forwardsArgs();
            if (forwards.equals("none") && !u.args().isEmpty()) {
                sink.report(u.args().get(0).pointer(), u.name() + " does not pass its arguments on to "
                        + u.canonical() + ": MicroK8s ignores them, so " + u.canonical() + " is set up with its defaults",
                        "use " + u.canonical() + " with its own options");
                return stopped(own, problems);
            }
            if (forwards.equals("first") && u.args().size() > 1) {
                sink.report(u.args().get(1).pointer(), u.name() + " passes only its first argument on"
                        + " to " + u.canonical() + ": MicroK8s ignores the others", "use " + u.canonical() + " directly");
                return stopped(own, problems);
            }
            if (forwards.equals("all")) {
                facts = Catalog.get().addonFacts(u.canonical());
            }
        }
        if (u.colonForm()) {
            String tail = String.join(":", u.args().stream().limit(countColon(u)).map(Arg::text).toList());
            if (tail.contains("::") || tail.contains("://") || tail.contains("[")) {
                sink.report(u.pointer(), "the colon form '" + Quote.printable(u.name() + ":" + tail)
                        + "' is split at every ':', so " + u.name() + " gets " + countColon(u) + " arguments instead of"
                        + " the address or URL: the " + action + " script rejects them or reads the wrong values",
                        "write name: " + u.name() + " and put the value into args: [\"" + Quote.printable(tail) + "\"]");
                return stopped(facts, problems);
            }
        }
        AddonArgumentSpec spec = facts.argsFor(action, track);
        int positional = spec == null ? 0 : new Walk(track, u, spec, action, sink).run();
        if (spec == null) {
            positional = (int) u.args().stream().filter(a -> !a.text().startsWith("-")).count();
        }
        return new Checked(facts, spec, positional, List.copyOf(problems), false);
    }

    private static Checked stopped(AddonFacts facts, List<Problem> problems) {
        return new Checked(facts, null, 0, List.copyOf(problems), true);
    }

    /** An example of the first positional argument, for a hint ("10.64.140.43-10.64.140.49" for MetalLB ranges), or null. */
    public String positionalExample() {
        for (Positional p : positional) {
            if (p.literal() != null) {
                return p.literal();
            }
            String meta = or(p.meta(), "");
            if (meta.startsWith("A-B")) {
                return "10.64.140.43-10.64.140.49";
            }
            if (!meta.isEmpty()) {
                return meta;
            }
        }
        return null;
    }

    /** How many of the arguments came from the colon form of the name (they come first). */
    private static long countColon(Use u) {
        return u.args().stream().filter(a -> a.pointer().equals(u.pointer())).count();
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** Walks the arguments of one addon against one args spec. */
    private static final class Walk {
        private final String track;
        private final Sink sink;
        private final Use use;
        private final AddonArgumentSpec spec;
        private final String action;
        private final boolean complete;
        private final Set<String> used = new LinkedHashSet<>();
        private boolean tooMany;

        Walk(String track, Use use, AddonArgumentSpec spec, String action, Sink sink) {
            this.track = track;
            this.sink = sink;
            this.use = use;
            this.spec = spec;
            this.action = action;
            this.complete = spec.complete();
        }

        /** Checks every argument; returns how many positional arguments there were. */
        int run() {
            List<Arg> args = use.args();
            String who = use.name() + (action.equals("disable") ? " (disable)" : "");
            if (spec.takesNoArgs()) {
                if (!args.isEmpty()) {
                    report(args.get(0), who + " takes no arguments: MicroK8s ignores '" + Quote.printable(args.get(0).text())
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
            for (Flag f : spec.flags()) {
                if (f.required() && !used.contains(f.name())) {
                    reportAt(use.pointer(), who + " needs " + f.name() + ": its " + action
                            + " script refuses to run without it, so " + use.name() + " is not " + action + "d",
                            "add " + f.name() + " to the args of " + use.name());
                }
                String replacement = f.replacedBy();
                String name = f.name();
                if (replacement != null && used.contains(name) && used.contains(replacement)) {
                    reportAt(use.pointer(), who + " gets both " + name + " and " + replacement
                            + ", the old and the new name of one option: the addon refuses them together",
                            "keep " + replacement + " only");
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
            Flag flag = null;
            boolean negation = false;
            for (Flag f : spec.flags()) {
                if (name.equals(f.name()) || name.equals(f.shortName())) {
                    flag = f;
                } else if (name.equals(f.negation())) {
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
                    spec.flags().forEach(f -> {
                        if (!f.hidden()) {
                            names.add(f.name());
                        }
                    });
                    String hint = DidYouMean.closest(name, names).map(n -> "did you mean " + n + "?")
                            .orElse(names.isEmpty() ? "remove it: " + use.name() + " takes no options"
                                    : "its options: " + Quote.list(names, 8));
                    report(a, who + " has no option " + Quote.printable(name) + " on " + track
                            + ": the addon's " + action + " script rejects it, so " + use.name() + " is not " + action + "d",
                            hint);
                }
                return i;
            }
            String canonicalName = flag.name();
            used.add(canonicalName);
            boolean takesValue = Boolean.TRUE.equals(flag.value()) && !negation;
            if (!takesValue) {
                if (value != null && flag.value() != null) {
                    report(a, "option " + name + " of " + who + " is a switch and takes no value, not '"
                            + Quote.printable(value) + "'", "write " + name + " alone");
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
                            + (flag.meta() != null ? " (" + flag.meta() + ")" : ""), "write " + canonicalName
                            + "=" + or(flag.defaultValue(), or(flag.meta(), "VALUE")));
                    return i;
                }
            }
            value(at, flag, canonicalName, value, who);
            return last;
        }

        private void value(Arg at, Flag flag, String name, String value, String who) {
            if (!flag.values().isEmpty()) {
                List<String> allowed = flag.values();
                if (!allowed.contains(value)) {
                    String same = allowed.stream().filter(v -> v.equalsIgnoreCase(value)).findFirst().orElse(null);
                    report(at, "option " + name + " of " + who + " takes " + String.join(" or ", allowed) + ", not '"
                            + Quote.printable(value) + "': the " + action + " script rejects it, so " + use.name() + " is not "
                            + action + "d", same != null ? "write " + name + "=" + same : "use one of " + String.join(", ", allowed));
                    return;
                }
            }
            String pattern = flag.pattern();
            if (pattern != null) {
                boolean ok;
                try {
                    ok = Pattern.compile(pattern).matcher(value).find();
                } catch (PatternSyntaxException e) {
                    ok = true;
                }
                if (!ok) {
                    String note = flag.note();
                    report(at, "option " + name + " of " + who + " does not accept '" + Quote.printable(value) + "'"
                            + (note == null ? "" : " (it must be " + note + ")") + ": the " + action
                            + " script rejects it, so " + use.name() + " is not " + action + "d",
                            "write e.g. " + name + "=" + or(flag.defaultValue(), "…"));
                }
            }
        }

        private void positional(Arg a, int index, String who) {
            List<Positional> candidates = new ArrayList<>();
            int max = 0;
            for (Positional p : spec.positional()) {
                if (!p.range().holds(track)) {
                    continue;
                }
                max = Math.max(max, p.index());
                if (p.index() == index) {
                    candidates.add(p);
                }
            }
            if (candidates.isEmpty()) {
                if (complete && !tooMany) {
                    tooMany = true;
                    report(a, who + " takes " + (max == 0 ? "no positional arguments" : "at most " + max
                            + " positional argument" + (max == 1 ? "" : "s")) + " on " + track
                            + ", so '" + Quote.printable(a.text()) + "' is not used as intended",
                            use.colonForm() ? "the colon form splits at every ':', so IPv6 addresses and URLs need the args list"
                                    : "remove it");
                }
                return;
            }
            List<String> literals = new ArrayList<>();
            for (Positional p : candidates) {
                String form = p.form();
                if (form.equals("literal")) {
                    if (or(p.literal(), "").equals(a.text())) {
                        return;
                    }
                    literals.add(or(p.literal(), ""));
                } else if (form.equals("key=value")) {
                    String key = or(p.key(), "");
                    if (!a.text().startsWith(key + "=")) {
                        report(a, who + " expects " + key + "=" + or(p.meta(), "VALUE") + " as argument " + index
                                + ", not '" + Quote.printable(a.text()) + "'", "write " + key + "=…");
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
                        + Quote.printable(a.text()) + "'", "write " + literals.get(0));
            }
        }

        /** Value checks by the positional's {@code meta}. */
        private void meta(Arg a, String value, Positional p, String who) {
            if (value.isEmpty() && p.emptyIsAbsent()) {
                return; // the script's default, as when the argument is not given
            }
            String meta = or(p.meta(), "");
            String problem = null;
            String hint = null;
            if (meta.startsWith("A-B")) {
                problem = rangesProblem(value);
                hint = "write ranges as FIRST-LAST (10.64.140.43-10.64.140.49) or CIDRs (192.168.1.240/28), comma-separated";
            } else if (meta.equals("IP") || meta.equals("A.B.C.D")) {
                if (Inet.parseIp(value) == null) {
                    problem = "'" + Quote.printable(value) + "' is not an IP address";
                    hint = "write an IP address such as " + (meta.equals("IP") ? "10.152.183.10" : "10.0.1.1");
                }
            } else if (meta.startsWith("IP[,IP")) {
                problem = nameserversProblem(value);
                hint = "list nameserver IP addresses separated by ',' (no port, no host names), or /etc/resolv.conf";
            }
            if (problem != null) {
                report(a, "argument " + p.index() + " (" + or(p.name(), "") + ") of " + who + ": "
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
                return "'" + Quote.printable(part) + "' holds a space";
            }
            if (part.indexOf('/') >= 0) {
                if (Inet.parseCidr(part) == null) {
                    return "'" + Quote.printable(part) + "' is not a CIDR";
                }
                continue;
            }
            int dash = part.indexOf('-');
            if (dash < 0) {
                return "'" + Quote.printable(part) + "' is neither a range FIRST-LAST nor a CIDR";
            }
            byte[] from = Inet.parseIp(part.substring(0, dash));
            byte[] to = Inet.parseIp(part.substring(dash + 1));
            if (from == null || to == null) {
                return "'" + Quote.printable(part) + "' is not a range of two IP addresses";
            }
            if (from.length != to.length) {
                return "'" + Quote.printable(part) + "' mixes IPv4 and IPv6";
            }
            if (new BigInteger(1, from).compareTo(new BigInteger(1, to)) > 0) {
                return "'" + Quote.printable(part) + "' ends before it starts";
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
                return "'" + Quote.printable(ns) + "' is not an IP address"
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
}
