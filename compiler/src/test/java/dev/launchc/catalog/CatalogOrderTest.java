package dev.launchc.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of tracks and minors, and the since/until bounds of catalog facts, that rules and compile share. */
class CatalogOrderTest {
    @Test
    void minorsOrderNumerically() {
        assertTrue(Catalog.compareMinor("1.9", "1.27") < 0);
        assertTrue(Catalog.compareMinor("1.36", "1.28") > 0);
        assertEquals(0, Catalog.compareMinor("1.32", "1.32"));
        assertTrue(Catalog.compareMinor("1.32", "1.32.1") < 0);
        assertTrue(Catalog.compareMinor("latest", "1.32") > 0, "plain text order for what is not a number");
    }

    @Test
    void everyCatalogTrackIsInOrder() {
        List<String> tracks = Catalog.get().tracks();
        for (int i = 1; i < tracks.size(); i++) {
            assertTrue(Catalog.compareMinor(tracks.get(i - 1), tracks.get(i)) < 0, tracks.toString());
        }
    }

    @Test
    void boundsAreInclusive() {
        ObjectNode fact = JsonNodeFactory.instance.objectNode().put("since", "1.29").put("until", "1.33");
        assertFalse(Catalog.inRange("1.28", fact));
        assertTrue(Catalog.inRange("1.29", fact));
        assertTrue(Catalog.inRange("1.33", fact));
        assertFalse(Catalog.inRange("1.34", fact));
        assertTrue(Catalog.inRange("1.9", JsonNodeFactory.instance.objectNode().put("until", "1.10")));
        assertTrue(Catalog.inRange("1.36", JsonNodeFactory.instance.objectNode()));
    }
}
