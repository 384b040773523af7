package dev.launchc.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain scalars that yaml.v2 resolves to numbers, and those it leaves as strings. */
class Yaml11Test {
    @ParameterizedTest
    @CsvSource({"0,0", "42,42", "-7,-7", "+3,3", "1_000,1000", "0x1F,31", "-0x10,-16", "0b101,5", "017,15",
            "1.5,1.5", ".5,0.5", "-.5,-0.5", "+2.,2.0", "1e3,1E+3", "6.02E23,6.02E+23"})
    void numbers(String text, String value) {
        assertEquals(new BigDecimal(value), Yaml11.number(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "-.", "abc", "--cluster-dns", "10.1.2.3", "1.2.3", "0x", "1e", "e3",
            "_1", "+-1", "1 000", "0b2", "12345678901234567890123456789012345678901234567890123456789012345"})
    void notNumbers(String text) {
        assertNull(Yaml11.number(text));
    }
}
