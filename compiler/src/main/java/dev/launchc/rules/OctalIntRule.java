package dev.launchc.rules;

import dev.launchc.catalog.KubeFlags;
import dev.launchc.diag.Code;
import dev.launchc.resolve.KubeArgs;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * LC1042 (OCTAL_INTEGER): an integer flag of a Kubernetes component ({@code int}, {@code int32},
 * {@code uint} in the catalog) whose value has a leading zero, such as {@code --max-pods: 0150}.
 * MicroK8s writes the text as it is (yaml.v2 keeps a scalar's text for a string target), and the
 * flag library parses these types with Go's {@code strconv.ParseInt}/{@code ParseUint} in base 0,
 * where a leading {@code 0} means octal: {@code 0150} becomes 104, and {@code 0189} is refused, so
 * kubelite does not start. Quoting does not help; kubelite deletes the quotes.
 */
public final class OctalIntRule implements Rule {
    private static final Set<String> BASE_ZERO_TYPES = Set.of("int", "int32", "uint");
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]*[0-9][0-9_]*");

    /** A value with a leading zero that base 0 reads as octal: this rule's, not LC1028's. */
    static boolean readAsOctal(String value) {
        return LEADING_ZERO.matcher(value).matches();
    }

    @Override
    public void check(RuleContext ctx) {
        KubeFlags kube = ctx.kube();
        if (kube == null) {
            return;
        }
        ctx.forEachKubeArg((part, component, e) -> {
            KubeFlags.Flag flag = kube.flag(component, e.key());
            if (flag == null || !BASE_ZERO_TYPES.contains(flag.type())) {
                return;
            }
            String value = KubeArgs.kubeliteView(e.value()).strip();
            if (!readAsOctal(value)) {
                return;
            }
            String digits = value.replace("_", "").replaceFirst("^[-+]", "");
            String decimal = digits.replaceFirst("^0+(?=.)", "");
            if (digits.matches("[0-7]+")) {
                String octal = new BigInteger(digits, 8).toString();
                if (octal.equals(decimal)) {
                    return; // 00, 01 … 07 mean the same either way
                }
                ctx.atValue(Code.OCTAL_INTEGER, part, e.pointer(), component + " flag " + e.key() + " " + value
                        + " has a leading zero, so the flag parser reads it as octal: " + (value.startsWith("-") ? "-" : "")
                        + octal + ", not " + decimal, "write " + e.key() + ": " + (value.startsWith("-") ? "-" : "") + decimal);
            } else {
                ctx.atValue(Code.OCTAL_INTEGER, part, e.pointer(), component + " flag " + e.key() + " " + value
                        + " has a leading zero, so the flag parser reads it as octal and refuses the digits 8 and 9:"
                        + " kubelite does not start" + ctx.whenItRuns(component, e.key(), part), "write " + e.key() + ": " + (value.startsWith("-") ? "-" : "") + decimal);
            }
        });
    }
}
