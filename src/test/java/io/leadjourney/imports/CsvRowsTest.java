package io.leadjourney.imports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A lead list's rows as the row report numbers them: the line each row starts on. */
class CsvRowsTest {

    private static List<CsvRows.Row> rows(String csv, char delimiter) throws IOException {
        CsvRows reader = new CsvRows(new StringReader(csv), delimiter);
        List<CsvRows.Row> rows = new ArrayList<>();
        for (CsvRows.Row row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void quotedFieldsKeepTheirDelimitersQuotesAndLineBreaksAndRowsKeepTheirFirstLine() throws IOException {
        List<CsvRows.Row> rows = rows("email,company,note\r\n"
                + "ada@example.com,\"Engines, Ltd\",\"said \"\"hello\"\"\"\r\n"
                + "grace@example.com,Compiler Corp,\"two\nlines\"\r\n"
                + "\r\n"
                + "linus@example.com,Kernel,\r\n", ',');

        assertThat(rows).extracting(CsvRows.Row::line).containsExactly(1, 2, 3, 5, 6);
        assertThat(rows.get(1).fields()).containsExactly("ada@example.com", "Engines, Ltd", "said \"hello\"");
        assertThat(rows.get(2).fields()).containsExactly("grace@example.com", "Compiler Corp", "two\nlines");
        assertThat(rows.get(3).fields()).as("an empty line, which the import skips").containsExactly("");
        assertThat(rows.get(4).fields()).containsExactly("linus@example.com", "Kernel", "");
    }

    @Test
    void aSpreadsheetsSemicolonsAreTheDelimiterWhenTheHeaderHasMoreOfThem() throws IOException {
        assertThat(CsvRows.detectDelimiter("email;company;\"note, free text\"")).isEqualTo(';');
        assertThat(CsvRows.detectDelimiter("email,company,\"a;b;c\"")).isEqualTo(',');
        assertThat(rows("email;company\nada@example.com;\"Engines; Ltd\"\n", ';').get(1).fields())
                .containsExactly("ada@example.com", "Engines; Ltd");
    }

    @Test
    void aQuoteNeverClosedNamesTheLineTheRowStartsOn() {
        assertThatThrownBy(() -> rows("email,company\nada@example.com,Engines\ngrace@example.com,\"Compiler\n", ','))
                .isInstanceOf(CsvRows.MalformedCsvException.class).hasMessageStartingWith("line 3: ");
    }
}
