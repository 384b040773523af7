package dev.launchc.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import dev.launchc.diag.Code;
import dev.launchc.diag.DidYouMean;
import dev.launchc.diag.Fix;
import dev.launchc.diag.Reporter;
import dev.launchc.load.Pointers;
import dev.launchc.load.YDocument;
import dev.launchc.load.YNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates one document against a schema and maps each schema error back to the line and column
 * of the offending key or value, as a launchc diagnostic.
 */
public final class SchemaCheck {
    private final SchemaId schema;
    /** Keys a later version knows: reported as "too new for the track" instead of "unknown". */
    private final Map<String, String> laterKeys;

    public SchemaCheck(SchemaId schema, Map<String, String> laterKeys) {
        this.schema = schema;
        this.laterKeys = laterKeys;
    }

    /** Returns true when the document has no structural errors (unknown keys aside). */
    public boolean check(YDocument doc, Reporter reporter) {
        JsonNode json = YamlJson.toJson(doc.root());
        Set<ValidationMessage> messages = SchemaRegistry.compiled(schema).validate(json);
        List<ValidationMessage> sorted = new ArrayList<>(messages);
        sorted.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                .thenComparing(ValidationMessage::getType).thenComparing(m -> String.valueOf(m.getProperty())));
        boolean structural = true;
        Set<String> seen = new HashSet<>();
        for (ValidationMessage m : sorted) {
            String at = pointer(m);
            if (!seen.add(m.getType() + "|" + at + "|" + m.getProperty())) {
                continue;
            }
            if (reporter.isFull() && "additionalProperties".equals(m.getType())) {
                // An unknown key costs a did-you-mean search; past the cap it would only be counted.
                reporter.countDropped();
                continue;
            }
            structural &= report(doc, m, at, reporter);
        }
        return structural;
    }

    private boolean report(YDocument doc, ValidationMessage m, String at, Reporter reporter) {
        String type = m.getType();
        switch (type) {
            case "additionalProperties" -> {
                String key = m.getProperty();
                String keyPointer = Pointers.child(at, key);
                if (at.isEmpty() && laterKeys.containsKey(key)) {
                    reporter.report(Code.KEY_TOO_NEW_FOR_TRACK, doc.keyPos(keyPointer), keyPointer,
                            "'" + key + "' is " + laterKeys.get(key) + "; the target track's parser ignores it",
                            "target a newer track with --target, or drop the key");
                    return true;
                }
                List<String> allowed = allowedKeys(m);
                String hint = DidYouMean.hint(key, allowed).orElse(null);
                // A rename is safe only to the one clear suggestion, and never to a key the track ignores.
                String rename = DidYouMean.unambiguous(key, allowed).filter(k -> !laterKeys.containsKey(k)).orElse(null);
                reporter.report(Code.UNKNOWN_KEY, doc.keyPos(keyPointer), keyPointer,
                        "unknown key '" + key + "'" + (at.isEmpty() ? "" : " in " + display(at)), hint,
                        rename == null ? null : doc.renameKey(keyPointer, rename));
                return true;
            }
            case "required" -> {
                String key = m.getProperty();
                if (at.isEmpty() && "version".equals(key)) {
                    // MicroK8s skips an empty part before it asks for a version; VersionRule
                    // reports a missing version only for parts that set something.
                    return true;
                }
                reporter.report(Code.TYPE_MISMATCH, doc.valuePos(at), at,
                        "missing required key '" + key + "'" + (at.isEmpty() ? "" : " in " + display(at)));
                return false;
            }
            case "type" -> {
                YNode node = doc.at(at);
                String found = node == null ? "null" : node.describe();
                String wanted = expected(m.getSchemaNode());
                String quoteText = "";
                if ("a string".equals(wanted) && node instanceof dev.launchc.load.YScalar s && s.plain() && !s.isNull()) {
                    // YAML reads 1.30 as the number 1.3: only quotes keep the text.
                    quoteText = "; quote it: \"" + s.text() + "\"";
                }
                // yes, on, 0150, 1.30 where a string is meant: YAML 1.1 reads them as a boolean or a number.
                Fix quote = allowsString(m.getSchemaNode()) ? YDocument.quoteYaml11(node) : null;
                reporter.report(Code.TYPE_MISMATCH, doc.valuePos(at), at,
                        label(at) + " must be " + wanted + ", not " + found + quoteText,
                        quote == null ? null : "YAML 1.1 reads it unquoted as " + found, quote);
                return false;
            }
            case "enum" -> {
                YNode node = doc.at(at);
                List<String> allowed = new ArrayList<>();
                m.getSchemaNode().forEach(v -> allowed.add(v.asText()));
                String text = node instanceof dev.launchc.load.YScalar s ? s.text() : String.valueOf(node);
                reporter.report(Code.TYPE_MISMATCH, doc.valuePos(at), at,
                        label(at) + " must be one of " + String.join(", ", allowed) + ", not '" + text + "'",
                        DidYouMean.hint(text, allowed).orElse(null));
                return false;
            }
            default -> {
                reporter.report(Code.TYPE_MISMATCH, doc.valuePos(at), at, label(at) + ": " + stripLocation(m.getMessage()));
                return false;
            }
        }
    }

    private static String pointer(ValidationMessage m) {
        String p = m.getInstanceLocation().toString();
        return "/".equals(p) ? "" : p;
    }

    /** The value's name: its key, with the index of a list item ('addons[0]', not '0'). */
    private static String label(String at) {
        if (at.isEmpty()) {
            return "the document";
        }
        String shown = display(at);
        return "'" + shown.substring(shown.lastIndexOf('.') + 1) + "'";
    }

    /** A JSON pointer as a reader writes the path: /spec/addons/0/name is spec.addons[0].name. */
    static String display(String pointer) {
        StringBuilder b = new StringBuilder();
        String p = pointer.startsWith("/") ? pointer.substring(1) : pointer;
        for (String token : p.split("/", -1)) {
            String t = token.replace("~1", "/").replace("~0", "~");
            if (!t.isEmpty() && t.chars().allMatch(Character::isDigit) && b.length() > 0) {
                b.append('[').append(t).append(']');
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(t);
            }
        }
        return b.toString();
    }

    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        return colon >= 0 && message.startsWith("/") ? message.substring(colon + 2) : message;
    }

    private static boolean allowsString(JsonNode typeNode) {
        if (typeNode != null && typeNode.isArray()) {
            for (JsonNode t : typeNode) {
                if ("string".equals(t.asText())) {
                    return true;
                }
            }
            return false;
        }
        return typeNode != null && "string".equals(typeNode.asText());
    }

    private static String expected(JsonNode typeNode) {
        List<String> types = new ArrayList<>();
        if (typeNode != null && typeNode.isArray()) {
            typeNode.forEach(t -> types.add(t.asText()));
        } else if (typeNode != null) {
            types.add(typeNode.asText());
        }
        types.remove("null");
        // A Go string field takes any scalar: "a scalar" then, not a list of kinds.
        boolean anyScalar = types.contains("string") && (types.contains("number") || types.contains("integer"));
        List<String> words = new ArrayList<>();
        for (String t : types) {
            words.add(switch (t) {
                case "object" -> "a mapping";
                case "array" -> "a list";
                case "string", "number", "integer" -> anyScalar ? (words.contains("a scalar") ? null : "a scalar")
                        : t.equals("string") ? "a string" : t.equals("integer") ? "an integer" : "a number";
                case "boolean" -> types.contains("string") ? null : "a boolean (true or false)";
                default -> t;
            });
        }
        words.removeIf(java.util.Objects::isNull);
        return String.join(" or ", words);
    }

    /** The property names the schema allows where the unknown key stands, for "did you mean". */
    private List<String> allowedKeys(ValidationMessage m) {
        String fragment = m.getSchemaLocation().getFragment().toString();
        if (fragment.endsWith("/additionalProperties")) {
            fragment = fragment.substring(0, fragment.length() - "/additionalProperties".length());
        }
        JsonNode parent = SchemaRegistry.raw(schema).at(fragment.startsWith("#") ? fragment.substring(1) : fragment);
        List<String> keys = new ArrayList<>();
        JsonNode props = parent.path("properties");
        for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        keys.addAll(laterKeys.keySet());
        return keys;
    }
}
