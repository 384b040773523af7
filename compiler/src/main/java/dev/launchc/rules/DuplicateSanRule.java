package dev.launchc.rules;

import dev.launchc.diag.Code;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.Value;
import dev.launchc.net.Inet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * LC2010 (DUPLICATE_SAN): an extraSANs entry that an earlier entry of the same part already names:
 * the same IP address (however written: {@code fd00::1} and {@code fd00:0::1}) or the same DNS name
 * (DNS names compare without case). MicroK8s writes both into the CSR template (reference
 * launch-config-facts §4.4), so the certificate lists the name twice; the copy is usually a
 * leftover of an edit that meant another address. Parts replace the template whole, so entries of
 * different parts are not compared. Entries LC1012 rejects are left to it.
 */
public final class DuplicateSanRule implements Rule {
    @Override
    public void check(RuleContext ctx) {
        for (Part part : ctx.config().parts()) {
            if (part.extraSANs() == null) {
                continue;
            }
            Map<String, Value> seen = new HashMap<>();
            for (Value san : part.extraSANs()) {
                if (SanRule.problem(san.text()) != null) {
                    continue;
                }
                Value first = seen.putIfAbsent(identity(san.text()), san);
                if (first != null) {
                    ctx.atValue(Code.DUPLICATE_SAN, part, san.pointer(), "extraSANs entry '" + san.text()
                            + "' repeats '" + first.text() + "' on line " + part.source().valuePos(first.pointer()).line()
                            + ": the certificate lists it twice",
                            "remove the copy, or write the address you meant");
                }
            }
        }
    }

    /** One key per certificate name: the address's bytes for an IP, the lower-cased name otherwise. */
    private static String identity(String san) {
        byte[] ip = Inet.parseIp(san);
        return ip != null ? "ip:" + Inet.format(ip) : "dns:" + san.toLowerCase(Locale.ROOT);
    }
}
