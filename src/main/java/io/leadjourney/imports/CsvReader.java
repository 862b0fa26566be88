package io.leadjourney.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it: fields separated by the delimiter, optionally in double quotes, a quote inside
 * quotes doubled, line breaks (CRLF or LF) inside quotes kept. A record is answered with the number of the line
 * it starts on, for the row report.
 */
final class CsvReader {

    record Record(int line, List<String> fields) {
    }

    private final Reader in;
    private final char delimiter;
    private int line = 1;
    private int pushedBack = -2;

    CsvReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
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

    /** The next record, or null at the end. Throws {@link MalformedCsvException} for an unclosed quote. */
    Record next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        int startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new MalformedCsvException(startLine, "a quoted field is not closed");
                }
                if (c == '"') {
                    int following = read();
                    if (following == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = following;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int following = read();
                    if (following != '\n') {
                        pushedBack = following;
                    }
                }
                if (c != -1) {
                    line++;
                }
                fields.add(field.toString());
                return new Record(startLine, fields);
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    /** The file is not CSV we can read; the whole upload is refused with the line. */
    static final class MalformedCsvException extends IOException {
        MalformedCsvException(int line, String why) {
            super("line " + line + ": " + why);
        }
    }
}
