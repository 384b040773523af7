package dev.launchc.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.launchc.load.Yaml11;
import dev.launchc.load.YMap;
import dev.launchc.load.YNode;
import dev.launchc.load.YScalar;
import dev.launchc.load.YSeq;
import java.math.BigDecimal;

/** YAML nodes to the JSON tree the schema sees, typing plain scalars as yaml.v2 (YAML 1.1) does. */
final class YamlJson {
    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

    private YamlJson() {}

    static JsonNode toJson(YNode node) {
        if (node == null) {
            return F.nullNode();
        }
        if (node instanceof YMap m) {
            ObjectNode o = F.objectNode();
            for (YMap.Entry e : m.entries()) {
                o.set(e.key().text(), toJson(e.value()));
            }
            return o;
        }
        if (node instanceof YSeq s) {
            ArrayNode a = F.arrayNode(s.items().size());
            for (YNode item : s.items()) {
                a.add(toJson(item));
            }
            return a;
        }
        YScalar s = (YScalar) node;
        if (!s.plain()) {
            return F.textNode(s.text());
        }
        if (s.isNull()) {
            return F.nullNode();
        }
        Boolean b = Yaml11.bool(s.text());
        if (b != null) {
            return F.booleanNode(b);
        }
        BigDecimal n = Yaml11.number(s.text());
        if (n != null) {
            return F.numberNode(n);
        }
        return F.textNode(s.text());
    }
}
