package dev.launchc.rules;

import dev.launchc.diag.Code;
import dev.launchc.model.internal.Part;

/**
 * LC1025 (SHORT_TOKEN): a non-empty persistentClusterToken shorter than 32 characters. MicroK8s
 * appends it to {@code credentials/persistent-cluster-tokens.txt} without checking, but
 * {@code microk8s join} refuses tokens shorter than 32 characters (reference launch-config-facts
 * §4.10), so no node can ever join with it. The token is a secret: only its length is reported.
 */
public final class TokenRule implements Rule {
    static final int MIN_LENGTH = 32;

    @Override
    public void check(RuleContext ctx) {
        for (Part part : ctx.config().parts()) {
            if (part.persistentClusterToken() == null) {
                continue;
            }
            String token = part.persistentClusterToken().text();
            int length = token.codePointCount(0, token.length());
            if (length == 0 || length >= MIN_LENGTH) {
                continue;
            }
            ctx.atValue(Code.SHORT_TOKEN, part, part.persistentClusterToken().pointer(),
                    "persistentClusterToken has " + length + " character" + (length == 1 ? "" : "s")
                            + "; microk8s join requires at least " + MIN_LENGTH + ", so no node can join with it",
                    "use a random token of 32 characters, e.g. the output of 'openssl rand -hex 16'");
        }
    }
}
