package no.krr.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCellsTest {

    @Test
    void aPlainCellIsWrittenAsItIs() {
        assertEquals("SPRAAK_LOCAL_NEWER", CsvCells.cell("SPRAAK_LOCAL_NEWER"));
        assertEquals("nb (2023-06-29T10:14:52+02:00)", CsvCells.cell("nb (2023-06-29T10:14:52+02:00)"));
        assertEquals("", CsvCells.cell(""));
    }

    @Test
    void aCellWithACommaIsQuoted() {
        assertEquals("\"a,b\"", CsvCells.cell("a,b"));
    }

    @Test
    void aQuoteIsDoubledAndTheCellQuoted() {
        assertEquals("\"say \"\"hei\"\"\"", CsvCells.cell("say \"hei\""));
        assertEquals("\"\"\"\"", CsvCells.cell("\""));
    }

    @Test
    void aLineBreakIsQuoted() {
        assertEquals("\"a\nb\"", CsvCells.cell("a\nb"));
        assertEquals("\"a\r\nb\"", CsvCells.cell("a\r\nb"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=1+2            | \"'=1+2\"",
            "+4799999999     | \"'+4799999999\"",
            "-2+3            | \"'-2+3\"",
            "@SUM(A1:A2)     | \"'@SUM(A1:A2)\"",
            "=HYPERLINK(\"http://x\",\"y\") | \"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
            "`=cmd|' /C calc'!A0` | `\"'=cmd|' /C calc'!A0\"`"})
    void aCellThatAFormulaWouldStartIsQuotedBehindAnApostrophe(String value, String written) {
        assertEquals(written, CsvCells.cell(value));
    }

    @Test
    void aLeadingTabOrCarriageReturnIsNeutralisedToo() {
        assertEquals("\"'\t=1+2\"", CsvCells.cell("\t=1+2"));
        assertEquals("\"'\r=1+2\"", CsvCells.cell("\r=1+2"));
    }

    @Test
    void onlyTheFirstCharacterCounts() {
        assertEquals("a=b", CsvCells.cell("a=b"));
        assertEquals("nb-NO", CsvCells.cell("nb-NO"));
        assertEquals(" =1", CsvCells.cell(" =1"));
    }

    @Test
    void aRowJoinsItsCellsWithCommasAndEndsInCrLf() {
        assertEquals("11822648950,SPRAAK_LOCAL_NEWER,nb,\"n,n\",KEPT_LOCAL,\r\n",
                CsvCells.row("11822648950", "SPRAAK_LOCAL_NEWER", "nb", "n,n", "KEPT_LOCAL", ""));
    }

    @Test
    void aRowWithAQuotedLineBreakIsStillOneRecord() {
        assertEquals("x,\"upstream said \"\"no\"\"\r\nagain\"\r\n", CsvCells.row("x", "upstream said \"no\"\r\nagain"));
    }

    @Test
    void aRowWithAFormulaKeepsTheOtherCellsAsTheyAre() {
        assertEquals("11822648950,SPRAAK_UPSTREAM_NEWER,nb,\"'=1+1\",REPAIRED,\r\n",
                CsvCells.row("11822648950", "SPRAAK_UPSTREAM_NEWER", "nb", "=1+1", "REPAIRED", ""));
    }
}
