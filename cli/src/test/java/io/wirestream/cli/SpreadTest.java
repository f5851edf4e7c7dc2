package io.wirestream.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpreadTest {

    @Test
    void shouldTakeTheMiddleValueOfAnOddCountWhateverTheOrder() {
        Spread s = Spread.of(List.of(520.0, 90.0, 480.0));
        assertEquals(480.0, s.median());
        assertEquals(90.0, s.min());
        assertEquals(520.0, s.max());
        assertEquals(List.of(520.0, 90.0, 480.0), s.values());
    }

    @Test
    void shouldAverageTheTwoMiddleValuesOfAnEvenCount() {
        assertEquals(450.0, Spread.of(List.of(400.0, 500.0, 100.0, 900.0)).median());
    }

    @Test
    void shouldGiveTheRangeRelativeToTheMedian() {
        assertEquals(0.25, Spread.of(List.of(90.0, 100.0, 115.0)).relativeRange(), 1e-9);
    }

    @Test
    void shouldRefuseNoValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Spread.of(List.of()));
        assertEquals("a spread needs at least one value", e.getMessage());
    }
}
