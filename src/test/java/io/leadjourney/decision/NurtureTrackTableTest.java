package io.leadjourney.decision;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.leadjourney.decision.DmnTables.evaluate;
import static io.leadjourney.decision.DmnTables.vars;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code nurture-track}: the nurture sequence by segment. */
class NurtureTrackTableTest {

    @ParameterizedTest
    @CsvSource({"5,smb-drip", "30,mid-market-drip", "400,enterprise-drip", ",general-drip"})
    void segmentPicksTheTrack(Integer employees, String track) {
        assertThat((String) evaluate(DecisionKeys.NURTURE_TRACK, vars("employees", employees)).getSingleEntry())
                .isEqualTo(track);
    }
}
