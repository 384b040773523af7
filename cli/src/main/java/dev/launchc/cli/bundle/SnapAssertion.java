package dev.launchc.cli.bundle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers of the assertions in a {@code .assert} file as {@code snap download} writes it: a
 * stream of assertions, each a block of {@code key: value} lines, a blank line and a signature.
 * Only the headers launchc compares are read; signatures are snapd's job at {@code snap ack}.
 */
public final class SnapAssertion {
    /** The largest .assert launchc reads: a real one (account-key, declaration, revision) is a few KiB. */
    public static final int MAX_BYTES = 1 << 20;

    private final List<Map<String, String>> assertions;

    private SnapAssertion(List<Map<String, String>> assertions) {
        this.assertions = assertions;
    }

    public static SnapAssertion parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        List<Map<String, String>> out = new ArrayList<>();
        for (String block : text.split("\n\n")) {
            // A header block starts at its type line; a signature or body (base64) never has one.
            int start = block.startsWith("type:") ? 0 : block.indexOf("\ntype:") + 1;
            if (start == 0 && !block.startsWith("type:")) {
                continue;
            }
            String trimmed = block.substring(start).strip();
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : trimmed.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.startsWith(" ")) {
                    headers.putIfAbsent(line.substring(0, colon), line.substring(colon + 1).strip());
                }
            }
            out.add(headers);
        }
        return new SnapAssertion(out);
    }

    /** The headers of every assertion of a type, in file order. */
    public List<Map<String, String>> ofType(String type) {
        return assertions.stream().filter(a -> type.equals(a.get("type"))).toList();
    }

    /** A fresh SHA3-384 digest (in the JDK since 9). */
    public static MessageDigest sha3() {
        try {
            return MessageDigest.getInstance("SHA3-384");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A digest as snap assertions write it: base64url without padding. */
    public static String encode(byte[] digest) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /**
     * Why a snap file does not match its .assert, or null when it does: exactly one snap-revision
     * assertion whose snap-sha3-384, snap-size and snap-revision agree with the file and its name,
     * and, when the file carries a snap-declaration of the same snap-id, the same snap name.
     */
    public String mismatch(String fileName, String name, String revision, long size, String sha3) {
        String assertName = fileName.substring(0, fileName.length() - ".snap".length()) + ".assert";
        List<Map<String, String>> revisions = ofType("snap-revision");
        if (revisions.size() != 1) {
            return assertName + " holds " + revisions.size() + " snap-revision assertions, not one";
        }
        Map<String, String> r = revisions.get(0);
        if (!sha3.equals(r.get("snap-sha3-384"))) {
            return fileName + ": snap-sha3-384 in " + assertName + " is " + r.get("snap-sha3-384") + ", the file's is " + sha3;
        }
        if (!Long.toString(size).equals(r.get("snap-size"))) {
            return fileName + ": snap-size in " + assertName + " is " + r.get("snap-size") + ", the file has " + size
                    + " bytes";
        }
        if (!revision.equals(r.get("snap-revision"))) {
            return fileName + ": snap-revision in " + assertName + " is " + r.get("snap-revision")
                    + ", the file name says " + revision;
        }
        for (Map<String, String> d : ofType("snap-declaration")) {
            if (d.get("snap-id") != null && d.get("snap-id").equals(r.get("snap-id"))
                    && !name.equals(d.get("snap-name"))) {
                return fileName + ": the snap-declaration in " + assertName + " names snap " + d.get("snap-name")
                        + ", the file name says " + name;
            }
        }
        return null;
    }
}
