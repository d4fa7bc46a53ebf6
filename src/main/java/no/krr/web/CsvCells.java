package no.krr.web;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * RFC 4180 rows whose cells a spreadsheet shows and never runs. A cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return would be read as a formula by Excel,
 * LibreOffice or Google Sheets (CSV injection): it gets a leading {@code '} (shown as text, not
 * part of the value there) and is quoted. A cell with a comma, quote or line break is quoted with
 * its quotes doubled.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** One record: the cells joined with commas, ended with CRLF. */
    public static String row(String... cells) {
        return Arrays.stream(cells).map(CsvCells::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    public static String cell(String value) {
        if (startsAFormula(value)) {
            return quoted("'" + value);
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return quoted(value);
        }
        return value;
    }

    private static boolean startsAFormula(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
