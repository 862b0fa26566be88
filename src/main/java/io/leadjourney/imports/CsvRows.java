package io.leadjourney.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * A lead list's rows, read by Commons CSV as RFC 4180 writes them (fields in double quotes may hold the delimiter,
 * a doubled quote and line breaks), each with the number of the line it starts on, for the row report.
 */
final class CsvRows {

    record Row(int line, List<String> fields) {
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    CsvRows(Reader in, char delimiter) throws IOException {
        this.parser = CSVParser.builder().setReader(in).setFormat(CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter).setTrailingData(true).get()).get();
        this.records = parser.iterator();
    }

    /** The delimiter of a header line: ';' when it has more semicolons than commas outside quotes, else ','. */
    static char detectDelimiter(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /** The next row, or null at the end. Throws {@link MalformedCsvException} for a quoted field never closed. */
    Row next() throws MalformedCsvException {
        int line = Math.toIntExact(parser.getCurrentLineNumber() + 1);
        try {
            if (!records.hasNext()) {
                return null;
            }
            return new Row(line, records.next().toList());
        } catch (UncheckedIOException e) {
            throw new MalformedCsvException(line, e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        }
    }

    /** The file is not CSV we can read; the whole upload is refused with the line. */
    static final class MalformedCsvException extends IOException {
        MalformedCsvException(int line, String why) {
            super("line " + line + ": " + why);
        }
    }
}
