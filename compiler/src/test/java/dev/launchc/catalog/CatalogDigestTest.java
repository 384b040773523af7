package dev.launchc.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

class CatalogDigestTest {
    @Test
    void theBuildRecordsTheDigestOfTheCatalogItShips() {
        assertNotNull(Catalog.class.getResource(CatalogDigest.FILE), "the build step in compiler/pom.xml wrote no record");
        assertEquals(Catalog.get().digest(), CatalogDigest.recorded());
    }
}
