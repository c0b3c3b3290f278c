package rapport.export;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** OWASP CSV injection: text that a spreadsheet would run as a formula is written inert; numbers stay numbers. */
class SpreadsheetCsvTest {

    @Test
    void textStartingWithAFormulaCharacterGetsALeadingApostrophe() {
        for (String formula : List.of("=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, SpreadsheetCsv.text(formula), formula);
        }
        assertEquals("x/=not-first", SpreadsheetCsv.text("x/=not-first"));
        assertEquals("", SpreadsheetCsv.text(""));
    }

    @Test
    void negativeNumbersInNumericColumnsStayNumbers() {
        String csv = SpreadsheetCsv.of(List.of("scope", "value", "n"), List.of(Arrays.asList("-3.5", -3.5, -2L), Arrays.asList("=cmd", null, 0L)));
        assertEquals("scope,value,n\r\n'-3.5,-3.5,-2\r\n'=cmd,,0\r\n", csv);
    }

    @Test
    void doublesAreUnroundedAndNeverScientific() {
        assertEquals("0.00000123", SpreadsheetCsv.cell(1.23e-6));
        assertEquals("2", SpreadsheetCsv.cell(2.0));
        assertEquals("0.6666666666666666", SpreadsheetCsv.cell(2.0 / 3));
    }
}
