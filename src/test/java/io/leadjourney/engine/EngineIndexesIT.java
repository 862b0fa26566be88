package io.leadjourney.engine;

import io.leadjourney.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The indexes the application adds to Camunda's tables exist once the application has started. */
class EngineIndexesIT extends IntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void theJobsDueDateAndTheAuthorizationsUserAreIndexed() throws SQLException {
        Set<String> indexes = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            for (String table : new String[]{"act_ru_job", "act_ru_authorization"}) {
                for (String name : new String[]{table, table.toUpperCase(Locale.ROOT)}) {
                    try (ResultSet index = metadata.getIndexInfo(null, null, name, false, false)) {
                        while (index.next()) {
                            String indexName = index.getString("INDEX_NAME");
                            if (indexName != null) {
                                indexes.add(indexName.toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
            }
        }
        assertThat(indexes).containsAll(EngineIndexes.INDEXES.keySet());
    }
}
