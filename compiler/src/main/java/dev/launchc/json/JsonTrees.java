package dev.launchc.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads JSON (catalog data, schemas) and other Jackson formats (TOML) into Jackson trees with the
 * streaming parser alone.
 * An ObjectMapper would do the same, but its first use costs a cold lint some 40 ms of start-up
 * (its static set-up reaches into date formats and locales), more than reading the files does.
 */
public final class JsonTrees {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {}

    public static JsonNode read(InputStream in) throws IOException {
        return read(FACTORY.createParser(in));
    }

    /** The tree of a JSON text that is known to be well-formed (a published schema): a parse error is a bug. */
    public static JsonNode parse(String text) {
        try {
            return read(FACTORY.createParser(text));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads the one value {@code parser} holds (of any Jackson format, e.g. TOML) and closes it. */
    public static JsonNode read(JsonParser source) throws IOException {
        try (JsonParser parser = source) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return NODES.missingNode();
            }
            JsonNode root = value(parser, first);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "trailing content after the value");
            }
            return root;
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t));
                }
                yield array;
            }
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> NODES.numberNode(parser.getIntValue());
                case LONG -> NODES.numberNode(parser.getLongValue());
                default -> NODES.numberNode(parser.getBigIntegerValue());
            };
            // TOML's parser reads floats as BigDecimal, as TomlMapper would keep them (1e400 stays finite).
            case VALUE_NUMBER_FLOAT -> parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
                    ? NODES.numberNode(parser.getDecimalValue()) : NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT -> NODES.pojoNode(parser.getEmbeddedObject());
            default -> throw new JsonParseException(parser, "unexpected " + token);
        };
    }
}
